"""The report's pool workers and their kernels: Ctrl-C goes to the parent, which kills them all;
kernels talk over Unix sockets, so two starting at once cannot collide on a TCP port.

Kernels start in their own sessions, so a terminal's Ctrl-C does not reach them, and a kernel
whose worker died first has a new parent; every worker and kernel of a run therefore carries the
run's mark in its environment (``FRAMELAB_RUN``), and the parent kills every process that has it.
"""
from __future__ import annotations

import os
import signal
import tempfile
import uuid
from concurrent.futures import ProcessPoolExecutor

from jupyter_client import AsyncKernelManager
from traitlets import CaselessStrEnum, default

RUN_MARK = "FRAMELAB_RUN"  # environment variable naming the run a worker or kernel belongs to


class SocketFileKernelManager(AsyncKernelManager):
    """A kernel manager whose kernels listen on Unix socket files named after their connection
    file (unique), not on TCP ports. With TCP, a port picked free by one starting kernel could
    be taken by another before it bound it: the kernel died with "Address already in use" and
    its notebook failed, or outlived a Ctrl-C."""

    transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)

    @default("ip")
    def _unique_socket_prefix(self) -> str:
        # jupyter_client's default, "kernel-ipc" relative to the working directory, is shared
        # by every kernel started there before its connection file exists; /tmp keeps the path
        # under the 107 characters a Unix socket name allows
        return os.path.join(tempfile.gettempdir(), f"framelab-kernel-{uuid.uuid4().hex}-ipc")


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
