"""Command line: ``python -m analysis report [options]`` regenerates every figure and report."""
from __future__ import annotations

import argparse
import ast
import os
import sys
import time
from pathlib import Path

from analysis.paths import ROOT, SEEDS
from analysis.report import ReportError, discover_notebooks, run_report


def _parse_assignment(text: str) -> tuple[str, object]:
    """``NAME=VALUE``: VALUE is a Python literal when it reads as one (``3``, ``0.5``, ``True``,
    ``[1, 2]``, ``'x'``), else the text itself, so ``-p min_count=3`` passes the number 3."""
    name, sep, value = text.partition("=")
    if not sep or not name.isidentifier():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    try:
        return name, ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return name, value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis",
                                     description="Framelab: how outlets frame one story.")
    commands = parser.add_subparsers(dest="command", required=True)
    report = commands.add_parser("report", help="run every notebook, export HTML reports")
    report.add_argument("--corpus", type=Path, default=SEEDS,
                        help="corpus folder or .csv/.jsonl file (default: seeds/)")
    report.add_argument("--out", type=Path, default=ROOT,
                        help="output root for figures/ and reports/ (default: the repository)")
    report.add_argument("--story", type=Path,
                        help="story folder (claims, targets, lexicons, gold; default: story/ beside the corpus)")
    report.add_argument("--lexicons", type=Path, help="lexicon file or folder (overrides the story's)")
    report.add_argument("--claims", type=Path, help="claims YAML (overrides the story's)")
    report.add_argument("--targets", type=Path, help="targets YAML (overrides the story's)")
    report.add_argument("--notebooks", nargs="+", metavar="NAME",
                        help="run only these notebooks (file names or stems)")
    report.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="notebooks run at once (default: the number of cores)")
    report.add_argument("--skip-unchanged", action="store_true",
                        help="do not rerun a notebook whose code, inputs and parameters are those "
                             "of its last successful run into --out (off by default)")
    report.add_argument("-p", "--parameter", type=_parse_assignment, action="append", default=[],
                        metavar="NAME=VALUE", help="any other notebook parameter (repeatable)")
    commands.add_parser("tables", help="print the table dictionary (markdown) the README holds")
    kit = commands.add_parser("init-story", help="write an editable story folder from a corpus")
    kit.add_argument("corpus", type=Path, help="corpus folder or .csv/.jsonl file")
    kit.add_argument("--out", type=Path, required=True, help="the story folder to write (new or empty)")
    return parser


def init_story(corpus: Path, out: Path) -> int:
    """``init-story``: the story kit (analysis/story_kit.py) for ``corpus`` into ``out``."""
    from analysis.corpus import analysed, load_documents
    from analysis.story_kit import write_story_kit

    started = time.perf_counter()
    try:
        articles = analysed(load_documents(corpus))
        folder = write_story_kit(articles, out, corpus_path=str(corpus))
    except (FileExistsError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"story kit for {len(articles)} documents written to {folder} in "
          f"{time.perf_counter() - started:.1f} s; edit it, then run: python -m analysis report "
          f"--corpus {corpus} --story {folder}")
    return 0


def check_story_files(args) -> None:
    """Validate the story's files before any notebook starts (raises StoryError)."""
    from analysis.story import check_story, find_story

    overrides = {name: getattr(args, name) for name in ("lexicons", "claims", "targets")}
    for name in ("neutral_words", "gold"):
        value = dict(args.parameter).get(name)
        if value:
            overrides[name] = value
    check_story(find_story(args.corpus, dict(args.parameter).get("story") or args.story, **overrides))


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "tables":
        from analysis.schemas import data_dictionary

        print(data_dictionary())
        return 0
    if args.command == "init-story":
        return init_story(args.corpus, args.out)
    from analysis.story import StoryError

    try:
        check_story_files(args)
    except StoryError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    parameters = {"corpus": str(args.corpus.resolve()), "out_dir": str(args.out.resolve())}
    for name in ("story", "lexicons", "claims", "targets"):
        if getattr(args, name) is not None:
            parameters[name] = str(getattr(args, name).resolve())
    parameters.update(dict(args.parameter))
    started = time.perf_counter()
    try:
        notebooks = discover_notebooks(names=args.notebooks)
        runs = run_report(args.out, parameters, notebooks, jobs=args.jobs,
                          skip_unchanged=args.skip_unchanged)
    except ReportError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    failed = [r for r in runs if not r.ok]
    total = sum(r.seconds for r in runs)
    skipped = sum(r.skipped for r in runs)
    print(f"{len(runs) - len(failed) - skipped} of {len(runs)} notebooks ran"
          + (f", {skipped} unchanged and not rerun" if skipped else "") + "; wall time "
          f"{time.perf_counter() - started:.1f} s (notebook time {total:.1f} s, "
          f"{max(1, args.jobs)} process(es)); reports in {args.out.resolve() / 'reports'}")
    for run in failed:
        print(f"error: notebook {run.name} failed in {run.error}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
