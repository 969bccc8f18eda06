"""FNC-1 (Fake News Challenge stage 1) as framelab reads it: corpus, pairs, the body-disjoint
hold-out split, the official score, and the training of the shipped claim-stance model.

The data is read from a folder given by the caller (``../shared/datasets/fnc1``), never committed.
Everything is chosen on FNC-1 train: the official test labels are scored outside the project.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.claim_model import CLASSES, ClaimModel
from analysis.claim_labels import claim_pairs, decide, default_cues, pair_evidence
from analysis.paths import ROOT

RELATED = {"agree", "disagree", "discuss"}
SEED, HOLDOUT = 0, 0.2
# The model's settings; class weights make the rare classes count in training (disagree is 1.7 %
# of FNC-1 train, agree 7.4 %).
MODEL_PARAMS = {"max_words": 5000, "hidden": 50, "alpha": 1e-4, "epochs": 20, "batch_size": 500,
                "class_weight": {"agree": 2.0, "disagree": 4.0, "discuss": 1.0, "unrelated": 1.0},
                "random_state": SEED}


def load_fnc1(folder: Path | str, split: str = "train") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Corpus (``doc_id`` = Body ID as text, ``outlet`` ``fnc1``, ``language`` ``en``, ``text``) and
    pairs (``claim`` = Headline, ``doc_id``, ``stance`` when labelled) of an FNC-1 split:
    ``train`` or ``competition_test``."""
    folder = Path(folder)
    stances = folder / (f"{split}_stances.csv" if split == "train" else f"{split}_stances_unlabeled.csv")
    for path in (folder / f"{split}_bodies.csv", stances):
        if not path.exists():
            raise FileNotFoundError(f"{path}: FNC-1 file not found; give the folder holding the FNC-1 CSV files")
    bodies = pd.read_csv(folder / f"{split}_bodies.csv", encoding="utf-8", dtype={"Body ID": str})
    table = pd.read_csv(stances, encoding="utf-8", dtype={"Body ID": str})
    corpus = pd.DataFrame({"doc_id": bodies["Body ID"], "outlet": "fnc1", "language": "en",
                           "text": bodies["articleBody"].fillna("")})
    pairs = pd.DataFrame({"claim": table["Headline"], "doc_id": table["Body ID"]})
    if "Stance" in table.columns:
        pairs["stance"] = table["Stance"]
    return corpus, pairs


def body_split(pairs: pd.DataFrame, holdout: float = HOLDOUT, seed: int = SEED) -> np.ndarray:
    """Boolean mask of the hold-out pairs: a ``holdout`` share of the bodies (sorted, then drawn
    with a fixed seed), so no body is on both sides."""
    bodies = np.array(sorted(pairs["doc_id"].unique(), key=lambda b: (len(b), b)))
    rng = np.random.default_rng(seed)
    held = set(rng.choice(bodies, size=int(round(holdout * len(bodies))), replace=False))
    return pairs["doc_id"].isin(held).to_numpy()


def fnc_score(gold, predicted) -> float:
    """Official FNC-1 relative score, % of the maximum: 0.25 for the right related/unrelated call,
    +0.75 for the right class of a related pair."""
    score = maximum = 0.0
    for g, p in zip(gold, predicted):
        maximum += 1.0 if g in RELATED else 0.25
        if g == p:
            score += 0.25 + (0.5 if g != "unrelated" else 0.0)
        if g in RELATED and p in RELATED:
            score += 0.25
    return 100 * score / maximum if maximum else float("nan")


def scores(gold, predicted) -> dict:
    """FNC score, macro-F1, accuracy and per-class F1 (``f1_<class>``), rounded to 4 places."""
    from sklearn.metrics import f1_score
    per_class = f1_score(list(gold), list(predicted), labels=list(CLASSES), average=None, zero_division=0)
    return {"fnc_score": round(fnc_score(gold, predicted), 2), "macro_f1": round(float(per_class.mean()), 4),
            "accuracy": round(float(np.mean(np.asarray(gold) == np.asarray(predicted))), 4),
            **{f"f1_{c}": round(float(f), 4) for c, f in zip(CLASSES, per_class)}}


def _features_part(args) -> tuple:
    corpus, claims, records, progress = args
    started = time.perf_counter()

    def report(done, total):
        if progress and (done % 200 == 0 or done == total):
            print(f"  evidence and features: {done:,}/{total:,} bodies of this part "
                  f"({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    table, evidence, _ = pair_evidence(corpus, claims, records, default_cues(), progress=report)
    return table, evidence


def fnc1_features(corpus: pd.DataFrame, pairs: pd.DataFrame, progress: bool = True,
                  jobs: int = 2) -> tuple[pd.DataFrame, list[list[dict]]]:
    """:func:`analysis.claim_labels.pair_evidence` on FNC-1 pairs (the shipped code path), the
    bodies split into ``jobs`` parts run in parallel processes; rows come back in ``pairs`` order,
    identical to one call."""
    claims, records = claim_pairs(corpus, pairs[["claim", "doc_id"]])
    bodies = list(dict.fromkeys(claims["doc_id"]))
    parts = [set(bodies[i::jobs]) for i in range(jobs)]
    masks = [claims["doc_id"].isin(part).to_numpy() for part in parts]
    tasks = [(corpus[corpus["doc_id"].isin(part)], claims[m].reset_index(drop=True), records, progress and i == 0)
             for i, (part, m) in enumerate(zip(parts, masks))]
    if jobs > 1:
        import multiprocessing
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            results = pool.map(_features_part, tasks)
    else:
        results = [_features_part(tasks[0])]
    index = np.concatenate([np.flatnonzero(m) for m in masks])
    order = np.argsort(index, kind="stable")
    table = pd.concat([r[0] for r in results], ignore_index=True).iloc[order].reset_index(drop=True)
    evidence = [e for r in results for e in r[1]]
    return table, [evidence[i] for i in order]


def fit_model(table: pd.DataFrame, labels, params: dict | None = None) -> ClaimModel:
    """A :class:`ClaimModel` fitted on feature rows from :func:`fnc1_features`."""
    model = ClaimModel(**(params or MODEL_PARAMS))
    return model.fit(table["claim"], table["text"], np.vstack(table["dense"].to_list()), labels)


def model_labels(model: ClaimModel, table: pd.DataFrame, evidence: list[list[dict]]) -> list[str]:
    """The labels ``label_claims`` gives these pairs (model plus evidence and voice guards);
    ``evidence`` holds each pair's records, in ``table`` order."""
    p = model.predict_proba(table["claim"], table["text"], np.vstack(table["dense"].to_list()))
    return [decide(p[i], rows)[0] for i, rows in enumerate(evidence)]


def code_version() -> str:
    """The git commit of the repository (``+dirty`` with uncommitted changes), or ``unknown``."""
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                                check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "analysis"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
        return commit + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def train_claim_model(folder: Path | str, out: Path | str | None = None, limit: int | None = None) -> tuple[ClaimModel, dict]:
    """Train on FNC-1 train minus a body-disjoint hold-out (20 % of bodies, seed 0), score the
    model and the rules on the hold-out, and write ``out`` (``.npz`` + ``.json`` with the card).

    ``limit`` keeps the first ``limit`` bodies (sorted by id), for tests. Returns the model and the
    card: training data, sizes, code version, settings and hold-out scores.
    """
    started = time.perf_counter()
    corpus, pairs = load_fnc1(folder, "train")
    if limit:
        keep = sorted(corpus["doc_id"], key=lambda b: (len(b), b))[:limit]
        corpus, pairs = corpus[corpus["doc_id"].isin(keep)], pairs[pairs["doc_id"].isin(keep)].reset_index(drop=True)
    table, evidence = fnc1_features(corpus, pairs, progress=limit is None)
    held = body_split(pairs)
    featured = time.perf_counter()
    model = fit_model(table[~held], pairs["stance"][~held])
    fitted = time.perf_counter()
    gold = pairs["stance"][held].tolist()
    card = {
        "training_data": f"FNC-1 train ({Path(folder).name}/train_stances.csv, train_bodies.csv): "
                         f"{int((~held).sum()):,} pairs, {pairs['doc_id'][~held].nunique():,} bodies; hold-out "
                         f"{int(held.sum()):,} pairs, {pairs['doc_id'][held].nunique():,} bodies "
                         f"({HOLDOUT:.0%} of bodies, seed {SEED}); the official test set is not used",
        "code_version": code_version(),
        "command": "python -m analysis train-claim-model --fnc1 ../shared/datasets/fnc1",
        "params": model.params(),
        "holdout": {"rules": scores(gold, table["rule_label"][held]),
                    "model": scores(gold, model_labels(model, table[held], [e for e, h in zip(evidence, held) if h]))},
    }
    # Times are printed, not stored: the model files depend on the inputs only.
    print(f"  evidence and features {featured - started:.0f} s, fit {fitted - featured:.0f} s, "
          f"hold-out scored {time.perf_counter() - fitted:.0f} s", file=sys.stderr)
    if out:
        model.save(out, card)
    return model, card
