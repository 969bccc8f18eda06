"""Agreement of the stance methods with a hand annotation (gold labels with justifications)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from analysis.stance.claims import LABELS
from analysis.stance.config import StanceDataError
from analysis.stance.targets import TARGET_LABELS


def load_gold(path: Path | str, key: list[str], labels) -> pd.DataFrame:
    """Read a gold CSV with ``key`` columns, ``label`` and ``justification``; every label must be
    one of ``labels`` and every justification non-empty (the error names file and line)."""
    path = Path(path)
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in [*key, "label", "justification"] if c not in gold.columns]
    if missing:
        raise StanceDataError(f"{path}: missing column(s) {', '.join(missing)}")
    for i, row in enumerate(gold.itertuples(index=False), start=2):
        if row.label not in labels:
            raise StanceDataError(f"{path} line {i}: label {row.label!r} is not one of {', '.join(labels)}")
        if not row.justification.strip():
            raise StanceDataError(f"{path} line {i}: justification is empty; say why, in one sentence")
    return gold


def agreement(predicted: pd.DataFrame, gold: pd.DataFrame, key: list[str], labels) -> dict:
    """Accuracy and macro-F1 of ``predicted['label']`` against ``gold['label']`` on ``key``.

    Gold rows without a prediction count as wrong (predicted label ``missing``). Macro-F1 averages
    the F1 of the labels that occur in gold or predictions. Out: ``n``, ``accuracy``, ``macro_f1``,
    ``per_label`` (label -> F1), ``pairs`` (the joined table).
    """
    pairs = gold.merge(predicted[[*key, "label"]], on=key, how="left", suffixes=("_gold", ""))
    pairs["label"] = pairs["label"].fillna("missing")
    y_true, y_pred = pairs["label_gold"].to_numpy(), pairs["label"].to_numpy()
    per_label = {}
    for label in sorted(set(y_true) | (set(y_pred) & set(labels))):
        tp = int(((y_true == label) & (y_pred == label)).sum())
        fp = int(((y_true != label) & (y_pred == label)).sum())
        fn = int(((y_true == label) & (y_pred != label)).sum())
        per_label[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {"n": len(pairs), "accuracy": float((y_true == y_pred).mean()) if len(pairs) else np.nan,
            "macro_f1": float(np.mean(list(per_label.values()))) if per_label else np.nan,
            "per_label": per_label, "pairs": pairs, "key": list(key)}


# Each method measured against the hand annotation: gold file in the gold folder, key, labels.
GOLD = {
    "claim stance (per document)": ("claim_stance.csv", ["doc_id", "claim_id"], LABELS),
    "target stance (per outlet)": ("target_stance.csv", ["outlet", "target"], TARGET_LABELS),
}


def agree_with_gold(claim_table: pd.DataFrame, target_table: pd.DataFrame,
                    gold_dir: Path | str) -> dict[str, dict]:
    """:func:`agreement` of both methods with the gold files in ``gold_dir`` (see ``GOLD``),
    keyed by method name."""
    predicted = {"claim stance (per document)": claim_table, "target stance (per outlet)": target_table}
    return {method: agreement(predicted[method], load_gold(Path(gold_dir) / file, key, labels), key, labels)
            for method, (file, key, labels) in GOLD.items()}


def agreement_table(results: dict[str, dict]) -> pd.DataFrame:
    """One row per method from :func:`agreement` results: ``method``, ``n``, ``accuracy``,
    ``macro_f1``, and the F1 of each label (``f1_<label>``)."""
    rows = []
    for method, r in results.items():
        rows.append({"method": method, "n": r["n"], "accuracy": round(r["accuracy"], 4),
                     "macro_f1": round(r["macro_f1"], 4),
                     **{f"f1_{k}": round(v, 4) for k, v in sorted(r["per_label"].items())}})
    return pd.DataFrame(rows)


def disagreements(result: dict, key: list[str] | None = None) -> pd.DataFrame:
    """The rows of an :func:`agreement` result where method and gold differ, with the gold
    justification (``key`` defaults to the result's own)."""
    key = key or result["key"]
    pairs = result["pairs"]
    return pairs[pairs["label"] != pairs["label_gold"]][[*key, "label_gold", "label", "justification"]]
