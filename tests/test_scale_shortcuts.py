"""The shortcuts that keep large corpora linear give what the plain computation gives: keyness's
partition against a full sort, the shared-group counts against set intersections, proposals
drawn from a sample with support counted over every document, a bounded fidelity page."""
from __future__ import annotations

import numpy as np
import pandas as pd

import analysis as fl
from analysis import keyness, proposals


def _kept_by_sorting(z, keep_top, significance):
    strength = np.abs(z)
    top = np.argsort(-strength, kind="stable")[:keep_top]
    return np.union1d(top, np.flatnonzero(strength >= significance))


def test_keyness_partition_keeps_what_a_stable_sort_keeps_ties_included():
    rng = np.random.default_rng(0)
    for size, keep_top in [(50, 10), (1000, 100), (7, 3), (300, 299)]:
        z = np.round(rng.normal(0, 2, size), 1)  # rounding makes many ties at the cut
        assert np.array_equal(keyness._kept(z, keep_top, 1.96), _kept_by_sorting(z, keep_top, 1.96))
    assert np.array_equal(keyness._kept(np.array([3.0, -3.0, 0.5]), 0, 1.96), [0, 1])


def test_keyness_of_a_term_an_outlet_never_uses_is_scored():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["A", "B", "B"], "language": "en",
                           "text": ["Rebels rebels rebels won.", "Militants won here.", "Militants won again."]})
    table = fl.score_keyness(corpus, stopwords={}, min_count=1, max_n=1).set_index(["outlet", "term"])
    assert table.loc[("A", "militants"), "count_outlet"] == 0
    assert table.loc[("A", "militants"), "z"] < 0 < table.loc[("B", "militants"), "z"]
    assert table.loc[("A", "rebels"), "count_outlet"] == 3


def test_quote_overlap_counts_equal_set_intersections():
    rng = np.random.default_rng(1)
    grouped = pd.DataFrame({"outlet": rng.choice(list("ABCDEF"), 200),
                            "group_id": rng.choice([f"g{i}" for i in range(40)] + [""], 200)})
    got = fl.quote_overlap(grouped).set_index(["outlet_a", "outlet_b"])
    sets = grouped[grouped["group_id"] != ""].groupby("outlet")["group_id"].agg(set)
    assert len(got) == len(sets) * (len(sets) - 1) // 2
    for (a, b), row in got.iterrows():
        assert row["shared_groups"] == len(sets[a] & sets[b])
        assert row["jaccard"] == len(sets[a] & sets[b]) / len(sets[a] | sets[b])


def test_proposals_from_a_sample_still_count_support_over_every_document(monkeypatch):
    lead = "Ahmad Massoud asked Israel for military help against the Taliban."
    corpus = pd.DataFrame({"doc_id": [f"d{i:02d}" for i in range(30)],
                           "outlet": [f"Outlet {i % 10}" for i in range(30)], "language": "en",
                           "text": [lead + f" Other words number {i}." for i in range(30)]})
    full = fl.propose_claims(corpus)
    monkeypatch.setattr(proposals, "MAX_SCORED", 5)
    sampled = fl.propose_claims(corpus)
    assert sampled.loc[0, "documents"] == full.loc[0, "documents"] == 30
    assert sampled.loc[0, "outlets"] == 10
    assert sampled.equals(fl.propose_claims(corpus))  # the same sample on a rerun


def test_the_fidelity_page_shows_the_most_shared_groups_and_says_how_many():
    rows = []
    for g in range(40):
        for outlet in [f"O{k}" for k in range(2 + (g == 7))]:
            rows.append({"group_id": f"g{g:02d}", "quote_id": f"{outlet}-{g}", "outlet": outlet,
                         "canonical_quote_id": f"O0-{g}", "canonical_text": "we need help",
                         "version_text": "we need help", "truncated": False, "translated": False,
                         "identical": True})
    html = fl.fidelity_html(pd.DataFrame(rows), max_groups=5).data
    assert html.count("<h4>") == 5 and "<h4>g07</h4>" in html  # g07 has three outlets
    assert "The 5 groups carried by the most outlets, of 40" in html
