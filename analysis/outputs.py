"""Output folders that never lie: one run at a time per ``--out`` (a lock holding the pid), every
output written into a staging folder and swapped in only when the run finishes."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from analysis.paths import reports_dir, tables_dir


class ReportError(ValueError):
    """A report run that cannot start: unknown notebook or parameter, an output folder that
    cannot be written or is in use by another run."""


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


LOCK = ".framelab.lock"
STAGING = ".staging-"
OUTPUTS = ("reports", "figures")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _pid_in(path: Path) -> int | None:
    try:
        return int(path.read_text().strip() or "x")
    except (OSError, ValueError):
        return None


def acquire_lock(out: Path) -> Path:
    """Create ``out/.framelab.lock`` holding this process's pid; refuse (``ReportError``) when a
    live process holds it, and clear a stale lock and staging folders left by dead runs."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ReportError(f"cannot create the output folder {out}: {err.strerror or err}; "
                          "choose another --out") from None
    lock = out / LOCK
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            pid = _pid_in(lock)
            if pid is not None and pid != os.getpid() and _alive(pid):
                raise ReportError(f"another report run (pid {pid}) is writing into {out}; wait "
                                  f"for it to finish or choose another --out (if no such run "
                                  f"exists, delete {lock})") from None
            lock.unlink(missing_ok=True)  # stale: its run died without cleaning up
            continue
        except OSError as err:
            raise ReportError(f"cannot write into the output folder {out}: "
                              f"{err.strerror or err}; choose another --out") from None
        with os.fdopen(fd, "w") as handle:
            handle.write(str(os.getpid()))
        for old in out.glob(STAGING + "*"):
            pid = _pid_in_name(old)
            if pid is None or not _alive(pid):
                shutil.rmtree(old, ignore_errors=True)
        return lock
    raise ReportError(f"cannot take the lock {lock}; delete it if no report run is using {out}")


def _pid_in_name(staging: Path) -> int | None:
    tail = staging.name[len(STAGING):]
    return int(tail) if tail.isdigit() else None


def release_lock(lock: Path) -> None:
    """Remove the lock if this process holds it."""
    if _pid_in(lock) == os.getpid():
        lock.unlink(missing_ok=True)


def _corpus_digest(corpus: str) -> str:
    """A hash of the corpus files (or of the name, when it is not a path), to tell whether
    previous outputs were made from the same corpus."""
    digest = hashlib.sha256(corpus.encode())
    path = Path(corpus)
    for file in _files(path) if path.exists() else []:
        digest.update(str(file).encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


RUN_FILE = "run.json"  # in reports/notebooks: the corpus the outputs were made from


def make_staging(out: Path, corpus_digest: str, keep_previous: bool) -> Path:
    """A fresh ``out/.staging-<pid>`` with empty ``reports/`` and ``figures/``; with
    ``keep_previous`` (a partial or skip-unchanged run) they start as copies of the previous
    outputs, but only when those were made from the same corpus. Hidden files (``.gitkeep``)
    are carried over either way."""
    staging = out / f"{STAGING}{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    previous_run = reports_dir(out) / "notebooks" / RUN_FILE
    same_corpus = (previous_run.is_file()
                   and json.loads(previous_run.read_text()).get("corpus") == corpus_digest)
    for name in OUTPUTS:
        previous, fresh = out / name, staging / name
        if keep_previous and same_corpus and previous.is_dir():
            shutil.copytree(previous, fresh, symlinks=True)
            continue
        fresh.mkdir(parents=True)
        for hidden in previous.glob(".*") if previous.is_dir() else []:
            if hidden.is_file():
                shutil.copy2(hidden, fresh / hidden.name)
    (staging / "reports" / "notebooks").mkdir(parents=True, exist_ok=True)
    (staging / "reports" / "notebooks" / RUN_FILE).write_text(
        json.dumps({"corpus": corpus_digest}) + "\n")
    tables_dir(staging).mkdir(parents=True, exist_ok=True)
    return staging


def publish_staging(staging: Path, out: Path) -> None:
    """Swap the staging ``reports/`` and ``figures/`` in for the previous ones (two renames
    each, on one file system), then remove the staging folder and the old outputs."""
    for name in OUTPUTS:
        current, old = out / name, staging / f"previous-{name}"
        if current.exists():
            current.rename(old)
        (staging / name).rename(current)
    shutil.rmtree(staging, ignore_errors=True)
