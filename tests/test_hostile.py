"""The hostile-input matrix of issue 15, through the loader: every generated bad or unusual
corpus is read with each document analysed or skipped with a reason naming file and line, or
refused as a whole with a ``CorpusError`` that says what to do."""
from __future__ import annotations

import re

import pytest

import analysis as fl
from tests.hostile_cases import CASES


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_corpus_is_accounted_for(tmp_path, case):
    path = case.build(tmp_path)
    kwargs = {"max_size": case.max_size} if case.max_size else {}
    if case.rows is None:
        with pytest.raises(fl.CorpusError, match=case.expect):
            fl.load_documents(path, **kwargs)
        return
    documents = fl.load_documents(path, **kwargs)
    assert len(documents) == case.rows
    assert (documents["status"] == "analysed").sum() == case.analysed, documents["reason"].tolist()
    skipped = documents.loc[documents["status"] == "skipped", "reason"].tolist()
    assert len(skipped) == case.rows - case.analysed
    if skipped:
        assert re.search(case.expect, skipped[0]), skipped[0]
    assert "secret words" not in " ".join(documents["text"]).lower()
    fl.documents_table(documents).to_csv(index=False)   # every value writable as UTF-8
