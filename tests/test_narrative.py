"""Notebook display helpers: tables are escaped, searchable when long, and reproducible."""
from __future__ import annotations

from html import escape

import pandas as pd
import pytest

import analysis as fl
from analysis.narrative import static_table

HOSTILE = [
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
    ("Le « chef » a dit <b>non</b> & c’est tout", "Le « chef » a dit &lt;b&gt;non&lt;/b&gt; &amp; c’est tout"),
    ("L’aide d’Israël </td></tr></table><script>x()</script>",
     "L’aide d’Israël &lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;x()&lt;/script&gt;"),
]


def _table(text: str, rows: int) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(rows)], "text": [text] * rows,
                         "n": range(rows)})


@pytest.mark.parametrize("text, escaped", HOSTILE)
@pytest.mark.parametrize("rows", [3, 40])
def test_table_cells_and_caption_are_escaped(text, escaped, rows):
    page = fl.show_table(_table(text, rows), caption=text).data
    assert text not in page
    assert escaped in page


@pytest.mark.parametrize("text, escaped", HOSTILE)
def test_column_names_are_escaped(text, escaped):
    page = fl.show_table(pd.DataFrame({text: range(20)})).data
    assert text not in page and escaped in page


def test_short_table_is_static_and_long_table_interactive():
    short = fl.show_table(_table("a", fl.narrative.STATIC_TABLE_ROWS - 1)).data
    long = fl.show_table(_table("a", fl.narrative.STATIC_TABLE_ROWS)).data
    assert "framelab-static" in short and "<script" not in short
    assert "new ITable(" in long and '"search"' in long
    assert "unpkg" not in long and "cdn" not in long.lower() and "<script src=" not in long


def test_interactive_table_ids_are_numbered_not_random():
    first = fl.show_table(_table("a", 20)).data
    second = fl.show_table(_table("a", 20)).data
    n = int(first.split('id="framelab_table_')[1].split('"')[0])
    assert f'id="framelab_table_{n + 1}"' in second


def test_static_table_blanks_missing_values_and_marks_numbers():
    html = static_table(pd.DataFrame({"word": ["x", None], "rate": [0.25, float("nan")]}))
    assert '<td></td><td class="num"></td>' in html
    assert '<td class="nowrap">x</td><td class="num">0.25</td>' in html


@pytest.mark.parametrize("value, cell", [
    ("https://french.almanar.com.lb/2711403/une-longue-adresse", '<td class="wrap">'),
    ("/home/analyst/corpus/000_c8d13a82b0cb49fd.txt", '<td class="wrap">'),
    ("2023-10-04", '<td class="nowrap">'),
    ("000_c8d13a82b0cb49fd", '<td class="nowrap">'),
    ("Al Mayadeen English", "<td>"),
    ("Le chef de la résistance afghane a démenti l’information publiée par Maariv", "<td>"),
])
def test_long_tokens_may_break_and_short_ones_never(value, cell):
    assert f"{cell}{escape(value)}</td>" in static_table(pd.DataFrame({"v": [value]}))


def test_meaningful_index_is_shown_and_row_numbers_are_not():
    rates = pd.DataFrame({"outlet": ["KabulNow", "Al-Manar (French)"], "rate": [0.5, 0.25]})
    assert "KabulNow" in fl.show_table(rates.set_index("outlet")).data
    pivot = rates.assign(term="aide").pivot_table(index="outlet", columns="term", values="rate")
    html = fl.show_table(pivot).data
    assert "<th>outlet</th>" in html and "KabulNow" in html
    filtered = rates[rates["rate"] > 0.3]  # index [0]: row numbers, not data
    assert "<th>index</th>" not in fl.show_table(filtered).data


def test_column_levels_are_joined():
    table = pd.DataFrame([[1, 2]], columns=pd.MultiIndex.from_tuples([("rate", "en"), ("rate", "fr")]))
    html = fl.show_table(table).data
    assert "<th class=\"num\">rate · en</th>" in html and "<th class=\"num\">rate · fr</th>" in html


@pytest.mark.parametrize("notebook, text, heading, expected", [
    ("01_corpus_overview", "corpus", "How long is each document?",
     '<a href="01_corpus_overview.html#How-long-is-each-document?">corpus</a>'),
    ("03_quotes.ipynb", "citations <b>", "Qui est cité, et par qui ?",
     '<a href="03_quotes.html#Qui-est-cit%C3%A9,-et-par-qui-?">citations &lt;b&gt;</a>'),
    ("02_loaded_terms", "terms", "", '<a href="02_loaded_terms.html">terms</a>'),
    ("02_x", "x", '"><script>', '<a href="02_x.html#%22%3E%3Cscript%3E">x</a>'),
])
def test_link_report(notebook, text, heading, expected):
    assert fl.link_report(notebook, text, heading).data == expected


def test_a_long_table_shows_its_first_rows_and_says_how_many():
    table = pd.DataFrame({"doc_id": [f"d{i:05d}" for i in range(3000)], "n": range(3000)})
    html = fl.show_table(table, caption="Every document (documents.csv)", max_rows=1000).data
    assert "the first 1,000 of 3,000 rows; every row is in the CSV" in html
    assert "d00999" in html and "d01000" not in html


def test_interactive_tables_show_missing_values_blank():
    table = pd.DataFrame({"outlet": [f"o{i}" for i in range(10)], "low": [0.5] * 9 + [float("nan")]})
    html = fl.show_table(table).data
    assert "NaN" not in html                      # itables alone writes NaN in the cell and the data
    assert 'o9\\", \\"\\"]' in html                  # the row is there, its gap blank


def test_the_quotation_paragraph_counts_every_kind_and_agrees_in_number():
    from analysis.narrative import describe_quotes
    grouped = pd.DataFrame({
        "doc_id": ["d1", "d1", "d1", "d2", "d2", "d2"], "outlet": ["A", "A", "A", "B", "B", "B"],
        "kind": ["direct", "direct", "indirect", "mixed", "scare", "title"],
        "speaker": ["Jane Roe", "unknown", "Jane Roe", "John Doe", "", ""],
        "group_id": ["g1", "g2", "", "", "", ""]})
    text = describe_quotes(grouped, pd.DataFrame(), 0.5).data
    assert ("<strong>2</strong> direct, <strong>1</strong> indirect, <strong>1</strong> mixed, "
            "<strong>1</strong> scare quotes and <strong>1</strong> titles of works") in text
    assert "1 of the 2 direct quotations name a speaker; 1 is <code>unknown</code>" in text
