"""Command line: ``python -m analysis report [options]`` regenerates every figure and report."""
from __future__ import annotations

import argparse
import ast
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from analysis.corpus import MAX_SIZE_VARIABLE
from analysis.claim_cli import add_claim_commands
from analysis.paths import ROOT, SEEDS
from analysis.report import ReportError, RunInterrupted, discover_notebooks, run_report


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


def _positive(text: str) -> int:
    if not text.replace("_", "").isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {text!r}")
    return int(text)


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
    report.add_argument("--group-by", metavar="COLUMN",
                        help="a metadata column of the corpus (leaning, country…) grouping outlets: "
                             "a row per group in the summary, figures coloured and faceted by group")
    report.add_argument("--notebooks", nargs="+", metavar="NAME",
                        help="run only these notebooks (file names or stems)")
    report.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="notebooks run at once (default: the number of cores)")
    report.add_argument("--skip-unchanged", action="store_true",
                        help="do not rerun a notebook whose code, inputs and parameters are those "
                             "of its last successful run into --out (off by default)")
    report.add_argument("--max-size", type=_positive, metavar="BYTES",
                        help="skip (with its reason) any document above this size, so one huge "
                             "article cannot stall the run (default 32,000,000)")
    cluster = report.add_mutually_exclusive_group()
    cluster.add_argument("--workers", type=_positive, metavar="N",
                         help="run the document-local stages on a local dask cluster of N worker "
                              "processes (results equal a run without it)")
    cluster.add_argument("--scheduler", metavar="ADDRESS",
                         help="run the document-local stages on a dask.distributed cluster "
                              "(tcp://host:8786); its workers must see --out and have analysis installed")
    report.add_argument("-p", "--parameter", type=_parse_assignment, action="append", default=[],
                        metavar="NAME=VALUE", help="any other notebook parameter (repeatable)")
    commands.add_parser("tables", help="print the table dictionary (markdown) the README holds")
    add_claim_commands(commands)
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
    """Exit codes: 0 every notebook ran, 1 a notebook failed, 2 the run could not start (bad
    option, unknown notebook or parameter, output folder unwritable or in use), 130 Ctrl-C.
    Each problem is one line on stderr; tracebacks go to ``reports/report.log``."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("interrupted before any notebook ran; nothing was written", file=sys.stderr)
        return 130


@contextmanager
def dask_cluster(workers: int | None, scheduler: str | None):
    """The scheduler address the notebooks use: ``scheduler`` as given, a LocalCluster of
    ``workers`` processes (one thread each) for the duration of the run, or "" (no cluster)."""
    if not workers:
        yield scheduler or ""
        return
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as local:
        yield local.scheduler_address


def _main(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "tables":
        from analysis.schemas import data_dictionary

        print(data_dictionary())
        return 0
    if hasattr(args, "run"):  # claim-stance, train-claim-model
        return args.run(args)
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
    if args.group_by:
        parameters["group_by"] = args.group_by
    parameters.update(dict(args.parameter))
    if args.max_size:  # the notebooks' kernels inherit it (load_documents reads it)
        os.environ[MAX_SIZE_VARIABLE] = str(args.max_size)
    started = time.perf_counter()
    try:
        notebooks = discover_notebooks(names=args.notebooks)
        with dask_cluster(args.workers, args.scheduler) as scheduler:
            runs = run_report(args.out, parameters, notebooks, jobs=args.jobs,
                              skip_unchanged=args.skip_unchanged, scheduler=scheduler)
    except ReportError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except RunInterrupted as stop:
        done = ", ".join(f"{r.name} ({'ok' if r.ok else 'failed'})" for r in stop.finished)
        print(f"interrupted: {len(stop.finished)} notebook(s) had finished ({done or 'none'}); "
              f"stopped {', '.join(stop.pending) or 'none'}; the kernels were killed and the "
              f"previous outputs in {args.out.resolve()} are unchanged", file=sys.stderr)
        return 130
    except OSError as err:
        print(f"error: cannot write the reports into {args.out.resolve()}: "
              f"{err.strerror or err}; choose another --out", file=sys.stderr)
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
