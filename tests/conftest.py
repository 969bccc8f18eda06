"""Shared fixtures: the seed corpus, loaded once per session."""
from __future__ import annotations

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
