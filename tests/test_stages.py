"""Per-document stages computed once per run: the cache, chunked and cluster runs equal one call,
and the progress lines the runner prints."""
from __future__ import annotations

import pandas as pd
import pytest

import analysis as fl
from analysis import progress, stages

from conftest import FIXTURES

TARGETS = fl.load_targets(FIXTURES / "targets.yaml")


def _bigger(seed_corpus, copies: int = 3) -> pd.DataFrame:
    corpus = pd.concat([seed_corpus] * copies, ignore_index=True)
    return corpus.assign(doc_id=corpus["doc_id"] + "_" + corpus.index.astype(str))


@pytest.mark.parametrize("name, stage", [("sentences", fl.split_corpus_sentences),
                                         ("quotes", fl.extract_quotes)])
def test_a_stage_in_chunks_equals_one_call(seed_corpus, tmp_path, monkeypatch, name, stage):
    monkeypatch.setattr(stages, "CHUNK", 4)
    corpus = _bigger(seed_corpus)
    got = fl.document_stage(name, stage, corpus, tmp_path)
    pd.testing.assert_frame_equal(got, stage(corpus).reset_index(drop=True))
    assert len(list((tmp_path / "reports" / "cache").glob(f"{name}-*.parquet"))) == 1


def test_the_second_call_reads_the_cache_and_a_changed_corpus_does_not(seed_corpus, tmp_path):
    first = fl.corpus_sentences(seed_corpus, tmp_path)

    def fail(_):
        raise AssertionError("recomputed although cached")

    pd.testing.assert_frame_equal(fl.document_stage("sentences", fail, seed_corpus, tmp_path), first)
    changed = seed_corpus.assign(text=seed_corpus["text"].str.replace("Taliban", "Talibans", regex=False))
    with pytest.raises(AssertionError, match="recomputed"):
        fl.document_stage("sentences", fail, changed, tmp_path)


def test_loaded_terms_are_keyed_by_the_lexicon(seed_corpus, tmp_path):
    lexicon = fl.load_lexicons(FIXTURES / "lexicon.yaml")
    got = fl.corpus_terms(seed_corpus, lexicon, tmp_path)
    pd.testing.assert_frame_equal(got, fl.match_terms(seed_corpus, lexicon))
    assert fl.corpus_terms(seed_corpus, lexicon.iloc[:1], tmp_path).equals(fl.match_terms(seed_corpus, lexicon.iloc[:1]))


def test_documents_come_back_from_the_cache_unchanged(tmp_path):
    first = fl.corpus_documents(fl.SEEDS, tmp_path)
    again = fl.corpus_documents(fl.SEEDS, tmp_path)
    pd.testing.assert_frame_equal(first, fl.load_documents(fl.SEEDS))
    pd.testing.assert_frame_equal(again, first)


def test_target_evidence_reuses_the_notebook_sentences_and_mentions(seed_corpus):
    quotes = fl.extract_quotes(seed_corpus)
    lexicon = fl.load_lexicons(FIXTURES / "lexicon.yaml")
    translated = fl.extract_translated_quotes(seed_corpus, quotes)
    sentences = fl.split_corpus_sentences(seed_corpus)
    alone = fl.target_evidence(seed_corpus, TARGETS, lexicon, quotes, translated_quotes=translated)
    reused = fl.target_evidence(seed_corpus, TARGETS, lexicon, quotes, translated_quotes=translated,
                                sentences=sentences, mentions=fl.find_mentions(sentences, TARGETS))
    pd.testing.assert_frame_equal(reused, alone)
    assert len(alone) > 10


def test_progress_lines_go_to_the_runner_file(tmp_path, monkeypatch):
    monkeypatch.setenv(progress.PROGRESS_FILE, str(tmp_path / ".progress" / "04.log"))
    monkeypatch.setenv(progress.NOTEBOOK, "04_stance_and_framing")
    progress.report_progress("sentences", 500, 2000, started=0.0)
    line = (tmp_path / ".progress" / "04.log").read_text().strip()
    assert line.startswith("04_stance_and_framing: sentences: 500/2,000 documents, ")
    seen: dict = {}
    assert progress.latest_lines(tmp_path / ".progress", seen) == [line]
    assert progress.latest_lines(tmp_path / ".progress", seen) == []  # printed once


@pytest.mark.parametrize("done, expected", [(0, "time left unknown"), (1000, "about 30 s left"),
                                            (4000, "about 0 s left")])
def test_time_left_assumes_the_average_cost_so_far(done, expected):
    assert progress.progress_line("quotes", done, 4000, 10.0).endswith(expected)


@pytest.mark.slow
def test_a_local_cluster_runs_the_stages_where_the_partitions_are(seed_corpus, tmp_path, monkeypatch):
    from dask.distributed import Client, LocalCluster

    monkeypatch.setattr(stages, "PARTITION", 5)
    corpus = _bigger(seed_corpus, 4)
    lexicon = fl.load_lexicons(FIXTURES / "lexicon.yaml")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster):
        address = cluster.scheduler_address
        sentences = fl.corpus_sentences(corpus, tmp_path, scheduler=address)
        quotes = fl.corpus_quotes(corpus, tmp_path, scheduler=address)
        terms = fl.corpus_terms(corpus, lexicon, tmp_path, scheduler=address)
    assert len(fl.scale.partition_files(next((tmp_path / "reports" / "cache").glob("corpus-*")))) == 4
    pd.testing.assert_frame_equal(sentences, fl.split_corpus_sentences(corpus))
    pd.testing.assert_frame_equal(quotes, fl.extract_quotes(corpus).reset_index(drop=True))
    pd.testing.assert_frame_equal(terms, fl.match_terms(corpus, lexicon))
