"""Run the notebooks with papermill and export them as offline HTML reports with an index.

Layout under an output root ``OUT``: ``OUT/reports/notebooks/*.ipynb`` (executed),
``OUT/reports/*.html`` (no code), ``OUT/reports/index.html``, ``OUT/reports/tables/*.csv`` and
``OUT/figures/*`` (written by the notebooks themselves).
"""
from __future__ import annotations

import datetime as dt
import html
import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import papermill
from nbconvert import HTMLExporter

from analysis.paths import NOTEBOOKS, reports_dir, tables_dir

KERNEL = "framelab"
TEMPLATES = Path(__file__).parent / "templates"


class ReportError(ValueError):
    """A report run that cannot start: unknown notebook or parameter."""


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


def notebook_title(nb: nbformat.NotebookNode, fallback: str) -> str:
    """The first H1 of a notebook's markdown, or ``fallback``."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def export_html(executed: Path, target: Path, run_info: dict) -> str:
    """Export an executed notebook to standalone offline HTML without code; return its title."""
    nb = nbformat.read(executed, as_version=4)
    title = notebook_title(nb, executed.stem)
    nb.metadata["title"] = title
    nb.metadata["framelab"] = {**run_info, "title": title}
    exporter = HTMLExporter(template_name="framelab", extra_template_basedirs=[str(TEMPLATES)],
                            exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True, embed_images=True)
    body, _ = exporter.from_notebook_node(nb)
    target.write_text(body, encoding="utf-8")
    return title


def _describe_failure(err: Exception, executed: Path) -> str:
    """Name the failing cell as the analyst sees it: its number in the source notebook (papermill's
    injected-parameters cell not counted) and its first line."""
    if not isinstance(err, papermill.PapermillExecutionError):
        return f"{type(err).__name__}: {err}"
    cells = nbformat.read(executed, as_version=4).cells if executed.exists() else []
    injected = sum("injected-parameters" in c.metadata.get("tags", [])
                   for c in cells[:err.cell_index])
    first_line = err.source.strip().splitlines()[0] if err.source.strip() else ""
    return (f"cell {err.cell_index + 1 - injected} (`{first_line}`) raised "
            f"{err.ename}: {err.evalue}")


def run_notebook(notebook: Path, out: Path, parameters: dict, run_info: dict,
                 kernel: str = KERNEL) -> NotebookRun:
    """Execute one notebook with papermill and export it; never raises for a failing cell."""
    executed_dir = reports_dir(out) / "notebooks"
    executed_dir.mkdir(parents=True, exist_ok=True)
    executed = executed_dir / notebook.name
    started = time.perf_counter()
    error = ""
    try:
        papermill.execute_notebook(str(notebook), str(executed), parameters=parameters,
                                   kernel_name=kernel, cwd=str(notebook.parent),
                                   progress_bar=False)
    except Exception as err:  # noqa: BLE001 - every failure is reported, the others still run
        error = _describe_failure(err, executed)
    target = reports_dir(out) / f"{notebook.stem}.html"
    title = ""
    if executed.exists():
        title = export_html(executed, target, {**run_info, "parameters": parameters})
    return NotebookRun(notebook.stem, not error, time.perf_counter() - started, error,
                       target if executed.exists() else None, title, parameters)


def write_index(out: Path, runs: list[NotebookRun], run_info: dict) -> Path:
    """Write ``reports/index.html``: every report and every table, escaped, offline."""
    reports = reports_dir(out)
    tables = sorted(tables_dir(out).glob("*.csv"))
    items = "\n".join(
        f'<li><a href="{html.escape(r.html.name)}">{html.escape(r.title or r.name)}</a>'
        + ("" if r.ok else f' <strong>failed: {html.escape(r.error)}</strong>') + "</li>"
        for r in runs if r.html)
    table_items = "\n".join(
        f'<li><a href="tables/{html.escape(t.name)}">{html.escape(t.name)}</a></li>' for t in tables)
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Framelab reports</title>
<style>body {{ font-family: sans-serif; max-width: 900px; margin: 2rem auto; }}</style></head>
<body><h1>Framelab reports</h1>
<p>Generated {html.escape(run_info['date'])} from the corpus <code>{html.escape(run_info['corpus'])}</code>.</p>
<h2>Reports</h2><ul>
{items}
</ul>
<h2>Tables</h2><ul>
{table_items}
</ul></body></html>
"""
    path = reports / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


def run_report(out: Path | str, parameters: dict, notebooks: list[Path] | None = None,
               jobs: int = 1, kernel: str = KERNEL, echo=print) -> list[NotebookRun]:
    """Run notebooks (in parallel when ``jobs`` > 1), export HTML, write the index.

    ``parameters`` go to every notebook that declares them; unknown ones raise ``ReportError``.
    Returns one ``NotebookRun`` per notebook, in run order; ``echo`` receives progress lines.
    """
    out = Path(out).resolve()
    notebooks = notebooks if notebooks is not None else discover_notebooks()
    per_notebook = split_parameters(notebooks, parameters)
    run_info = {"date": report_date(), "corpus": str(parameters.get("corpus", ""))}
    tables_dir(out).mkdir(parents=True, exist_ok=True)
    echo(f"running {len(notebooks)} notebook(s) on {max(1, jobs)} process(es): "
         + ", ".join(nb.stem for nb in notebooks))
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {pool.submit(run_notebook, nb, out, per_notebook[nb], run_info, kernel): nb
                   for nb in notebooks}
        for done, future in enumerate(as_completed(futures), start=1):
            run = future.result()
            status = "ok" if run.ok else f"FAILED in {run.error}"
            echo(f"[{done}/{len(notebooks)}] {run.name}: {status} ({run.seconds:.1f} s)")
    runs = [f.result() for f in futures]
    write_index(out, runs, run_info)
    return runs
