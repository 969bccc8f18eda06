"""FNC-1 claim stance: the shipped rules, the shipped model and the official baseline's approach.

Usage: .venv/bin/python benchmarks/eval_fnc1.py [--data ../shared/datasets/fnc1] [--out DIR]

1. Trains the claim-stance model exactly as ``python -m analysis train-claim-model`` does
   (``analysis.fnc1.train_claim_model``: FNC-1 train minus a body-disjoint hold-out of 20 % of the
   bodies, seed 0) and prints, on that hold-out, the FNC score (% of the maximum), macro-F1 and
   per-class F1 of the rules (``analysis.stance`` via ``rule_label``), the model (with the voice
   and evidence guards of ``label_claims``) and the official baseline's approach (gradient
   boosting over word overlap, refuting words, polarity and n-gram hits, written here after the
   FNC-1 baseline's ``feature_engineering.py``; tokens are lower-cased, not lemmatised, since
   nltk data is never downloaded).
2. Labels the official test pairs once with the ``claim-stance`` command (the shipped code path)
   and prints its time and the predictions file; their labels are scored outside the project.
The data is read from --data and never committed.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from analysis.__main__ import main as framelab  # noqa: E402
from analysis.claim_cli import model_card  # noqa: E402
from analysis.fnc1 import body_split, load_fnc1, scores, train_claim_model  # noqa: E402
from analysis.paths import ROOT  # noqa: E402

# The FNC-1 baseline's refuting words (feature_engineering.py).
REFUTING = ["fake", "fraud", "hoax", "false", "deny", "denies", "not", "despite", "nope", "doubt", "doubts",
            "bogus", "debunk", "pranks", "retract"]


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _grams(items, n):
    return [" ".join(items[i:i + n]) if isinstance(items, list) else items[i:i + n]
            for i in range(len(items) - n + 1)]


def baseline_features(claim: str, body: str) -> list[float]:
    """The FNC-1 baseline's features of one pair: Jaccard word overlap, refuting words in the
    headline, polarity (refuting-word parity) of headline and body, and hits of the headline's
    character 2/4/8/16-grams and word 2–6-grams in the body and in its first 255 characters."""
    h, b = _tokens(claim), _tokens(body)
    hs, bs = set(h), set(b)
    lead = " ".join(b)[:255]
    text = " ".join(b)
    out = [len(hs & bs) / max(len(hs | bs), 1), *[float(w in hs) for w in REFUTING],
           sum(w in REFUTING for w in h) % 2, sum(w in REFUTING for w in b) % 2]
    joined = " ".join(h)
    for n in (2, 4, 8, 16):
        grams = _grams(joined, n)
        out += [sum(g in text for g in grams), sum(g in lead for g in grams)]
    for n in range(2, 7):
        grams = _grams(h, n)
        out += [sum(g in text for g in grams), sum(g in lead for g in grams)]
    return out


def print_table(rows: dict[str, dict]) -> None:
    classes = ("agree", "disagree", "discuss", "unrelated")
    print("| method (body-disjoint hold-out of FNC-1 train) | FNC score | macro-F1 | accuracy | "
          + " | ".join(f"F1 {c}" for c in classes) + " |")
    print("|---" * (4 + len(classes)) + "|")
    for name, s in rows.items():
        print(f"| {name} | {s['fnc_score']:.2f} | {s['macro_f1']:.4f} | {s['accuracy']:.4f} | "
              + " | ".join(f"{s[f'f1_{c}']:.4f}" for c in classes) + " |")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "datasets" / "fnc1",
                        help="folder with the FNC-1 CSV files (default: ../shared/datasets/fnc1)")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "fnc1",
                        help="where the test predictions go (default: reports/fnc1/)")
    args = parser.parse_args(argv)
    if not (args.data / "train_stances.csv").exists():
        print(f"FNC-1 data not found in {args.data}; give --data FOLDER", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="fnc1_"))

    t0 = time.perf_counter()
    model, card = train_claim_model(args.data, work / "claim_stance")
    train_seconds = time.perf_counter() - t0
    print(f"model: trained in {train_seconds:.0f} s (evidence and features, fit, hold-out scoring)")
    shipped = ROOT / "data" / "models" / "claim_stance.npz"
    same = shipped.exists() and shipped.read_bytes() == (work / "claim_stance.npz").read_bytes()
    print(f"arrays byte-identical to the shipped {shipped.relative_to(ROOT)}: {'yes' if same else 'no'}")

    t0 = time.perf_counter()
    corpus, pairs = load_fnc1(args.data, "train")
    held = body_split(pairs)
    bodies = dict(zip(corpus["doc_id"], corpus["text"]))
    x = np.array([baseline_features(c, bodies[d]) for c, d in zip(pairs["claim"], pairs["doc_id"])])
    gbm = HistGradientBoostingClassifier(max_iter=200, random_state=0).fit(x[~held], pairs["stance"][~held])
    baseline = scores(pairs["stance"][held], gbm.predict(x[held]))
    print(f"baseline approach: features and fit in {time.perf_counter() - t0:.0f} s")
    print_table({"rules (analysis.stance, suite defaults)": card["holdout"]["rules"],
                 "model (analysis.claim_labels: MLP + guards)": card["holdout"]["model"],
                 "official baseline's approach (gradient boosting, hand features)": baseline})

    # The official test pairs, once, through the command an analyst runs.
    test_corpus, test_pairs = load_fnc1(args.data, "competition_test")
    corpus_csv, pairs_csv = work / "fnc1_test_corpus.csv", work / "fnc1_test_pairs.csv"
    test_corpus.assign(published="unknown", url="unknown", title="unknown").to_csv(corpus_csv, index=False)
    test_pairs[["claim", "doc_id"]].to_csv(pairs_csv, index=False)
    labels_csv = args.out / "competition_test_labels.csv"
    t0 = time.perf_counter()
    code = framelab(["claim-stance", "--corpus", str(corpus_csv), "--claims", str(pairs_csv),
                     "--out", str(labels_csv), "--model", str(work / "claim_stance")])
    seconds = time.perf_counter() - t0
    if code:
        return code
    labels = pd.read_csv(labels_csv, dtype=str, keep_default_na=False)
    submission = args.out / "competition_test_predictions.csv"
    pd.DataFrame({"Headline": test_pairs["claim"], "Body ID": test_pairs["doc_id"],
                  "Stance": labels["label"]}).to_csv(submission, index=False)
    related = labels[labels["label"] != "unrelated"]
    print(f"claim-stance labelled {len(labels):,} official test pairs in {seconds:.0f} s; "
          f"non-unrelated labels without evidence: {int((related['evidence'] == '').sum())}")
    print(f"predictions (FNC-1 format): {submission}\nlabels with evidence: {labels_csv}")
    print(model_card(card).split("\n\n")[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
