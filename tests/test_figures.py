"""Figures on degenerate corpora: one outlet, one document (issue 15, item 1)."""
from __future__ import annotations

import pytest

import analysis as fl


@pytest.mark.parametrize("subset", ["one outlet", "one document"])
def test_quote_overlap_figure_with_a_single_outlet(seed_corpus, subset):
    """The empty overlap table was object-dtype and imshow raised "Image data of dtype object
    cannot be converted to float"."""
    first = seed_corpus["outlet"].iloc[0]
    corpus = (seed_corpus[seed_corpus["outlet"] == first] if subset == "one outlet"
              else seed_corpus.iloc[:1]).reset_index(drop=True)
    quotes = fl.extract_quotes(corpus)
    grouped = fl.group_quotes(quotes, fl.extract_translated_quotes(corpus, quotes), threshold=0.5)
    overlap = fl.quote_overlap(grouped)
    assert overlap.empty
    per_outlet = grouped[grouped["group_id"] != ""].groupby("outlet")["group_id"].nunique()
    fig, data = fl.plot_quote_overlap(overlap, per_outlet)
    assert list(data["outlet_a"]) == [first] == list(data["outlet_b"])
    assert data["shared_groups"].tolist() == [int(per_outlet[first])] and per_outlet[first] > 0
    assert data["shared_groups"].dtype.kind == "i"
