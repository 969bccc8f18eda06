"""Claim stance per (claim, document) pair: the rules find the evidence, the trained model weighs it.

One code path for notebook 04, the ``claim-stance`` command and the FNC-1 training and benchmark:
:func:`pair_evidence` runs the rules (``analysis.stance.claim_sentences``, author voice apart from
quoted voice) and computes each pair's features; :func:`label_claims` adds the model's label and
keeps the sentences behind it.

Label policy (README, "Claim stance model"):
  * the model decides for documents in a language it was trained on (``en``); for any other
    language the rules' label is kept (``method`` says so);
  * a curated claim (cue groups written by the analyst for the document's language, as in
    ``seeds/story/claims.yaml``) keeps the rules' label where the rules are unanimous (confidence 1.0:
    no related sentence, or every decisive sentence supports the label): the groups hold the
    analyst's synonyms and translations, which the model, trained on FNC-1 headlines, never sees;
  * voice: a ``disagree`` needs the outlet's own voice. When every refutation among the evidence is
    reported or quoted (roles ``reported refutation`` only, no author ``refutation``), the document
    reports someone else's denial: the label becomes ``discuss``;
  * evidence: a related label needs at least one sentence that shares a claim word; without one
    the pair is ``unrelated``.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.claim_model import (
    CLASSES,
    ClaimModel,
    hand_features,
    profile_body,
    profile_claim,
    rule_label,
    rule_rows,
)
from analysis.paths import DATA
from analysis.schemas import empty_table
from analysis.stance import claim_sentences, load_cues
from analysis.text import split_corpus_sentences

DEFAULT_MODEL = DATA / "models" / "claim_stance"
LABEL_COLUMNS = ["doc_id", "outlet", "claim_id", "claim", "label", "confidence", "n_related", "evidence",
                 "voice", "method", "rule_label", "rule_confidence", *[f"p_{c}" for c in CLASSES]]
LEAD_CHARS = 255  # the official FNC-1 baseline's "hits in the lead" window


def default_cues() -> dict:
    """The suite's stance cues (language -> cue kind -> phrases); the one place that knows where
    they live, so a move of the language resources changes one line."""
    return load_cues()


class ClaimPairsError(ValueError):
    """A pairs table that cannot be labelled; the message names the file and line."""


def claim_pairs(corpus: pd.DataFrame, claims) -> tuple[pd.DataFrame, list[dict]]:
    """Pairs to label and the claim records behind them.

    ``claims`` is either a list from ``load_claims`` (each claim paired with every document in one
    of its ``languages``, cue groups kept) or a table with ``claim``, ``doc_id`` and optional
    ``claim_id`` (missing ids become ``claim_0001`` … in order of first appearance; claims without
    cue groups use each content word as a group). Out: ``claim_id``, ``claim``, ``doc_id``; claims.
    """
    if isinstance(claims, pd.DataFrame):
        pairs = claims[["claim", "doc_id"]].astype(str).copy()
        if "claim_id" in claims.columns and (claims["claim_id"].astype(str).str.strip() != "").all():
            pairs["claim_id"] = claims["claim_id"].astype(str)
        else:
            ids = {text: f"claim_{i + 1:04d}" for i, text in enumerate(dict.fromkeys(pairs["claim"]))}
            pairs["claim_id"] = pairs["claim"].map(ids)
        languages = sorted(set(corpus["language"]))
        records = [{"id": cid, "text": text, "languages": languages, "cues": {}}
                   for cid, text in pairs.drop_duplicates("claim_id")[["claim_id", "claim"]].itertuples(index=False)]
        return pairs[["claim_id", "claim", "doc_id"]].reset_index(drop=True), records
    rows = [(c["id"], c["text"], d) for d, lang in zip(corpus["doc_id"], corpus["language"])
            for c in claims if lang in c["languages"]]
    return pd.DataFrame(rows, columns=["claim_id", "claim", "doc_id"]), list(claims)


def pair_evidence(corpus: pd.DataFrame, pairs: pd.DataFrame, claims: list[dict], cues: dict,
                  sentences: pd.DataFrame | None = None, quotes: pd.DataFrame | None = None,
                  progress=None) -> tuple[pd.DataFrame, list[list[dict]], list[str]]:
    """The rules' evidence and the model's dense features for every pair.

    In: ``corpus`` (``doc_id``, ``outlet``, ``language``, ``text``), ``pairs`` and ``claims`` from
    :func:`claim_pairs`, cues from ``load_cues``; optional precomputed ``sentences``
    (``split_corpus_sentences``) and ``quotes`` (``extract_quotes``; computed when not given, so
    cues are read in the author's voice). ``progress(done, total)`` is called after each document.
    Out: ``features`` (one row per pair, in ``pairs`` order: ``claim``, ``text``, ``language``,
    ``outlet``, ``curated`` (the claim has cue groups in the document's language), ``rule_label``,
    ``rule_confidence``, ``dense`` (the hand features)); per pair, its
    evidence records: every sentence sharing a claim word, as ``claim_sentences(related_min=0)``
    gives it; and the evidence columns. Cost: about 2.5 ms per pair (FNC-1 bodies of ~20 sentences).
    """
    from analysis.quotes import extract_quotes

    docs = corpus.drop_duplicates("doc_id").set_index("doc_id")
    used = docs.loc[pairs["doc_id"].unique()].reset_index()
    if sentences is None:
        sentences = split_corpus_sentences(used)
    if quotes is None:
        quotes = extract_quotes(used)
    wanted = set(used["doc_id"])  # only the paired documents' rows are grouped (none without claims)
    sentences = sentences[sentences["doc_id"].isin(wanted)]
    quotes = quotes[quotes["doc_id"].isin(wanted)] if len(quotes) else quotes
    direct = quotes[quotes["kind"] == "direct"] if len(quotes) else quotes
    by_claim = {c["id"]: c for c in claims}
    claim_profiles: dict = {}
    sentence_groups = dict(tuple(sentences.groupby("doc_id", sort=False)))
    quote_groups = dict(tuple(quotes.groupby("doc_id", sort=False))) if len(quotes) else {}
    span_groups = {d: list(zip(g["start"], g["end"])) for d, g in direct.groupby("doc_id")} if len(direct) else {}
    empty_sentences, empty_quotes = sentences.iloc[:0], quotes.iloc[:0]
    features, evidence, columns = [None] * len(pairs), [None] * len(pairs), []
    order = pairs.groupby("doc_id", sort=False).indices
    claim_ids = pairs["claim_id"].to_numpy()
    for n, (doc_id, rows) in enumerate(order.items(), start=1):
        doc = docs.loc[doc_id]
        language, text = doc["language"], doc["text"]
        lang_cues = cues.get(language, {})
        doc_claims = [dict(by_claim[c], languages=[language]) for c in dict.fromkeys(claim_ids[rows])]
        doc_sentences = sentence_groups.get(doc_id, empty_sentences)
        found = claim_sentences(doc_sentences, doc_claims, cues, quotes=quote_groups.get(doc_id, empty_quotes),
                                related_min=0.0)
        columns = list(found.columns)
        per_claim: dict = {}
        for record in found.to_dict("records"):
            per_claim.setdefault(record["claim_id"], []).append(record)
        body = profile_body(text, span_groups.get(doc_id, []), lang_cues, len(doc_sentences), LEAD_CHARS)
        for i in rows:
            claim = by_claim[claim_ids[i]]
            key = (claim["id"], language)
            if key not in claim_profiles:
                claim_profiles[key] = profile_claim(claim["text"], lang_cues)
            ev = per_claim.get(claim["id"], [])
            label, confidence = rule_label(ev)
            features[i] = {"claim": claim["text"], "text": text, "language": language, "outlet": doc["outlet"],
                           "curated": bool(claim.get("cues", {}).get(language)),
                           "rule_label": label, "rule_confidence": round(confidence, 4),
                           "dense": hand_features(claim_profiles[key], body, ev)}
            evidence[i] = ev
        if progress:
            progress(n, len(order))
    table = pd.DataFrame(features, columns=["claim", "text", "language", "outlet", "curated", "rule_label",
                                            "rule_confidence", "dense"])
    return table, evidence, columns


def _cited(rows: list[dict], max_evidence: int) -> list[dict]:
    """The sentences a label cites: the rules' kept rows, else the three of highest coverage;
    at most ``max_evidence``, decisive roles (not ``related``) first, then coverage; text order."""
    kept = rule_rows(rows) or sorted(rows, key=lambda r: (-r["coverage"], r["sentence_id"]))[:3]
    kept = sorted(kept, key=lambda r: (r["role"] == "related", -r["coverage"], r["sentence_id"]))
    return sorted(kept[:max_evidence], key=lambda r: r["sentence_id"])


def decide(probabilities: np.ndarray, rows: list[dict]) -> tuple[str, str]:
    """The model's label for one pair after the evidence and voice guards (module docstring)."""
    label = CLASSES[int(np.argmax(probabilities))]
    if label != "unrelated" and not rows:
        return "unrelated", "model; no sentence shares a claim word"
    roles = {r["role"] for r in rule_rows(rows)}
    if label == "disagree" and "reported refutation" in roles and "refutation" not in roles:
        return "discuss", "model; the denial is only reported (voice guard)"
    return label, "model"


def label_claims(corpus: pd.DataFrame, claims, model: ClaimModel | None = None, cues: dict | None = None,
                 sentences: pd.DataFrame | None = None, quotes: pd.DataFrame | None = None,
                 max_evidence: int = 5, progress=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """FNC-1 label of every (claim, document) pair, decided by the model, with evidence sentences.

    In: ``corpus`` (``doc_id``, ``outlet``, ``language``, ``text``); ``claims``: a list from
    ``load_claims`` or a table ``claim``, ``doc_id`` [, ``claim_id``]; ``model`` (default: the shipped
    ``data/models/claim_stance``); ``cues`` (default: every language's resources, ``load_cues()``); optional
    precomputed ``sentences`` and ``quotes`` (as in notebook 04).
    Out: ``labels`` with ``LABEL_COLUMNS``, one row per pair in input order: today's
    ``claim_stance`` columns (``doc_id``, ``outlet``, ``claim_id``, ``label``, ``confidence`` = the
    model's probability of the label, or the rules' confidence where the rules decide,
    ``n_related`` (sentences the rules keep), ``evidence`` = ``[role] sentence`` joined by `` | ``,
    ``voice``) plus ``claim``, ``method`` (who decided, which guard applied), ``rule_label``,
    ``rule_confidence``, ``p_<class>`` (empty where the rules decide); and ``evidence``: the cited
    sentences in ``claim_evidence`` columns. An ``unrelated`` label cites nothing.
    """
    model = model or ClaimModel.load(DEFAULT_MODEL)
    cues = cues or default_cues()
    pairs, records = claim_pairs(corpus, claims)
    table, found, columns = pair_evidence(corpus, pairs, records, cues, sentences, quotes, progress)
    probabilities = np.full((len(pairs), len(CLASSES)), np.nan)
    known = table["language"].isin(model.languages_).to_numpy() if len(table) else np.zeros(0, bool)
    if known.any():
        probabilities[known] = model.predict_proba(table.loc[known, "claim"], table.loc[known, "text"],
                                                   np.vstack(table.loc[known, "dense"].to_list()))
    rows, cited_rows = [], []
    for i, (t, pair) in enumerate(zip(table.itertuples(index=False), pairs.itertuples(index=False))):
        ev = found[i]
        if known[i] and not (t.curated and t.rule_confidence == 1.0):
            label, method = decide(probabilities[i], ev)
            confidence = float(probabilities[i][CLASSES.index(label)])
        else:
            label, confidence = t.rule_label, t.rule_confidence
            method = ("rules (curated claim, unanimous evidence)" if known[i] else
                      f"rules (model trained on {', '.join(model.languages_)} only)")
        cited = _cited(ev, max_evidence) if label != "unrelated" else []
        cited_rows.extend(cited)
        rows.append({"doc_id": pair.doc_id, "outlet": t.outlet, "claim_id": pair.claim_id, "claim": pair.claim,
                     "label": label, "confidence": round(confidence, 4), "n_related": len(rule_rows(ev)),
                     "evidence": " | ".join(f"[{r['role']}] {r['sentence']}" for r in cited),
                     "voice": ev[0]["voice"] if ev else "", "method": method,
                     "rule_label": t.rule_label, "rule_confidence": t.rule_confidence,
                     **{f"p_{c}": round(float(p), 4) for c, p in zip(CLASSES, probabilities[i])}})
    evidence = pd.DataFrame(cited_rows, columns=columns) if columns else empty_table("claim_evidence")
    return pd.DataFrame(rows, columns=LABEL_COLUMNS), evidence


def load_pairs(path: Path | str, corpus: pd.DataFrame, documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Read ``PAIRS.csv`` (``claim``, ``doc_id``, optional ``claim_id``); every doc_id must be an
    analysed document of ``corpus``. Raises :class:`ClaimPairsError` naming file and line (and, for
    a skipped document, why it was skipped)."""
    path = Path(path)
    try:
        pairs = pd.read_csv(path, dtype=str, keep_default_na=False)
    except FileNotFoundError:
        raise ClaimPairsError(f"{path}: file not found; give a CSV with columns claim,doc_id") from None
    except (pd.errors.ParserError, UnicodeDecodeError) as err:
        raise ClaimPairsError(f"{path}: not a readable UTF-8 CSV ({err})") from None
    missing = [c for c in ("claim", "doc_id") if c not in pairs.columns]
    if missing:
        raise ClaimPairsError(f"{path} line 1: missing column(s) {', '.join(missing)}; the header must "
                              f"have claim,doc_id (optional claim_id), found {', '.join(pairs.columns) or 'none'}")
    known = set(corpus["doc_id"])
    skipped = {} if documents is None else dict(zip(documents["doc_id"], documents["reason"]))
    ids = pairs["claim_id"] if "claim_id" in pairs.columns else [""] * len(pairs)
    first: dict[str, tuple[int, str]] = {}
    for line, (claim, doc_id, claim_id) in enumerate(zip(pairs["claim"], pairs["doc_id"], ids), start=2):
        if not claim.strip():
            raise ClaimPairsError(f"{path} line {line}: the claim is empty; write the claim as one sentence")
        if claim_id and first.setdefault(claim_id, (line, claim))[1] != claim:
            raise ClaimPairsError(f"{path} line {line}: claim_id {claim_id!r} names another claim on line "
                                  f"{first[claim_id][0]}; give each claim text its own claim_id")
        if doc_id not in known:
            why = f" (the corpus skipped it: {skipped[doc_id]})" if doc_id in skipped else \
                " (no document with this doc_id in the corpus)"
            raise ClaimPairsError(f"{path} line {line}: unknown doc_id {doc_id!r}{why}")
    return pairs


def write_claim_stance(corpus_path: Path | str, pairs_path: Path | str, out: Path | str,
                       model_path: Path | str = DEFAULT_MODEL, chunk: int = 2000, stream=None) -> pd.DataFrame:
    """The ``claim-stance`` command: label every pair of ``pairs_path`` over the corpus at
    ``corpus_path`` and write ``out`` chunk by chunk (``claim``, ``doc_id``, ``claim_id``,
    ``label``, ``confidence``, ``evidence``, ``method``, ``rule_label``), printing progress."""
    from analysis.corpus import analysed, load_documents
    from analysis.quotes import extract_quotes

    started, stream = time.perf_counter(), stream or sys.stderr
    documents = load_documents(corpus_path)
    corpus = analysed(documents)
    pairs = load_pairs(pairs_path, corpus, documents)
    model, cues = ClaimModel.load(model_path), default_cues()
    used = corpus[corpus["doc_id"].isin(set(pairs["doc_id"]))]
    sentences, quotes = split_corpus_sentences(used), extract_quotes(used)
    print(f"{len(pairs):,} pairs over {len(used):,} documents; sentences and quotations read in "
          f"{time.perf_counter() - started:.1f} s", file=stream)
    claims, _ = claim_pairs(corpus, pairs)  # ids fixed once, over the whole file
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    columns = ["claim", "doc_id", "claim_id", "label", "confidence", "evidence", "method", "rule_label"]
    parts = []
    for first in range(0, len(claims), chunk):
        labels, _ = label_claims(corpus, claims.iloc[first:first + chunk], model, cues, sentences, quotes)
        labels[columns].to_csv(out, mode="w" if first == 0 else "a", header=first == 0, index=False)
        parts.append(labels)
        done = min(first + chunk, len(claims))
        rate = done / (time.perf_counter() - started)
        print(f"labelled {done:,} / {len(claims):,} pairs ({rate:.0f} pairs/s)", file=stream, flush=True)
    if not len(claims):
        pd.DataFrame(columns=columns).to_csv(out, index=False)
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=LABEL_COLUMNS)
