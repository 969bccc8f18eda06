"""Command-line entry points for claim stance: ``train-claim-model`` and ``claim-stance``.

Both are subcommands of ``python -m analysis`` (added by :func:`add_claim_commands`); each
returns an exit code: 0 done, 2 bad input (the message names the file and line).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from analysis.claim_labels import DEFAULT_MODEL, ClaimPairsError, write_claim_stance
from analysis.claim_model import CLASSES


def add_claim_commands(commands) -> None:
    """Add both subcommands to an argparse subparsers object."""
    train = commands.add_parser("train-claim-model", help="train the claim-stance model on FNC-1 train")
    train.add_argument("--fnc1", type=Path, required=True, help="folder with the FNC-1 CSV files")
    train.add_argument("--out", type=Path, default=DEFAULT_MODEL,
                       help="model path without suffix; writes .npz, .json and .md (default: data/models/claim_stance)")
    train.set_defaults(run=run_train)
    label = commands.add_parser("claim-stance", help="label (claim, document) pairs: agree/disagree/discuss/unrelated")
    label.add_argument("--corpus", type=Path, required=True, help="any corpus the loader reads")
    label.add_argument("--claims", type=Path, required=True, help="PAIRS.csv with columns claim,doc_id[,claim_id]")
    label.add_argument("--out", type=Path, required=True, help="LABELS.csv to write")
    label.add_argument("--model", type=Path, default=DEFAULT_MODEL, help="model path without suffix")
    label.set_defaults(run=run_label)


def model_card(card: dict) -> str:
    """The Markdown card written beside the model: data, code version, settings, hold-out table."""
    lines = ["# Claim-stance model card", "",
             "Trained by `analysis/fnc1.py::train_claim_model`; loaded by `analysis.claim_model.ClaimModel.load`",
             "(plain arrays: `.npz` read with `allow_pickle=False`, vocabularies in `.json`).", "",
             f"- training data: {card['training_data']}", f"- code version: `{card['code_version']}`",
             f"- command: `{card['command']}`", f"- settings: `{card['params']}`", "",
             "Body-disjoint hold-out of FNC-1 train (FNC score in % of the maximum):", "",
             "| method | FNC score | macro-F1 | accuracy | " + " | ".join(f"F1 {c}" for c in CLASSES) + " |",
             "|---" * (4 + len(CLASSES)) + "|"]
    for method, s in card["holdout"].items():
        lines.append(f"| {method} | {s['fnc_score']:.2f} | {s['macro_f1']:.4f} | {s['accuracy']:.4f} | "
                     + " | ".join(f"{s[f'f1_{c}']:.4f}" for c in CLASSES) + " |")
    return "\n".join(lines) + "\n"


def run_train(args) -> int:
    from analysis.fnc1 import train_claim_model

    started = time.perf_counter()
    try:
        model, card = train_claim_model(args.fnc1, args.out)
    except FileNotFoundError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    args.out.with_suffix(".md").write_text(model_card(card), encoding="utf-8")
    print(model_card(card))
    sizes = ", ".join(f"{p.name} {p.stat().st_size / 1e6:.2f} MB" for p in
                      (args.out.with_suffix(".npz"), args.out.with_suffix(".json")))
    print(f"wrote {args.out}.npz/.json/.md ({sizes}); trained in {time.perf_counter() - started:.0f} s")
    return 0


def run_label(args) -> int:
    from analysis.corpus import CorpusError

    started = time.perf_counter()
    try:
        labels = write_claim_stance(args.corpus, args.claims, args.out, args.model)
    except (ClaimPairsError, CorpusError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    counts = ", ".join(f"{k} {v:,}" for k, v in labels["label"].value_counts().sort_index().items())
    print(f"wrote {args.out}: {len(labels):,} pairs ({counts}) in {time.perf_counter() - started:.1f} s")
    return 0
