"""Output folders that never lie, and errors for people (issue 15, items 2 and 8).

Small notebooks stand in for the real ones: ``01_tables`` writes a table and a figure file
naming its corpus (and fails on corpus "B", sleeps on corpus "slow"), ``00_summary`` needs it
and prints that table, ``02_queued`` is queued behind them; on the corpus ``.../slow`` both
sleep after writing their kernel's pid beside that folder.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import nbformat
import psutil
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from analysis.__main__ import main
from analysis.report import ReportError, discover_notebooks, run_report
from analysis.workers import SocketFileKernelManager, kill_workers, start_worker

PARAMS = "corpus = ''\nout_dir = ''"
TABLES = """\
import os, pathlib, time
if corpus == 'B':
    raise ValueError('corpus B is broken')
if corpus.endswith('slow'):
    pathlib.Path(corpus).parent.joinpath('01.pid').write_text(str(os.getpid()))
    time.sleep(600)
for folder in ('reports/tables', 'figures'):
    pathlib.Path(out_dir, folder).mkdir(parents=True, exist_ok=True)
pathlib.Path(out_dir, 'reports', 'tables', 'table.csv').write_text('corpus\\n' + corpus + '\\n')
pathlib.Path(out_dir, 'figures', 'fig.csv').write_text(corpus)
"""
QUEUED = """\
import os, pathlib, time
if corpus.endswith('slow'):
    pathlib.Path(corpus).parent.joinpath('02.pid').write_text(str(os.getpid()))
    time.sleep(600)
"""


def _notebook(path: Path, title: str, code: str, needs=()):
    nb = new_notebook(metadata={"kernelspec": {"name": "framelab", "display_name": "framelab",
                                               "language": "python"},
                                "framelab": {"needs": list(needs)}})
    nb.cells = [new_markdown_cell(f"# {title}"),
                new_code_cell(PARAMS, metadata={"tags": ["parameters"]}), new_code_cell(code)]
    nbformat.write(nb, path)


@pytest.fixture()
def notebooks(tmp_path):
    folder = tmp_path / "nbs"
    folder.mkdir()
    _notebook(folder / "01_tables.ipynb", "Tables", TABLES)
    _notebook(folder / "00_summary.ipynb", "Summary",
              "import pathlib\nprint('SUMMARY OF', pathlib.Path(out_dir, 'reports', 'tables', "
              "'table.csv').read_text().split()[1])", needs=["01_tables"])
    _notebook(folder / "02_queued.ipynb", "Queued", QUEUED)
    (tmp_path / "marks").mkdir()
    return discover_notebooks(folder)


def _run(tmp_path, notebooks, corpus, **kwargs):
    out = tmp_path / "out"
    return out, run_report(out, {"corpus": corpus, "out_dir": str(out)}, notebooks, jobs=2, echo=lambda _: None, **kwargs)


@pytest.mark.slow
def test_a_failed_corpus_run_leaves_no_old_results_shown_as_current(tmp_path, notebooks):
    """A failing run into a folder holding an older run kept the old tables, and the summary
    said "ok" with the old corpus's results."""
    out, runs = _run(tmp_path, notebooks, "A")
    assert all(r.ok for r in runs)
    assert "SUMMARY OF A" in (out / "reports" / "00_summary.html").read_text()
    out, runs = _run(tmp_path, notebooks, "B")
    assert {r.name: r.ok for r in runs} == {"00_summary": False, "01_tables": False,
                                            "02_queued": True}
    assert not (out / "reports" / "tables" / "table.csv").exists()
    assert not (out / "figures" / "fig.csv").exists()
    assert "SUMMARY OF A" not in (out / "reports" / "00_summary.html").read_text()
    summary = next(r for r in runs if r.name == "00_summary")
    assert f"No such file or directory: '{out}/reports/tables/table.csv'" in summary.error
    index = (out / "reports" / "index.html").read_text()
    assert index.count("failed: cell") == 2 and 'href="tables/table.csv"' not in index
    assert sorted(p.name for p in out.iterdir()) == ["figures", "reports"]  # no lock, no staging


@pytest.mark.slow
def test_a_failed_page_says_what_failed_without_a_traceback(tmp_path, notebooks):
    out, runs = _run(tmp_path, notebooks, "B")
    page = (out / "reports" / "01_tables.html").read_text()
    assert "This report is incomplete." in page
    assert ("stopped in cell 3 (`import os, pathlib, time`) raised ValueError: corpus B is broken"
            in page)
    assert "reports/report.log" in page and "reports/notebooks/01_tables.ipynb" in page
    for trace in ("Traceback", "raise ValueError(", "Cell In[", "----&gt;", "An Exception was "
                  "encountered"):
        assert trace not in page, trace
    log = (out / "reports" / "report.log").read_text()
    assert "== 01_tables: failed in cell 3" in log and "raise ValueError('corpus B is broken')" in log
    assert "\x1b[" not in log
    executed = nbformat.read(out / "reports" / "notebooks" / "01_tables.ipynb", as_version=4)
    assert any(o.get("output_type") == "error" for c in executed.cells if c.cell_type == "code"
               for o in c.outputs)


@pytest.mark.slow
def test_a_second_run_into_the_same_out_is_refused_and_a_stale_lock_cleared(tmp_path, notebooks):
    """Two runs into one --out at once mixed their tables."""
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (out / ".framelab.lock").write_text(str(holder.pid))
        with pytest.raises(ReportError, match=rf"another report run \(pid {holder.pid}\) is "
                                              rf"writing into {out}; wait for it"):
            _run(tmp_path, notebooks, "A")
    finally:
        holder.kill()
        holder.wait()
    (out / ".staging-999999999").mkdir()           # left by a run that died
    (out / ".framelab.lock").write_text(str(holder.pid))  # its pid is dead now: a stale lock
    _, runs = _run(tmp_path, notebooks, "A")
    assert all(r.ok for r in runs)
    assert sorted(p.name for p in out.iterdir()) == ["figures", "reports"]


# The CLI as a terminal runs it: with Python's Ctrl-C handler. A test run started in the
# background of a non-interactive shell (``make test &``) hands its children SIGINT ignored,
# and the CLI then never saw the test's Ctrl-C (the full suite run that way timed out here).
SCRIPT = """\
import signal
import sys
signal.signal(signal.SIGINT, signal.default_int_handler)
import analysis.__main__ as cli
import analysis.report as report
cli.discover_notebooks = lambda names=None: report.discover_notebooks({folder!r}, names)
sys.exit(cli.main(["report", "--corpus", "slow", "--out", {out!r}, "--jobs", "1"]))
"""


@pytest.mark.slow
def test_ctrl_c_stops_the_queue_kills_kernels_and_keeps_the_previous_run(tmp_path, notebooks):
    """After Ctrl-C, queued notebooks kept running and --skip-unchanged then reported notebooks
    "unchanged" whose tables belonged to the interrupted run's corpus."""
    out, marks = tmp_path / "out", tmp_path / "marks"
    _run(tmp_path, notebooks, "A", skip_unchanged=True)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    script = SCRIPT.format(folder=str(notebooks[0].parent), out=str(out))
    (marks / "slow").mkdir()  # --corpus slow resolves inside the working directory
    cli = subprocess.Popen([sys.executable, "-c", script], cwd=marks, start_new_session=True,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (marks / "01.pid").exists():        # 01 runs, 02 and 00 wait in the queue
        assert time.monotonic() < deadline and cli.poll() is None, cli.communicate()
        time.sleep(0.2)
    kernel = int((marks / "01.pid").read_text())
    os.killpg(cli.pid, signal.SIGINT)               # Ctrl-C in a terminal: the whole group
    # The notebook sleeps 600 s: a run that exits within 150 s stopped it (a loaded 2-core machine
    # can take over a minute to kill and reap); one that waited for it would time out here.
    try:
        stdout, stderr = cli.communicate(timeout=150)
    except subprocess.TimeoutExpired:
        table = subprocess.run(["ps", "-eo", "pid,ppid,sid,etime,args"], capture_output=True,
                               text=True).stdout
        os.killpg(cli.pid, signal.SIGKILL)
        pytest.fail(f"the CLI had not exited 150 s after Ctrl-C; processes then:\n{table}")
    assert cli.returncode == 130, stdout + stderr
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    assert stderr.startswith("interrupted: 0 notebook(s) had finished (none); stopped ")
    assert "stopped 01_tables, 02_queued, 00_summary; the kernels were killed" in stderr
    time.sleep(3)
    assert not (psutil.pid_exists(kernel) and psutil.Process(kernel).status() != "zombie")
    assert not (marks / "02.pid").exists()          # the queued notebook never started
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before                          # nothing of the interrupted run
    again = run_report(out, {"corpus": "A", "out_dir": str(out)}, notebooks,
                       echo=lambda _: None, skip_unchanged=True)
    assert all(r.skipped for r in again)
    assert (out / "reports" / "tables" / "table.csv").read_text() == "corpus\nA\n"


def test_kernels_started_at_once_get_socket_files_of_their_own():
    """Two kernels starting at once picked the same free TCP port; one died with "Address
    already in use" and failed its notebook (or outlived a Ctrl-C)."""
    first, second = SocketFileKernelManager(), SocketFileKernelManager()
    assert first.transport == second.transport == "ipc"
    assert first.ip != second.ip and Path(first.ip).is_absolute() and len(first.ip) < 100


def _orphan_a_sleeper() -> int:
    """In a pool worker: start a sleeper in its own session, as kernels are; return its pid."""
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"],
                            start_new_session=True).pid


def test_a_kernel_whose_worker_died_first_is_still_killed():
    """A kernel outlived its worker (it was no longer among the worker's children when the run
    killed them) and kept the interrupted CLI's output pipes open."""
    from concurrent.futures import ProcessPoolExecutor

    mark = f"test-{os.getpid()}-{time.time_ns()}"
    pool = ProcessPoolExecutor(max_workers=1, initializer=start_worker, initargs=(mark,))
    sleeper = psutil.Process(pool.submit(_orphan_a_sleeper).result())
    worker = psutil.Process(next(iter(pool._processes)))
    worker.kill()                                   # the sleeper is orphaned, re-parented
    psutil.wait_procs([worker], timeout=10)
    assert sleeper.is_running() and sleeper.ppid() != worker.pid
    kill_workers(pool, mark)
    _, alive = psutil.wait_procs([sleeper], timeout=10)
    assert not alive


@pytest.mark.parametrize("make_out, reason", [
    (lambda p: (p / "file").write_text("x") and p / "file" / "out", "Not a directory"),
    (lambda p: Path("/sys/framelab-out"),   # read-only even for root, who ignores chmod
     "(Operation not permitted|Permission denied)"),
])
def test_an_unwritable_out_is_one_line_and_exit_2(tmp_path, capsys, make_out, reason):
    """A read-only --out or an --out under a file printed a bare traceback."""
    out = make_out(tmp_path)
    assert main(["report", "--out", str(out), "--notebooks", "01_corpus_overview"]) == 2
    err = capsys.readouterr().err
    assert re.fullmatch(rf"error: cannot create the output folder {re.escape(str(out))}: "
                        rf"{reason}; choose another --out\n", err), err
