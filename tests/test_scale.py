"""Dask runs a document-local stage over corpus partitions with the same result as one call."""
from __future__ import annotations

from functools import partial

import pandas as pd
import pytest

import analysis as fl


@pytest.mark.parametrize("scheduler", ["synchronous", "processes"])
def test_map_documents_equals_one_call(seed_corpus, scheduler):
    corpus = pd.concat([seed_corpus] * 3, ignore_index=True).assign(
        doc_id=lambda c: c["doc_id"] + "_" + c.index.astype(str))
    expected = fl.split_corpus_sentences(corpus)
    got = fl.map_documents(corpus, fl.split_corpus_sentences, partitions=4, scheduler=scheduler)
    pd.testing.assert_frame_equal(got, expected)
    assert len(got) == 3 * len(fl.split_corpus_sentences(seed_corpus))


def test_map_documents_runs_term_matching(seed_corpus):
    stage = partial(fl.find_terms, lexicon=fl.load_lexicons(fl.SEEDS / "story" / "lexicons"))
    got = fl.map_documents(seed_corpus, stage, partitions=3, scheduler="processes")
    pd.testing.assert_frame_equal(got, stage(seed_corpus).reset_index(drop=True))
    assert (got["term"] == "occupation entity").sum() == 1


def test_map_documents_on_an_empty_corpus(seed_corpus):
    empty = seed_corpus.iloc[:0]
    assert fl.map_documents(empty, fl.split_corpus_sentences).empty
