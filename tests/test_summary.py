"""The framing summary condenses the detail tables, one row per outlet, escaped and deterministic."""
from __future__ import annotations

import pandas as pd
import pytest

import analysis as fl
from analysis.summary import SUMMARY_SOURCES


def _declared(name: str, table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with every declared column of ``name``: the missing ones empty (or 0)."""
    base = fl.empty_table(name)
    for column in base.columns:
        if column not in table.columns:
            table[column] = 0 if base[column].dtype.kind in "iuf" else ("" if base[column].dtype == object else False)
    return table


def tables() -> dict[str, pd.DataFrame]:
    return {name: _declared(name, table) for name, table in _partial_tables().items()}


def _partial_tables() -> dict[str, pd.DataFrame]:
    return {
        "outlets": pd.DataFrame({"outlet": ["B <b>", "A"], "documents": [2, 1], "words": [1000, 500]}),
        "documents": pd.DataFrame({"doc_id": ["1", "2", "3"], "file": ["1.txt", "2.txt", "3.txt"],
                                   "status": ["analysed"] * 3, "reason": [""] * 3}),
        "term_frequencies": pd.DataFrame({
            "outlet": ["A", "A", "A", "B <b>"], "term": ["rebels", "martyrs", "illegitimate", "rebels"],
            "category": ["x"] * 4, "count": [2, 2, 0, 1], "words": [500, 500, 500, 1000],
            "per_1k_words": [4.0, 4.0, 0.0, 1.0]}),
        "loaded_terms": pd.DataFrame({
            "doc_id": ["1"] * 6 + ["2"], "outlet": ["A"] * 6 + ["B <b>"],
            "term": ["rebels", "martyrs", "rebels", "martyrs", "illegitimate", "allegedly", "rebels"],
            "category": ["x"] * 5 + ["hedge", "x"], "start": [10, 20, 50, 60, 200, 300, 5],
            "end": [16, 27, 56, 67, 212, 309, 11]}),
        "quotes": pd.DataFrame({
            "quote_id": ["1:q0", "1:q1", "2:q0", "3:q0", "1:q2"], "outlet": ["A", "A", "B <b>", "B <b>", "A"],
            "doc_id": ["1", "1", "2", "3", "1"], "start": [190, 15, 100, 0, 400], "end": [220, 30, 120, 10, 450],
            "kind": ["direct", "scare", "direct", "direct", "indirect"], "group_id": ["g1", "", "g1", "g2", ""],
            "via_translation": [False, False, True, False, False]}),
        "quote_groups": pd.DataFrame({"group_id": ["g1", "g2"], "n_outlets": [2, 1]}),
        "claim_stance": pd.DataFrame({"doc_id": ["1", "2", "3"], "outlet": ["A", "B <b>", "B <b>"],
                                      "claim_id": ["c"] * 3, "label": ["discuss", "agree", "agree"]}),
        "target_stance": pd.DataFrame({
            "outlet": ["A", "B <b>", "A"], "target": ["israel", "israel", "taliban"],
            "label": ["against", "neutral", "neutral"], "score": [-0.3, 0.01, 0.0],
            "low": [-0.5, -0.1, -0.1], "high": [-0.1, 0.1, 0.1], "n_sentences": [5, 4, 3],
            "n_units": [6, 4, 3], "n_weighing": [3, 0, 1], "n_quotes": [1, 0, 0]}),
        "framing_devices": pd.DataFrame({
            "outlet": ["A", "A", "A", "B <b>"], "device": ["hedge", "hedge", "naming", "naming"],
            "value": ["allegedly", "reportedly", "israel: 'Israel'", "israel: Israel"],
            "count": [1, 2, 3, 4]}),
        "sources_cited": pd.DataFrame({"outlet": ["A", "A", "A"], "source": ["Maariv", "X", "Maariv"],
                                       "count": [1, 1, 2]}),
    }


def test_summary_has_one_row_per_outlet_with_every_column():
    summary = fl.summarise_framing(tables()).set_index("outlet")
    assert list(summary.index) == ["A", "B <b>"]
    a, b = summary.loc["A"], summary.loc["B <b>"]
    assert a["claim_stance"] == "discuss ×1" and b["claim_stance"] == "agree ×2"
    assert a["stance: israel"] == "against -0.30 [-0.50, -0.10], 3 of 6 sentences and quotations weigh"
    assert a["stance: taliban"] == "neutral +0.00 [-0.10, +0.10], 1 of 3 sentences weighs"
    assert list(summary.columns[:5]) == ["documents", "words", "claim_stance", "stance: israel",
                                         "stance: taliban"]
    assert b["stance: taliban"] == "not mentioned"
    # own words, most frequent first, then the term fewer other outlets use (martyrs: none)
    assert a["top_loaded_terms"] == "martyrs ×2; rebels ×2"
    # a term inside a direct quotation is the speaker's: listed apart; a scare quote is not a quotation
    assert a["quoted_loaded_terms"] == "illegitimate ×1" and b["quoted_loaded_terms"] == ""
    assert b["top_loaded_terms"] == "rebels ×1"
    assert a["naming"] == "israel: 'Israel' ×3"
    # who is paraphrased beside who is quoted verbatim
    assert a["quotes_carried"] == "1 direct, 1 shared with other outlets; 1 indirect, 0 mixed"
    assert b["quotes_carried"] == "2 direct, 1 shared with other outlets; 0 indirect, 0 mixed"
    assert a["scare_quotes"] == 1 and b["scare_quotes"] == 0
    assert a["hedges_per_1k_words"] == 6.0                               # (1 + 2) per 500 words
    assert a["sources_cited"] == "Maariv ×3; X ×1"
    assert b["sources_cited"] == ""


@pytest.mark.parametrize("top_n, expected", [
    (1, "martyrs ×2"),                # rebels ties on count but B uses it too: less distinctive
    (2, "martyrs ×2; rebels ×2"),
])
def test_loaded_terms_ranked_by_rate_then_distinctiveness(top_n, expected):
    summary = fl.summarise_framing(tables(), top_n=top_n).set_index("outlet")
    assert summary.loc["A", "top_loaded_terms"] == expected


def test_terms_tied_at_the_cut_are_all_listed():
    matches = pd.DataFrame({"outlet": ["A", "A", "A", "A"], "term": ["b", "a", "c", "c"]})
    assert fl.rank_terms(matches, 2) == {"A": "c ×2; a ×1; b ×1"}   # a and b tie: both shown
    assert fl.rank_terms(matches, 1) == {"A": "c ×2"}


def test_summary_narrative_escapes_outlet_names():
    data = tables()
    html = fl.describe_framing(fl.summarise_framing(data), data["target_stance"], {"israel": "Israel <i>"}).data
    assert "B &lt;b&gt;" in html and "<b>" not in html and "<i>" not in html
    assert "against Israel &lt;i&gt; (-0.30, 95% interval -0.50 to -0.10, 3 of 6 sentences and quotations weigh)" in html
    assert "(1 document, 500 words)" in html and "(2 documents, 1,000 words)" in html
    assert "(s)" not in html
    assert "neutral toward every target" in html
    assert "Claim stance by outlet — <em>agree ×2</em>: B &lt;b&gt;; <em>discuss ×1</em>: A." in html


def test_missing_table_names_the_notebook_to_run(tmp_path):
    for name, table in tables().items():
        if name != "target_stance":
            table.to_csv(tmp_path / f"{name}.csv", index=False)
    with pytest.raises(fl.SummaryError, match=r"target_stance.csv is missing; run the notebook "
                                              r"04_stance_and_framing first"):
        fl.load_report_tables(tmp_path)


def test_every_summary_source_is_written_by_its_notebook():
    for table, notebook in SUMMARY_SOURCES.items():
        source = (fl.ROOT / "notebooks" / f"{notebook}.ipynb").read_text(encoding="utf-8")
        assert f"{table}.csv" in source, f"{notebook} does not write {table}.csv"
