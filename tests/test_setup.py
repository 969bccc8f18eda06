"""The README's two commands are the whole set-up (issue 15, item 7): `make test` installs the
browser the browser test needs, as `.ci/run` used to do on its own."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import analysis as fl

FAKE_APT = """#!/bin/sh
echo "$@" >> "{log}"
case "$*" in *install*chromium*) printf '#!/bin/sh\\n' > "{bin}/chromium"; /bin/chmod +x "{bin}/chromium";; esac
"""


def _make_browser(tmp_path: Path, with_chromium: bool) -> tuple[subprocess.CompletedProcess, Path]:
    """`make browser` with a PATH holding only a recording apt-get (and chromium, if asked)."""
    bin_dir, log = tmp_path / "bin", tmp_path / "apt.log"
    bin_dir.mkdir()
    (bin_dir / "apt-get").write_text(FAKE_APT.format(log=log, bin=bin_dir))
    (bin_dir / "apt-get").chmod(0o755)
    for tool in ("id", "sudo"):
        if shutil.which(tool):
            (bin_dir / tool).symlink_to(shutil.which(tool))
    if with_chromium:
        (bin_dir / "chromium").write_text("#!/bin/sh\n")
        (bin_dir / "chromium").chmod(0o755)
    env = {**os.environ, "PATH": str(bin_dir)}
    result = subprocess.run([shutil.which("make"), "-s", "-C", str(fl.ROOT), "browser"], env=env,
                            capture_output=True, text=True, timeout=60)
    return result, log


def test_make_test_installs_chromium_when_missing(tmp_path):
    result, log = _make_browser(tmp_path, with_chromium=False)
    assert result.returncode == 0, result.stderr
    assert "installing chromium for the browser test" in result.stderr
    assert log.read_text().splitlines() == ["update -qq", "install -y -qq chromium"]


def test_make_test_leaves_an_installed_chromium_alone(tmp_path):
    result, log = _make_browser(tmp_path, with_chromium=True)
    assert result.returncode == 0 and result.stderr == ""
    assert not log.exists()


def test_test_target_depends_on_the_browser():
    rule = next(line for line in (fl.ROOT / "Makefile").read_text().splitlines()
                if line.startswith("test:"))
    assert rule.split(":")[1].split() == ["setup", "browser"]
