"""Shared fixtures: the seed corpus, loaded once per session, and the one pipeline run that the
end-to-end and browser tests share."""
from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import analysis as fl


@pytest.fixture(scope="session")
def seed_documents() -> pd.DataFrame:
    return fl.load_documents(fl.SEEDS)


@pytest.fixture(scope="session")
def seed_corpus(seed_documents) -> pd.DataFrame:
    return fl.analysed(seed_documents)


def seed_text(corpus: pd.DataFrame, prefix: str) -> str:
    """The text of the seed document whose doc_id starts with ``prefix`` ("000" … "004")."""
    return corpus.loc[corpus["doc_id"].str.startswith(prefix), "text"].iloc[0]


# The seed story's configuration as the tests know it: a copy, so an analyst who edits
# seeds/story/ (claims, targets, lexicons) does not change what the rules' tests assert.
FIXTURES = Path(__file__).parent / "fixtures" / "story"


def quotes_table(**columns) -> pd.DataFrame:
    """A quotes table with the declared columns, filled from ``columns`` (lists of one length);
    every other column empty text (or 0)."""
    n = len(next(iter(columns.values())))
    base = fl.empty_table("quotes")
    data = {c: columns.get(c, [0] * n if base[c].dtype.kind in "iuf" else [""] * n) for c in base.columns}
    return pd.DataFrame(data)


# The shared pipeline run reads the seeds plus one hostile document whose text, title and outlet
# carry script payloads: the end-to-end tests read its tables, the browser test its pages.
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
HOSTILE_ID = "900_hostile"
HOSTILE_TEXT = f"""Read more: {SCRIPT} and {IMG}
Ahmad Massoud's National Resistance Front denied the report {SCRIPT} on Tuesday.
Its spokesman said the claim was false {IMG} and called it propaganda.
"""


def hostile_corpus(folder: Path) -> Path:
    """The seeds plus one document that tries to run script from its text, title and outlet."""
    shutil.copytree(fl.SEEDS, folder)
    (folder / f"{HOSTILE_ID}.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    with (folder / "metadata.csv").open("a", encoding="utf-8", newline="") as metadata:
        csv.writer(metadata, lineterminator="\n").writerow(
            [HOSTILE_ID, f"{HOSTILE_ID}.txt", f"Hostile {IMG} Outlet", "en", "2023-10-05",
             "https://example.org/hostile", f"Title {SCRIPT}"])
    return folder


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory):
    """`python -m analysis report` on the seeds plus the hostile document, as a user runs it:
    (output root, completed process). Run once per session."""
    root = tmp_path_factory.mktemp("run")
    corpus = hostile_corpus(root / "corpus")
    result = subprocess.run([sys.executable, "-m", "analysis", "report", "--corpus", str(corpus),
                             "--out", str(root / "out")], capture_output=True, text=True, timeout=900)
    return root / "out", result
