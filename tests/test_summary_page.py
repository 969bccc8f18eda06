"""The summary's first screen: the story in words, a compact table with short, linked, escaped
cells, outlets grouped by a metadata column the corpus carries."""
from __future__ import annotations

import pandas as pd
import pytest

import analysis as fl
from analysis.summary_page import MAX_SUMMARY_OUTLETS, plural
from test_summary import tables


def _labels():
    return {"israel": "Israel <i>", "taliban": "Taliban"}


@pytest.mark.parametrize("n, noun, expected", [(1, "document", "1 document"), (2, "document", "2 documents"),
                                               (0, "sentence", "0 sentences"), (1_200, "word", "1,200 words")])
def test_plural_is_written_out(n, noun, expected):
    assert plural(n, noun) == expected


def test_seed_story_gives_claim_text_target_labels_and_dates(seed_documents):
    story = fl.find_story(fl.SEEDS)
    labels = fl.target_labels(story)
    assert labels["massoud_nrf"] == "Massoud / NRF" and labels["united_states"] == "United States"
    outlets = pd.DataFrame({"outlet": ["KabulNow", "X"], "documents": [1, 1], "words": [300, 200],
                            "first_published": ["2023-03-21", "unknown"], "last_published": ["2023-03-21", "unknown"],
                            "undated": [0, 1]})
    claims = pd.DataFrame({"claim_id": ["massoud_asked_israel"] * 2, "label": ["agree", "unrelated"],
                           "outlet": ["X", "KabulNow"]})
    html = fl.describe_question(story, outlets, claims, labels).data
    assert "&ldquo;Ahmad Massoud asked Israel for help&rdquo; — 1 document agree, 1 document unrelated" in html
    assert "Massoud / NRF" in html and "massoud_nrf" not in html
    assert "published 2023-03-21 to 2023-03-21; 1 document undated" in html
    assert "KabulNow (2023-03-21); X (unknown)" in html


def test_measured_targets_only_and_discovered_names():
    story = fl.find_story(fl.SEEDS)
    assert fl.target_labels(story, measured=["israel"]) == {"israel": "Israel"}
    entities = pd.DataFrame({"entity_id": ["ahmad_massoud", "2021"], "canonical": ["Ahmad Massoud", "2021"]})
    empty = fl.Story(folder=None, claims=None, targets=None, lexicons=None, neutral_words=None, gold=None)
    assert fl.target_labels(empty, entities) == {"ahmad_massoud": "Ahmad Massoud", "e_2021": "2021"}


def test_compact_table_links_every_cell_and_escapes():
    data = tables()
    summary = fl.summarise_framing(data)
    outlets = data["outlets"].assign(first_published="2023-01-01", last_published="2023-02-01", undated=0)
    html = fl.compact_table(summary, data["target_stance"], outlets, _labels())
    assert "toward Israel &lt;i&gt;" in html and "<i>" not in html and "B &lt;b&gt;" in html
    assert '<a href="#about-outlet-0">A</a>' in html                       # to the outlet's paragraph
    assert "04_stance_and_framing.html#Where-does-each-document" in html    # a target cell's evidence
    assert "against</span> -0.30<br><small>3 of 6 sentences and quotations weigh</small>" in html
    assert "neutral</span> +0.00<br><small>1 of 3 sentences weighs, weak</small>" in html
    assert "2023-01-01 to<br>2023-02-01" in html
    detail = fl.detail_table(summary, data["target_stance"], _labels())
    assert '<tr id="outlet-0">' in detail and '<tr id="outlet-1">' in detail  # what the cells link to


def test_many_outlets_show_the_largest_and_a_note():
    outlets = pd.DataFrame({"outlet": [f"O{i:02d}" for i in range(20)], "documents": range(20),
                            "words": [100] * 20})
    top = fl.top_outlets(outlets)
    assert len(top) == MAX_SUMMARY_OUTLETS and top[0] == "O19" and "O00" not in top


def test_loader_keeps_extra_metadata_columns(tmp_path):
    corpus = tmp_path / "c.csv"
    pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "X", "Y"], "language": "en",
                  "text": ["Some words here."] * 3, "leaning": ["left", "", "right"]}).to_csv(corpus, index=False)
    documents = fl.load_documents(corpus)
    assert list(documents["leaning"]) == ["left", "", "right"]
    groups = fl.outlet_groups(documents, "leaning")
    assert groups.to_dict() == {"X": "left", "Y": "right"}
    with pytest.raises(ValueError, match=r"group_by='country': the corpus has no metadata column "
                                         r"'country'; its extra columns: leaning"):
        fl.outlet_groups(documents, "country")


def test_groups_table_counts_outlets_documents_and_labels():
    data = tables()
    summary = fl.summarise_framing(data)
    groups = pd.Series({"A": "left", "B <b>": "right <x>"}, name="group")
    html = fl.describe_groups(summary, data["claim_stance"], data["target_stance"], groups, _labels(),
                              "leaning").data
    assert "right &lt;x&gt;" in html and "<x>" not in html
    assert "<td>discuss 1</td>" in html and "<td>agree 2</td>" in html
    assert "-0.30<br><small>against 1, favour 0 of 1</small>" in html
