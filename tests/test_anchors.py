"""Row ids the summary links to (analysis/anchors.py) and the tables that carry them."""
from __future__ import annotations

import re

import pandas as pd
import pytest

import analysis as fl

SAFE = re.compile(r"[a-z0-9-]+")


@pytest.mark.parametrize(("keys", "readable"), [
    (("Al Mayadeen (English)",), "claim-stance-al-mayadeen-english-"),
    (('<script>alert("x")</script>',), "claim-stance-script-alert-x-script-"),   # hostile: letters only
    (("صوت هندوكوش",), "claim-stance-x-"),                                      # no latin letter at all
    (("KabulNow", "massoud_nrf"), "claim-stance-kabulnow-massoud-nrf-"),
])
def test_row_ids_are_safe_and_readable(keys, readable):
    ident = fl.row_id("claim-stance", *keys)
    assert SAFE.fullmatch(ident) and ident.startswith(readable) and len(ident) == len(readable) + 6


def test_names_that_slug_alike_get_different_ids():
    assert fl.row_id("t", "Al Mayadeen") != fl.row_id("t", "al-mayadeen")
    assert fl.row_id("t", "A", "b c") != fl.row_id("t", "A b", "c")  # keys are not just joined
    assert fl.row_id("t", "A") == fl.row_id("t", "A")                  # stable across calls


def test_first_row_of_each_key_gets_the_id():
    rows = pd.DataFrame({"outlet": ["B", "A", "B", "A", "C"]})
    ids = fl.row_ids(rows, "quotes", ["outlet"], first=True)
    assert ids == [fl.row_id("quotes", "B"), fl.row_id("quotes", "A"), "", "", fl.row_id("quotes", "C")]
    assert fl.row_ids(rows.head(2), "quotes", ["outlet"]) == ids[:2]


def test_a_static_table_carries_the_ids_on_its_rows():
    rows = pd.DataFrame({"outlet": ["A <b>", "B"], "n": [1, 2]})
    html = fl.show_table(rows, row_ids=fl.row_ids(rows, "x", ["outlet"])).data
    assert f'<tr id="{fl.row_id("x", "A <b>")}"><td' in html and "A &lt;b&gt;" in html


def test_an_interactive_table_reads_the_ids_from_a_hidden_column_and_shows_every_row():
    rows = pd.DataFrame({"outlet": [f"O{i % 7}" for i in range(40)], "n": range(40)})
    html = fl.show_table(rows, row_ids=fl.row_ids(rows, "x", ["outlet"], first=True)).data
    assert '"rowId": 0' in html and '"paging": false' in html and fl.row_id("x", "O3") in html
    assert '"visible": false' in html
