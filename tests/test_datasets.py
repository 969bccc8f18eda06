"""Public corpora read as framelab corpora (BASIL). CI has ../shared/datasets beside the clone."""
from __future__ import annotations

import pytest

import analysis as fl
from analysis.datasets import DatasetError, read_basil, write_corpus_folder


@pytest.fixture(scope="module")
def basil():
    return read_basil()


def test_basil_has_three_outlets_per_event_and_gold_feelings(basil):
    articles, feelings = basil
    assert articles["event"].nunique() == 50 and len(articles) == 150
    assert (articles.groupby("event")["outlet"].nunique() == 3).all()
    assert set(feelings["feeling"]) == {"neg", "neu", "pos"}
    assert feelings.merge(articles, on="doc_id")["main_entities"].str.len().gt(0).all()


def test_a_basil_event_loads_as_a_corpus_folder(basil, tmp_path):
    articles, _ = basil
    event = articles[articles["event"] == articles["event"].iloc[0]]
    documents = fl.load_documents(write_corpus_folder(event, tmp_path / "event"))
    assert sorted(documents["doc_id"]) == sorted(event["doc_id"])
    assert set(documents["status"]) == {"analysed"} and (documents["n_words"] > 100).all()


def test_a_missing_dataset_folder_is_named(tmp_path):
    with pytest.raises(DatasetError, match="no such folder"):
        read_basil(tmp_path / "nothing")
