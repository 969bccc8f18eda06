"""Progress of long stages: which notebook, which stage, documents done of total, elapsed, left.

A stage calls :func:`report_progress` after each chunk of documents. Under ``python -m analysis
report`` the runner sets ``FRAMELAB_PROGRESS`` (a file per notebook) and ``FRAMELAB_NOTEBOOK`` in
the kernels' environment; the line is appended to that file and the runner prints the newest line
of each running notebook while it waits. Nothing is printed into the notebook itself, so executed
notebooks, tables, figures and HTML stay byte-identical from run to run. Without the variables
(a notebook opened in Jupyter, a library call) the line goes to the ``framelab.progress`` logger.
"""
from __future__ import annotations

import logging
import os
import time
from pathlib import Path

PROGRESS_FILE = "FRAMELAB_PROGRESS"
NOTEBOOK = "FRAMELAB_NOTEBOOK"
LOGGER = logging.getLogger("framelab.progress")


def progress_line(stage: str, done: int, total: int, elapsed: float, notebook: str = "") -> str:
    """``02_loaded_terms: loaded_terms: 1,500/40,000 documents, 12 s elapsed, about 308 s left``:
    the time left assumes the remaining documents cost what the done ones did on average."""
    left = f"about {elapsed / done * (total - done):.0f} s left" if done else "time left unknown"
    prefix = f"{notebook}: " if notebook else ""
    return f"{prefix}{stage}: {done:,}/{total:,} documents, {elapsed:.0f} s elapsed, {left}"


def report_progress(stage: str, done: int, total: int, started: float) -> None:
    """Record that ``stage`` has done ``done`` of ``total`` documents since ``started``
    (``time.perf_counter()``)."""
    line = progress_line(stage, done, total, time.perf_counter() - started, os.environ.get(NOTEBOOK, ""))
    target = os.environ.get(PROGRESS_FILE)
    if not target:
        LOGGER.info(line)
        return
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")


def latest_lines(folder: Path, seen: dict[Path, str]) -> list[str]:
    """The newest progress line of each file in ``folder`` that changed since ``seen`` (updated)."""
    lines = []
    for path in sorted(folder.glob("*.log")) if folder.exists() else []:
        text = path.read_text(encoding="utf-8").rstrip("\n")
        last = text.rsplit("\n", 1)[-1] if text else ""
        if last and seen.get(path) != last:
            seen[path] = last
            lines.append(last)
    return lines
