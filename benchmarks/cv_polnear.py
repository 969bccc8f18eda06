"""Cross-validated indirect + mixed attribution figures on PolNeAR train: the tuning signal.

Usage: .venv/bin/python benchmarks/cv_polnear.py [--folds 5] [--c 0.3] [--threshold 0.3] [--data …]

The sentence model is trained on PolNeAR train, so the benchmark's train figures are in-sample
and optimistic. Here train documents are split into ``--folds`` folds (the k-th document in
name order goes to fold k mod folds); for each fold the model is retrained on the other folds'
candidate sentences (``train_polnear_sentences.labelled_sentences``, the same settings unless
``--c`` / ``--threshold`` say otherwise) and the shipped extractor, with that model, reads the
held-out documents. The held-out rows of every fold are pooled and scored by the benchmark's own
scorer (``eval_polnear.score_quotes``). Deterministic; about 40 s. Dev is never read.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import pandas as pd  # noqa: E402

import analysis as fl  # noqa: E402
from analysis.datasets import read_polnear  # noqa: E402
from analysis.quotes import extraction  # noqa: E402
from analysis.quotes import sentence_model as sm  # noqa: E402
from eval_polnear import score_quotes  # noqa: E402
from train_polnear_sentences import SETTINGS, labelled_sentences  # noqa: E402


def cross_validate(data: str | None, folds: int, settings: dict, overlap: float = 0.3) -> dict:
    """The benchmark's figures on train, each document read with a model that never saw it."""
    articles, gold = read_polnear("train", data)
    fold_of = {d: k % folds for k, d in enumerate(sorted(articles["doc_id"]))}
    sentences = labelled_sentences(articles, gold)
    found = []
    saved = extraction.sentence_model
    try:
        for k in range(folds):
            seen = [(t, y, f) for d, t, y, f in sentences if fold_of[d] != k]
            model = sm.AttributionSentenceModel().fit([t for t, _, _ in seen], [y for _, y, _ in seen],
                                                      contents=[f for _, _, f in seen], **settings)
            extraction.sentence_model = lambda language, model=model: model if language == "en" else None
            found.append(fl.extract_quotes(articles[articles["doc_id"].map(fold_of) == k]))
    finally:
        extraction.sentence_model = saved
    return score_quotes(articles, gold, pd.concat(found, ignore_index=True), overlap)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="the polnear folder (default ../shared/datasets/polnear)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c", type=float, default=SETTINGS["c"])
    parser.add_argument("--threshold", type=float, default=SETTINGS["threshold"])
    parser.add_argument("--nb-alpha", type=float, default=SETTINGS.get("nb_alpha"),
                        help="naive-Bayes scaling of the sentence model's features (none: plain regression)")
    args = parser.parse_args()
    began = time.perf_counter()
    settings = dict(SETTINGS, c=args.c, threshold=args.threshold, nb_alpha=args.nb_alpha)
    r = cross_validate(args.data, args.folds, settings)
    p, rec, f = r["reported"]
    c = r["counts"]["reported"]
    print(f"PolNeAR train, {args.folds}-fold CV by document, {settings} ({time.perf_counter() - began:.1f} s)")
    print(f"indirect + mixed attributions  P {p:.3f}  R {rec:.3f}  F1 {f:.3f}   {c[1]} / {c[3]}")
    p, rec, f = r["quotations"]
    print(f"direct quotations              P {p:.3f}  R {rec:.3f}  F1 {f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
