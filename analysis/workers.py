"""The report's pool workers and their kernels: Ctrl-C goes to the parent, which kills them all.

Kernels start in their own sessions, so a terminal's Ctrl-C does not reach them, and a kernel
whose worker died first has a new parent; every worker and kernel of a run therefore carries the
run's mark in its environment (``FRAMELAB_RUN``), and the parent kills every process that has it.
"""
from __future__ import annotations

import os
import signal
from concurrent.futures import ProcessPoolExecutor

RUN_MARK = "FRAMELAB_RUN"  # environment variable naming the run a worker or kernel belongs to


def start_worker(mark: str) -> None:
    """Pool workers leave Ctrl-C to the parent, which stops the queue and kills them; the
    ``mark`` in their environment reaches their kernels, so the parent can find them all."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ[RUN_MARK] = mark


def run_processes(pool: ProcessPoolExecutor, mark: str) -> list:
    """The pool's workers, their descendants and every process that inherited ``mark`` in its
    environment: a kernel whose worker is gone has a new parent but keeps the mark."""
    import psutil  # noqa: PLC0415 - only needed on Ctrl-C

    found = {}
    for pid in list(getattr(pool, "_processes", {}) or {}):
        try:
            worker = psutil.Process(pid)
            found.update((p.pid, p) for p in [worker, *worker.children(recursive=True)])
        except psutil.NoSuchProcess:
            continue
    for process in psutil.process_iter():
        try:
            if process.pid not in found and process.environ().get(RUN_MARK) == mark:
                found[process.pid] = process
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return list(found.values())


def kill_workers(pool: ProcessPoolExecutor, mark: str) -> None:
    """Kill every pool worker and its kernels (started in their own sessions, so Ctrl-C does not
    reach them, and orphaned if their worker dies first: they are found by ``mark``)."""
    import psutil  # noqa: PLC0415 - only needed on Ctrl-C

    family = run_processes(pool, mark)
    for process in family:
        try:
            process.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(family, timeout=5)
    pool.shutdown(wait=False, cancel_futures=True)
