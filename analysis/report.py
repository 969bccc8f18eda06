"""Run the notebooks with papermill and export them as offline HTML reports with an index.

Layout under an output root ``OUT``: ``OUT/reports/notebooks/*.ipynb`` (executed),
``OUT/reports/*.html`` (no code), ``OUT/reports/index.html``, ``OUT/reports/tables/*.csv``,
``OUT/reports/report.log`` (tracebacks of failed notebooks) and ``OUT/figures/*`` (written by
the notebooks themselves).

Output folders never lie: a run holds ``OUT/.framelab.lock`` (its pid; a second run into the
same ``OUT`` is refused, a lock whose pid is dead is stale and removed), writes everything into
``OUT/.staging-<pid>/`` and, once every notebook has finished, swaps its ``reports/`` and
``figures/`` in for the previous ones. A run that is interrupted or cannot finish leaves the
previous outputs as they were.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import papermill
from nbconvert import HTMLExporter

from analysis.corpus import MAX_SIZE_VARIABLE, analysed, load_documents
from analysis.index_page import write_index
from analysis.outputs import (
    ReportError,
    _corpus_digest,
    _files,
    acquire_lock,
    make_staging,
    publish_staging,
    release_lock,
)
from analysis.paths import DATA, NOTEBOOKS, ROOT, SEEDS, reports_dir
from analysis.progress import NOTEBOOK, PROGRESS_FILE, latest_lines
from analysis.stages import corpus_documents
from analysis.workers import SocketFileKernelManager, kill_workers, start_worker

PROGRESS_EVERY = 15  # seconds between progress lines while notebooks run

KERNEL = "framelab"
TEMPLATES = Path(__file__).parent / "templates"


class RunInterrupted(Exception):
    """Ctrl-C stopped a run: the queue was cancelled and the kernels killed; ``finished`` holds
    the notebooks that had finished. The previous outputs are left as they were."""

    def __init__(self, finished: list, pending: list[str]):
        super().__init__("interrupted")
        self.finished, self.pending = finished, pending


@dataclass
class NotebookRun:
    """What happened to one notebook: ``ok``, wall ``seconds`` and, on failure, ``error``."""

    name: str
    ok: bool
    seconds: float
    error: str = ""
    html: Path | None = None
    title: str = ""
    parameters: dict = field(default_factory=dict)
    skipped: bool = False
    traceback: str = ""


def discover_notebooks(folder: Path | str = NOTEBOOKS, names: list[str] | None = None) -> list[Path]:
    """The notebooks to run, in run order (file name order); ``names`` selects some by file
    name or stem, and an unknown name is an error."""
    available = sorted(Path(folder).glob("[0-9]*.ipynb"))
    if not names:
        return available
    by_name = {p.stem: p for p in available} | {p.name: p for p in available}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise ReportError(f"unknown notebook(s) {', '.join(unknown)}; available: "
                          + ", ".join(p.stem for p in available))
    return [by_name[n] for n in names]


def notebook_parameters(path: Path) -> dict:
    """Names and defaults declared in a notebook's ``parameters`` cell."""
    return {name: info["default"] for name, info in papermill.inspect_notebook(str(path)).items()}


def notebook_needs(path: Path) -> list[str]:
    """Notebooks (stems) that must finish before this one starts, from its metadata
    ``{"framelab": {"needs": ["02_loaded_terms", ...]}}``; e.g. a summary that reads the tables
    the others write. Most notebooks need none and run in parallel."""
    return list(nbformat.read(path, as_version=4).metadata.get("framelab", {}).get("needs", []))


def split_parameters(notebooks: list[Path], parameters: dict) -> dict[Path, dict]:
    """Give each notebook the parameters it declares; a parameter no notebook declares is an
    error (papermill alone would only warn)."""
    declared = {nb: notebook_parameters(nb) for nb in notebooks}
    known = set().union(*declared.values()) if declared else set()
    unknown = sorted(set(parameters) - known)
    if unknown:
        raise ReportError(f"unknown parameter(s) {', '.join(unknown)}; the notebooks declare: "
                          + ", ".join(sorted(known)))
    return {nb: {k: v for k, v in parameters.items() if k in names} for nb, names in declared.items()}


def report_date() -> str:
    """The date printed on reports: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else
    today; a date, not a time, so reruns on one day give identical HTML."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch
            else dt.datetime.now(dt.timezone.utc))
    return when.date().isoformat()


def summarise_corpus_source(corpus: Path | str, out: Path | str | None = None) -> str:
    """One line for the report header: documents analysed and skipped, outlets, languages and
    date range of the corpus at ``corpus`` ("" means the seeds). With ``out`` (the run's
    staging folder), the documents table goes to the run's cache, so the notebooks read it
    instead of loading the corpus again. Never raises: a corpus that
    cannot be read says so (the notebooks then fail with the full message)."""
    try:
        documents = (corpus_documents(corpus or SEEDS, out) if out is not None
                     else load_documents(corpus or SEEDS))
    except Exception as err:  # noqa: BLE001 - the header reports it, the notebooks fail loudly
        return f"could not be read: {err}"
    articles = analysed(documents)
    dates = sorted(d for d in articles["published"] if d != "unknown")
    span = f", published {dates[0]} to {dates[-1]}" if dates else ""
    return (f"{len(articles)} documents analysed ({len(documents) - len(articles)} skipped) "
            f"from {articles['outlet'].nunique()} outlets; languages "
            + ", ".join(sorted(articles["language"].unique())) + span + ".")


def notebook_title(nb: nbformat.NotebookNode, fallback: str) -> str:
    """The first H1 of a notebook's markdown, or ``fallback``."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def export_html(executed: Path, target: Path, run_info: dict, failure: str = "") -> str:
    """Export an executed notebook to standalone offline HTML without code; return its title.

    A failed notebook's page says which cell failed and what to do (``failure``), without the
    traceback: error outputs and papermill's error banners are dropped from the page (they stay
    in the executed notebook and ``report.log``)."""
    nb = nbformat.read(executed, as_version=4)
    title = notebook_title(nb, executed.stem)
    nb.metadata["title"] = title
    pages = run_info.get("pages", [])
    at = [stem for stem, _ in pages].index(executed.stem) if executed.stem in dict(pages) else -1
    nb.metadata["framelab"] = {**run_info, "title": title, "notebook": executed.stem,
                               "failure": failure, "toc": page_contents(nb),
                               "previous": pages[at - 1] if at > 0 else None,
                               "next": pages[at + 1] if 0 <= at < len(pages) - 1 else None}
    nb.cells = [c for c in nb.cells if not _is_error_banner(c)]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if o.get("output_type") != "error"]
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"  # papermill gives it a random id; HTML must not vary
    exporter = HTMLExporter(template_name="framelab", extra_template_basedirs=[str(TEMPLATES)],
                            exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True, embed_images=True)
    body, _ = exporter.from_notebook_node(nb)
    target.write_text(body, encoding="utf-8")
    return title


def page_contents(nb: nbformat.NotebookNode) -> list[tuple[str, str]]:
    """(anchor, heading) of every H2 of the notebook's markdown, for the page's table of
    contents; the anchor is the one nbconvert gives the heading (spaces become hyphens)."""
    headings = [line[3:].strip() for cell in nb.cells if cell.cell_type == "markdown"
                for line in cell.source.splitlines() if line.startswith("## ")]
    return [(h.replace(" ", "-"), h) for h in headings]


def page_titles(notebooks: list[Path]) -> list[tuple[str, str]]:
    """(stem, title) of every notebook of a run, in run order: the previous/next links."""
    return [(nb.stem, notebook_title(nbformat.read(nb, as_version=4), nb.stem)) for nb in notebooks]


def _is_error_banner(cell) -> bool:
    return any(t.startswith("papermill-error") for t in cell.metadata.get("tags", []))


ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _traceback(err: Exception) -> str:
    """The kernel's traceback of a failed cell, without terminal colours (for the log)."""
    lines = getattr(err, "traceback", None) or [f"{type(err).__name__}: {err}"]
    return ANSI.sub("", "\n".join(lines))


def _describe_failure(err: Exception, executed: Path) -> str:
    """Name the failing cell as the analyst sees it: its number in the source notebook (papermill's
    injected-parameters cell not counted) and its first line."""
    if not isinstance(err, papermill.PapermillExecutionError):
        return f"{type(err).__name__}: {err}"
    cells = nbformat.read(executed, as_version=4).cells if executed.exists() else []
    cells = [c for c in cells if not _is_error_banner(c)]  # papermill adds them on failure
    injected = sum("injected-parameters" in c.metadata.get("tags", [])
                   for c in cells[:err.cell_index])
    first_line = err.source.strip().splitlines()[0] if err.source.strip() else ""
    return (f"cell {err.cell_index + 1 - injected} (`{first_line}`) raised "
            f"{err.ename}: {err.evalue}")


def run_notebook(notebook: Path, out: Path, parameters: dict, run_info: dict,
                 kernel: str = KERNEL, staging: Path | None = None, scheduler: str = "") -> NotebookRun:
    """Execute one notebook with papermill into ``staging`` (default ``out``) and export it;
    never raises for a failing cell. The notebook writes its tables and figures into the
    staging folder (its ``out_dir``, when it declares one); ``parameters`` as the user gave them
    go to the fingerprint and the page header. The fingerprint is written last, only on success.
    ``scheduler`` (a dask.distributed address) goes to a notebook that declares it, not to the
    page or the fingerprint: results are the same with or without a cluster. The kernel writes
    its progress to ``staging/.progress/<notebook>.log`` (:mod:`analysis.progress`).
    """
    staging = staging or out
    executed_dir = reports_dir(staging) / "notebooks"
    executed_dir.mkdir(parents=True, exist_ok=True)
    executed = executed_dir / notebook.name
    stamp = executed_dir / f"{notebook.stem}.fingerprint"
    stamp.unlink(missing_ok=True)
    executed.unlink(missing_ok=True)
    started = time.perf_counter()
    error = trace = ""
    given = dict(parameters)
    if "out_dir" in notebook_parameters(notebook):
        given["out_dir"] = str(staging)
    if scheduler and "scheduler" in notebook_parameters(notebook):
        given["scheduler"] = scheduler
    os.environ[PROGRESS_FILE] = str(staging / ".progress" / f"{notebook.stem}.log")  # the kernel inherits it
    os.environ[NOTEBOOK] = notebook.stem
    try:
        papermill.execute_notebook(str(notebook), str(executed), parameters=given,
                                   kernel_name=kernel, cwd=str(notebook.parent),
                                   progress_bar=False, kernel_manager_class=SocketFileKernelManager,
                                   # quiet kernel: no TCP-encryption warning, no logged shutdown interrupt
                                   extra_arguments=["--IPKernelApp.log_level=CRITICAL"])
    except Exception as err:  # noqa: BLE001 - every failure is reported, the others still run
        # name the folder the reader will have, not the staging folder that is swapped in
        error, trace = (text.replace(str(staging), str(out))
                        for text in (_describe_failure(err, executed), _traceback(err)))
    target = reports_dir(staging) / f"{notebook.stem}.html"
    title = ""
    if executed.exists():
        try:
            title = export_html(executed, target, {**run_info, "parameters": parameters}, error)
        except Exception as err:  # noqa: BLE001 - an export failure is a failure like any other
            error = error or f"HTML export: {type(err).__name__}: {err}"
            trace = trace or _traceback(err)
    if not error:
        stamp.write_text(fingerprint(notebook, parameters, kernel))
    return NotebookRun(notebook.stem, not error, time.perf_counter() - started, error,
                       target if target.exists() else None, title, parameters, traceback=trace)


def fingerprint(notebook: Path, parameters: dict, kernel: str = KERNEL) -> str:
    """A hash of everything a notebook's outputs depend on: the notebook, the code and templates
    under ``analysis/``, ``requirements.txt``, ``data/``, the seeds, every file or folder a
    parameter names (except ``out_dir``), the parameters themselves and the per-document size
    limit (``FRAMELAB_MAX_SIZE``). Cost: reads every input
    file once. Not covered: the run date, and outputs deleted since the last run."""
    limit = os.environ.get(MAX_SIZE_VARIABLE, "")  # reaches the kernels' load_documents
    digest = hashlib.sha256(json.dumps([notebook.name, kernel, parameters, limit],
                                       sort_keys=True, default=str).encode())
    inputs = [notebook, Path(__file__).parent, ROOT / "requirements.txt", DATA, SEEDS]
    inputs += [Path(v) for k, v in sorted(parameters.items())
               if k != "out_dir" and isinstance(v, str) and v and Path(v).exists()]
    for path in inputs:
        for file in _files(path) if path.exists() else []:
            digest.update(str(file).encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def reuse_unchanged(notebook: Path, out: Path, parameters: dict,
                    kernel: str = KERNEL) -> NotebookRun | None:
    """The previous run of ``notebook`` into ``out`` when it succeeded with the same
    ``fingerprint`` and its executed notebook and HTML are still there; else None."""
    stamp = reports_dir(out) / "notebooks" / f"{notebook.stem}.fingerprint"
    executed = reports_dir(out) / "notebooks" / notebook.name
    target = reports_dir(out) / f"{notebook.stem}.html"
    if not (stamp.exists() and executed.exists() and target.exists()):
        return None
    if stamp.read_text() != fingerprint(notebook, parameters, kernel):
        return None
    title = notebook_title(nbformat.read(executed, as_version=4), notebook.stem)
    return NotebookRun(notebook.stem, True, 0.0, "", target, title, parameters, skipped=True)


def write_log(path: Path, runs: list[NotebookRun]) -> None:
    """``report.log``: one block per failed notebook with its message and full traceback."""
    blocks = [f"== {r.name}: failed in {r.error}\n{r.traceback}\n" for r in runs if not r.ok]
    path.write_text("\n".join(blocks) or "no notebook failed\n", encoding="utf-8")


def run_report(out: Path | str, parameters: dict, notebooks: list[Path] | None = None,
               jobs: int = 1, kernel: str = KERNEL, echo=print,
               skip_unchanged: bool = False, scheduler: str = "") -> list[NotebookRun]:
    """Run notebooks (in parallel when ``jobs`` > 1), export HTML, write the index.

    ``parameters`` go to every notebook that declares them; unknown ones raise ``ReportError``.
    A notebook starts once the notebooks it needs (``notebook_needs``) have finished.
    With ``skip_unchanged``, a notebook whose ``fingerprint`` matches its last successful run
    into ``out`` is not rerun (its page keeps that run's date). Everything is written into a
    staging folder under ``out`` that replaces ``out/reports`` and ``out/figures`` only when
    the run has finished; a second run into the same ``out`` raises ``ReportError``, Ctrl-C
    raises ``RunInterrupted`` and leaves the previous outputs untouched. Returns one
    ``NotebookRun`` per notebook, in run order; ``echo`` receives progress lines (every
    ``PROGRESS_EVERY`` seconds, the newest stage progress of each running notebook).
    ``scheduler``: a dask.distributed scheduler address the notebooks run their document-local
    stages on (:func:`analysis.stages.document_stage`).
    """
    out = Path(out).resolve()
    notebooks = notebooks if notebooks is not None else discover_notebooks()
    per_notebook = split_parameters(notebooks, parameters)
    lock = acquire_lock(out)
    staging = None
    try:
        corpus = str(parameters.get("corpus", "")) or str(SEEDS)
        reused = {nb: reuse_unchanged(nb, out, per_notebook[nb], kernel) if skip_unchanged
                  else None for nb in notebooks}
        changed = True
        while changed:  # a notebook whose needs are rerun is rerun too (it reads their outputs)
            rerun = {nb.stem for nb, r in reused.items() if r is None}
            stale = [nb for nb, r in reused.items() if r and set(notebook_needs(nb)) & rerun]
            changed = bool(stale)
            reused.update(dict.fromkeys(stale))
        partial = bool(notebooks) and set(notebooks) != set(discover_notebooks(notebooks[0].parent))
        staging = make_staging(out, _corpus_digest(corpus),
                               keep_previous=partial or any(reused.values()))
        run_info = {"date": report_date(), "corpus": corpus,
                    "corpus_summary": summarise_corpus_source(corpus, staging),
                    "pages": page_titles(discover_notebooks(notebooks[0].parent) if notebooks else [])}
        echo(f"running {len(notebooks)} notebook(s) on {max(1, jobs)} process(es): "
             + ", ".join(nb.stem for nb in notebooks))
        for done, run in enumerate((r for r in reused.values() if r), start=1):
            echo(f"[{done}/{len(notebooks)}] {run.name}: unchanged, not rerun")
        finished = _run_queue([nb for nb in notebooks if reused[nb] is None], len(notebooks),
                              out, staging, per_notebook, run_info, jobs, kernel, echo, scheduler)
        runs = [reused[nb] or finished[nb] for nb in notebooks]
        write_log(reports_dir(staging) / "report.log", runs)
        write_index(staging, runs, run_info)
        publish_staging(staging, out)
        staging = None
        for run in runs:
            if run.html is not None:
                run.html = reports_dir(out) / run.html.name
        return runs
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        release_lock(lock)


def _run_queue(to_run: list[Path], total: int, out: Path, staging: Path, per_notebook: dict,
               run_info: dict, jobs: int, kernel: str, echo, scheduler: str = "") -> dict[Path, NotebookRun]:
    """Run ``to_run`` on a process pool, each once the notebooks it needs are done; on Ctrl-C
    cancel the queue, kill the workers and their kernels and raise ``RunInterrupted``."""
    stems = {nb.stem for nb in to_run}
    # a needed notebook that is not part of this run (not selected, or reused) counts as done
    waiting = {nb: set(notebook_needs(nb)) & stems for nb in to_run}
    finished: dict[Path, NotebookRun] = {}
    seen: dict = {}
    mark = f"{os.getpid()}-{time.time_ns()}"
    pool = ProcessPoolExecutor(max_workers=max(1, jobs), initializer=start_worker, initargs=(mark,))
    running = {}
    try:
        while waiting or running:
            done_stems = {nb.stem for nb in finished}
            for nb in [nb for nb, needs in waiting.items() if needs <= done_stems]:
                del waiting[nb]
                running[pool.submit(run_notebook, nb, out, per_notebook[nb], run_info,
                                    kernel, staging, scheduler)] = nb
            if not running:
                raise ReportError("notebooks that need each other: "
                                  + ", ".join(nb.stem for nb in waiting))
            completed, _ = wait(running, timeout=PROGRESS_EVERY, return_when=FIRST_COMPLETED)
            for line in latest_lines(staging / ".progress", seen):
                echo(f"  {line}")
            for future in completed:
                run = finished[running.pop(future)] = future.result()
                status = "ok" if run.ok else f"FAILED in {run.error}"
                echo(f"[{total - len(to_run) + len(finished)}/{total}] "
                     f"{run.name}: {status} ({run.seconds:.1f} s)")
    except KeyboardInterrupt:
        kill_workers(pool, mark)
        raise RunInterrupted(list(finished.values()),
                             [nb.stem for nb in [*running.values(), *waiting]]) from None
    except BaseException:
        kill_workers(pool, mark)
        raise
    pool.shutdown(wait=True)
    return finished
