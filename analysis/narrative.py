"""Narrative for the pages: every generated paragraph (``describe_*``) and HTML helper.

Each function turns tables into escaped HTML: article text, names and file names come from
untrusted input, so every value is escaped before it reaches a page. Pages render offline: tables
embed their library, figures are linked files.
"""
from __future__ import annotations

import html
import re
import warnings
from html import escape
from pathlib import Path
from urllib.parse import quote

import itables
import pandas as pd
from IPython.display import HTML

from analysis.figures import SavedFigure
from analysis.paths import figures_dir
from analysis.quotes.fidelity import _diff, _display_tokens
from analysis.text import fold_text


class MissingFigureError(ValueError):
    """A figure a page embeds has not been drawn: its notebook has not run."""


def describe_counts(documents: pd.DataFrame) -> HTML:
    """A paragraph for the notebook: documents in, analysed and skipped, with each skip reason.

    Built as escaped HTML: file names and reasons come from untrusted input.
    """
    n_in = len(documents)
    skipped = documents[documents["status"] == "skipped"]
    text = (f"<p><strong>{n_in}</strong> documents came in: <strong>{n_in - len(skipped)}</strong> "
            f"analysed, <strong>{len(skipped)}</strong> skipped.</p>")
    if len(skipped):
        items = "".join(f"<li><code>{escape(r.file)}</code>: {escape(r.reason)}</li>"
                        for r in skipped.itertuples())
        text += f"<p>Skipped:</p><ul>{items}</ul>"
    return HTML(text)


def describe_corpus(corpus: pd.DataFrame) -> HTML:
    """A paragraph generated from the corpus: outlets, languages, date range, undated documents."""
    languages = corpus["language"].value_counts().sort_index()
    dates = pd.to_datetime(corpus["published"], errors="coerce", format="%Y-%m-%d").dropna()
    span = (f"published between {dates.min().date()} and {dates.max().date()}" if len(dates)
            else "with no known publication date")
    undated = len(corpus) - len(dates)
    text = (f"The analysed corpus holds <strong>{len(corpus)}</strong> documents "
            f"({int(corpus['n_words'].sum()):,} words) from <strong>{corpus['outlet'].nunique()}"
            f"</strong> outlets in {len(languages)} language(s) ("
            + ", ".join(f"{escape(code)}: {n}" for code, n in languages.items())
            + f"), {span}")
    text += f"; {undated} document(s) carry no date." if undated else "."
    return HTML(f"<p>{text}</p>")


# Tables shorter than this are plain HTML; longer ones get search, sorting and paging.
STATIC_TABLE_ROWS = 8


# Rows of data embedded per interactive table before itables samples it down (the CSV under
# reports/tables/ always holds every row).
TABLE_MAX_BYTES = "2MB"


STATIC_TABLE_CSS = (
    "table.framelab-static { border-collapse: collapse; font-size: 0.9em; margin: 0.5em 0; } "
    "table.framelab-static caption { caption-side: top; text-align: left; font-weight: bold; "
    "padding: 0.3em 0; } "
    "table.framelab-static th, table.framelab-static td { border-bottom: 1px solid #ddd; "
    "padding: 0.25em 0.6em; text-align: left; vertical-align: top; } "
    "table.framelab-static .num { text-align: right; font-variant-numeric: tabular-nums; } "
    "table.framelab-static .wrap { overflow-wrap: anywhere; min-width: 14em; } "
    "table.framelab-static .nowrap { white-space: nowrap; }")


# A value with an unbroken run this long (a URL, a path) may break anywhere, so one column of
# links does not push the rest of the table off the page; a shorter single token (an id, a date)
# never breaks (Chromium would break 2023-10-04 at a hyphen).
LONG_TOKEN = re.compile(r"\S{30,}")


# The DataTables library is written into the page once, before the first interactive table
# (0.7 MB of JS and CSS, ~1 MB as base64); a kernel runs one notebook, so this is per page.
_page = {"library_written": False, "tables": 0}


# Rows a page embeds per table: past this, the page shows the first rows and says so; the CSV
# under reports/tables/ holds every row.
PAGE_MAX_ROWS = 2000


def show_table(table: pd.DataFrame, caption: str = "",
               static_rows: int = STATIC_TABLE_ROWS, max_rows: int = PAGE_MAX_ROWS,
               row_ids: list[str] | None = None) -> HTML:
    """Display a table readers can search and sort in the exported HTML, with no network.

    Tables with fewer than ``static_rows`` rows are a plain HTML table; longer ones are an
    itables (DataTables) table whose JavaScript and CSS are embedded in the page (offline
    mode). A meaningful index (named, or not integers: e.g. outlets of a pivot table) becomes
    leading columns; a plain row-number index is not shown. Cell values, column names and
    ``caption`` are HTML-escaped: article text shows as text and runs nothing. Table ids are
    numbered in display order, so a rerun writes the same HTML. Make it the last expression of
    a cell. A table longer than ``max_rows`` shows its first ``max_rows`` rows (paged in the
    page) and its caption says how many of how many; the CSV holds them all. Cost: the first
    interactive table of a page adds ~1 MB (the library); each table embeds its rows (up to
    ``TABLE_MAX_BYTES``). ``row_ids`` (:func:`analysis.anchors.row_ids`, one per row, "" for none)
    become the rows' element ids, for links from the summary: an interactive table then shows
    every row on one page (a paged row would not be in the page to land on).
    """
    table = _index_as_columns(table)
    if len(table) > max_rows:
        caption = (f"{caption} (the first {max_rows:,} of {len(table):,} rows; every row is in the CSV)"
                   if caption else f"The first {max_rows:,} of {len(table):,} rows")
        table = table.head(max_rows)
        row_ids = row_ids[:max_rows] if row_ids is not None else None
    safe_caption = escape(caption)
    if len(table) < static_rows:
        return HTML(f"<style>{STATIC_TABLE_CSS}</style>{static_table(table, caption, row_ids)}")
    table = _blank_missing(table)
    if not _page["library_written"]:
        # Displays the DataTables bundle (JS + CSS, base64) inline, ahead of this cell's result.
        itables.init_notebook_mode(all_interactive=False, connected=False)
        _page["library_written"] = True
    _page["tables"] += 1
    anchored = {}
    if row_ids is not None:  # a hidden first column DataTables reads each row's id from
        table = pd.concat([pd.DataFrame({"row id": list(row_ids)}, index=table.index), table], axis=1)
        anchored = {"rowId": 0, "paging": False}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # itables warns about downsampling; the table says so too
        return HTML(itables.to_html_datatable(
            table, caption=safe_caption or None, table_id=f"framelab_table_{_page['tables']}",
            connected=False, allow_html=False, maxBytes=TABLE_MAX_BYTES, showIndex=False,
            classes="display compact framelab-table", display_logo_when_loading=False,
            style="table-layout:auto;width:auto;margin:0;caption-side:top",
            # itables drops the search box when the rows fit the first lengthMenu entry; 5 (less
            # than STATIC_TABLE_ROWS) keeps it on every interactive table.
            pageLength=25, lengthMenu=[5, 10, 25, 100, -1],
            # a column of sentences gets room to read (the template's CSS) instead of 30-line cells
            columnDefs=[{"targets": _long_text_columns(table), "className": "framelab-long"}]
            + ([{"targets": [0], "visible": False, "searchable": False}] if anchored else []), **anchored))


# A text column whose values run this long (median characters) is prose: a sentence, evidence.
LONG_TEXT = 60


def _long_text_columns(table: pd.DataFrame) -> list[int]:
    """Positions of the columns holding prose (sentences, evidence), which need a wide cell."""
    return [i for i, column in enumerate(table.columns)
            if table[column].dtype == object or pd.api.types.is_string_dtype(table[column])
            if table[column].astype(str).str.len().median() >= LONG_TEXT]


NUM = ' class="num"'


def _blank_missing(table: pd.DataFrame) -> pd.DataFrame:
    """Missing values shown blank, as in the static tables, never as ``NaN`` (a number column
    with gaps becomes text: DataTables still sorts it as numbers)."""
    gaps = [c for c in table.columns if table[c].isna().any()]
    if not gaps:
        return table
    return table.assign(**{c: table[c].map(lambda v: "" if pd.isna(v) else v).astype(object) for c in gaps})


def _index_as_columns(table: pd.DataFrame) -> pd.DataFrame:
    """The index as leading columns when it carries information; column levels joined by " · "."""
    named = any(name is not None for name in table.index.names)
    if named or not pd.api.types.is_integer_dtype(table.index):
        table = table.reset_index()
    if isinstance(table.columns, pd.MultiIndex):
        names = [" · ".join(str(part) for part in c if str(part)) for c in table.columns]
        table = table.set_axis(names, axis=1)
    return table


def _cell(value) -> str:
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return ""
    if isinstance(value, float):
        return f"{value:.6g}"
    return escape(str(value))


def _cell_class(value, numeric: bool) -> str:
    if numeric:
        return NUM
    if not isinstance(value, str):
        return ""
    if LONG_TOKEN.search(value):
        return ' class="wrap"'
    return ' class="nowrap"' if value and not any(c.isspace() for c in value) else ""


def static_table(table: pd.DataFrame, caption: str = "", row_ids: list[str] | None = None) -> str:
    """A plain HTML table: every value, column name and the caption escaped; numeric columns
    carry class ``num`` (right-aligned); missing values are blank; the index is not shown;
    ``row_ids`` (safe ids, "" for none) become the rows' ids."""
    numeric = [pd.api.types.is_numeric_dtype(t) and not pd.api.types.is_bool_dtype(t)
               for t in table.dtypes]
    head = "".join(f'<th{NUM if n else ""}>{escape(str(c))}</th>'
                   for c, n in zip(table.columns, numeric))
    ids = [f' id="{escape(i)}"' if i else "" for i in row_ids] if row_ids is not None else [""] * len(table)
    rows = "".join(f"<tr{i}>" + "".join(f"<td{_cell_class(v, n)}>{_cell(v)}</td>"
                                        for v, n in zip(row, numeric)) + "</tr>\n"
                   for i, row in zip(ids, table.itertuples(index=False, name=None)))
    title = f"<caption>{escape(caption)}</caption>" if caption else ""
    return (f'<table class="framelab-table framelab-static">{title}<thead><tr>{head}</tr></thead>'
            f"<tbody>\n{rows}</tbody></table>")


def link_report(notebook: str, text: str, heading: str = "") -> HTML:
    """A link from one report page to another (all pages sit in one folder), optionally to a
    section: ``heading`` is the section's heading text as written in that notebook (nbconvert
    makes its anchor by replacing spaces with hyphens). ``text`` is escaped.

    Example: ``fl.link_report("03_quote_overlap", "every quotation", "Who is quoted?")``.
    """
    href = quote(f"{Path(notebook).stem}.html")
    if heading:
        href += "#" + quote(heading.strip().replace(" ", "-"), safe="-?,'()")
    return HTML(f'<a href="{escape(href)}">{escape(text)}</a>')


def _names(items) -> str:
    return ", ".join(escape(str(i)) for i in items)


def describe_term_counts(counts: pd.DataFrame, matches: pd.DataFrame,
                         lexicon: pd.DataFrame) -> HTML:
    """Generated narrative (escaped HTML) for the loaded-term figures: totals, each outlet's
    most frequent terms, terms only one outlet uses, terms no outlet uses.

    In: :func:`count_terms` output (with the lexicon), the matches, the lexicon table.
    """
    n_terms = lexicon["term"].nunique()
    used = counts[counts["count"] > 0]
    parts = [f"<p><strong>{len(matches)}</strong> loaded-term matches of "
             f"<strong>{used['term'].nunique()}</strong> of the {n_terms} lexicon terms, in "
             f"{matches['doc_id'].nunique()} document(s) from {matches['outlet'].nunique()} "
             f"outlet(s).</p>"]
    items = []
    for outlet, part in counts.groupby("outlet", sort=True):
        total, words = int(part["count"].sum()), int(part["words"].iloc[0])
        top = part[part["count"] > 0].sort_values(["count", "term"], ascending=[False, True])
        by_category = top.groupby("category")["count"].sum().sort_values(ascending=False)
        listed = ", ".join(f"{escape(t)} ×{c}" for t, c in zip(top["term"], top["count"]))
        categories = ", ".join(f"{escape(c)} {n}" for c, n in by_category.items())
        items.append(f"<li><strong>{escape(outlet)}</strong>: {total} match(es) in {words:,} words "
                     f"({(total / words * 1000) if words else 0:.1f} per 1,000)"
                     + (f"; {listed} (by category: {categories})" if total else "; none") + "</li>")
    parts.append("<ul>" + "".join(items) + "</ul>")
    owners = used.groupby("term")["outlet"].agg(list)
    single = owners[owners.map(len) == 1]
    if len(single):
        parts.append("<p>Used by one outlet only: " + "; ".join(
            f"{escape(t)} ({escape(o[0])})" for t, o in single.items()) + ".</p>")
    unused = sorted(set(lexicon["term"]) - set(used["term"]))
    if unused:
        parts.append(f"<p>No outlet uses {len(unused)} lexicon term(s): {_names(unused)}. "
                     "A cell marked n/a means the lexicon has no variant in that outlet's "
                     "language, so absence there says nothing.</p>")
    return HTML("".join(parts))


def describe_keyness(table: pd.DataFrame, top: pd.DataFrame, corpus: pd.DataFrame,
                     min_count: int, lexicon: pd.DataFrame | None = None) -> HTML:
    """Generated narrative (escaped HTML) for the keyness figure: per outlet its three most
    over-used n-grams with z and counts, how many reach |z| ≥ 1.96, which outlets had no
    comparison (alone in their language) and, with ``lexicon``, the top n-grams with z ≥ 1
    that no lexicon variant covers (candidates to review for the lexicon)."""
    compared = sorted(table["outlet"].unique())
    alone = sorted(set(corpus["outlet"]) - set(compared))
    parts = [f"<p>Each outlet is compared with the other outlets of its language; n-grams seen "
             f"fewer than {min_count} times in that language are left out.</p>"]
    items = []
    for outlet in compared:
        rows = top[top["outlet"] == outlet].head(3)
        strong = int((table.loc[table["outlet"] == outlet, "z"].abs() >= 1.96).sum())
        listed = ", ".join(f"&ldquo;{escape(r.term)}&rdquo; (z = {r.z:.2f}, {r.count_outlet} vs "
                           f"{r.count_rest} in the rest)" for r in rows.itertuples())
        items.append(f"<li><strong>{escape(outlet)}</strong>: {listed or 'no over-used n-gram'}; "
                     f"{strong} n-gram(s) reach |z| ≥ 1.96.</li>")
    parts.append("<ul>" + "".join(items) + "</ul>")
    if alone:
        parts.append("<p>Not compared (no other outlet in the same language): "
                     + ", ".join(escape(o) for o in alone) + ".</p>")
    if lexicon is not None and len(top):
        known = {fold_text(v)[0] for v in lexicon["variant"]}
        new = top[(top["z"] >= 1) & ~top["term"].map(
            lambda t: any(t == k or t in k.split(" ") for k in known))]
        if len(new):
            parts.append("<p>Over-used n-grams (z ≥ 1) that no lexicon variant covers, to "
                         "review in the concordance before adding any to the lexicon: "
                         + "; ".join(f"{escape(outlet)}: " + ", ".join(
                             f"&ldquo;{escape(t)}&rdquo;" for t in part["term"].head(5))
                             for outlet, part in new.groupby("outlet", sort=True)) + ".</p>")
    if len(table) and not (table["z"].abs() >= 1.96).any():
        parts.append("<p>No n-gram reaches |z| ≥ 1.96: with this few words per outlet the "
                     "differences are suggestive, not significant; read them with the "
                     "concordance.</p>")
    return HTML("".join(parts))


def fidelity_html(fidelity: pd.DataFrame, max_groups: int = 30) -> HTML:
    """Side-by-side comparison of each version with its group's canonical text, as escaped HTML:
    words of the canonical missing from the version in <del>, words added in <ins>.

    Shows the ``max_groups`` groups carried by the most outlets (then by group id), so the page
    stays readable and bounded on a large corpus; a sentence says how many are shown and every
    version stays in ``quote_fidelity.csv``."""
    if fidelity.empty:
        return HTML("<p>No quotation is carried by more than one outlet.</p>")
    reach = fidelity.groupby("group_id")["outlet"].nunique()
    shown = sorted(reach.index, key=lambda g: (-reach[g], g))[:max_groups]
    tokens_of: dict[str, list] = {}  # wire copies repeat a text across outlets: tokenise once

    def tokens(text: str) -> list:
        if text not in tokens_of:
            tokens_of[text] = _display_tokens(text, "en")
        return tokens_of[text]

    blocks = []
    selected = fidelity[fidelity["group_id"].isin(shown)]
    for group_id, versions in selected.groupby("group_id", sort=True):
        c_tokens = tokens(versions["canonical_text"].iloc[0])
        rows = []
        for v in versions.itertuples(index=False):
            v_tokens = tokens(v.version_text)
            pieces = []
            for tag, i1, i2, j1, j2 in _diff(c_tokens, v_tokens):
                if tag == "equal":
                    pieces.append(html.escape(" ".join(w for w, _ in v_tokens[j1:j2])))
                if tag in ("delete", "replace"):
                    pieces.append("<del>" + html.escape(" ".join(w for w, _ in c_tokens[i1:i2]))
                                  + "</del>")
                if tag in ("insert", "replace"):
                    pieces.append("<ins>" + html.escape(" ".join(w for w, _ in v_tokens[j1:j2]))
                                  + "</ins>")
            notes = [label for label, on in (("canonical", v.quote_id == v.canonical_quote_id),
                                             ("truncated", v.truncated),
                                             ("via the project's English translation", v.translated),
                                             ("identical", v.identical and v.quote_id != v.canonical_quote_id))
                     if on]
            rows.append(f"<tr><td>{html.escape(v.outlet)}<br><code>{html.escape(v.quote_id)}</code>"
                        f"</td><td>{' '.join(pieces)}</td><td>{html.escape(', '.join(notes))}"
                        f"</td></tr>")
        blocks.append(f"<h4>{html.escape(group_id)}</h4><table><tr><th>outlet · quote</th>"
                      f"<th>version against the canonical (longest) text</th><th>notes</th></tr>"
                      + "".join(rows) + "</table>")
    intro = ""
    if len(reach) > len(shown):
        intro = (f"<p>The {len(shown)} groups carried by the most outlets, of {len(reach):,}; "
                 f"every version of every group is in <code>quote_fidelity.csv</code>.</p>")
    return HTML("<style>del{background:#fdd}ins{background:#dfd;text-decoration:none}</style>"
                + intro + "".join(blocks))


def describe_quotes(grouped: pd.DataFrame, translated: pd.DataFrame,
                    threshold: float) -> HTML:
    """A paragraph generated from the data: quotations found by kind, speakers known, quotations
    read through a pivot translation, groups shared by several outlets (escaped HTML)."""
    direct = grouped[grouped["kind"] == "direct"]
    kinds = grouped["kind"].value_counts()
    unknown = int((direct["speaker"] == "unknown").sum())
    groups = grouped[grouped["group_id"] != ""].groupby("group_id")["outlet"].nunique()
    docs = translated["doc_id"].nunique() if len(translated) else 0
    by = sorted(set(translated["translation_by"])) if len(translated) else []
    counted = ", ".join(f"<strong>{int(kinds.get(kind, 0))}</strong> {label}" for kind, label in (
        ("direct", "direct"), ("indirect", "indirect"), ("mixed", "mixed"), ("scare", "scare quotes")))
    text = (f"<p><strong>{len(grouped)}</strong> quotations found in "
            f"<strong>{grouped['doc_id'].nunique()}</strong> documents: {counted} and "
            f"<strong>{int(kinds.get('title', 0))}</strong> titles of works. "
            f"{len(direct) - unknown} of the {len(direct)} direct quotations name a speaker; {unknown} "
            f"{'is' if unknown == 1 else 'are'} <code>unknown</code>. ")
    if docs:
        text += (f"{len(translated)} quotations come from English pivot translations of {docs} "
                 f"document(s) (translated by {_escape_join(by)}) and stand in for the original "
                 "words when quotations are matched across languages. ")
    text += (f"At similarity ≥ {threshold:g}, the direct quotations form <strong>{len(groups)}"
             f"</strong> groups; <strong>{int((groups > 1).sum())}</strong> are carried by more "
             "than one outlet.</p>")
    return HTML(text)


def _escape_join(values) -> str:
    """Values HTML-escaped and joined with commas."""
    return ", ".join(html.escape(str(v)) for v in values)


def describe_claim_stance(stance: pd.DataFrame, evidence: pd.DataFrame, claims: list[dict]) -> HTML:
    """Escaped HTML: per document, the claim label, confidence and each evidence sentence with
    its role and cues, so the reader sees why the label was given."""
    from IPython.display import HTML
    texts = {c["id"]: c["text"] for c in claims}
    parts = []
    for row in stance.sort_values(["outlet", "doc_id"]).itertuples(index=False):
        ev = evidence[(evidence["doc_id"] == row.doc_id) & (evidence["claim_id"] == row.claim_id)]
        items = "".join(
            f"<li><strong>{escape(e.role)}</strong>"
            + (f" (cues: {escape('; '.join(x for x in (e.refutation, e.hedge, e.attribution) if x))})"
               if any((e.refutation, e.hedge, e.attribution)) else "")
            + f": {escape(e.sentence)}</li>" for e in ev.sort_values("sentence_id").itertuples())
        parts.append(f"<p><strong>{escape(row.outlet)}</strong> (<code>{escape(row.doc_id)}</code>) on "
                     f"&ldquo;{escape(texts.get(row.claim_id, row.claim_id))}&rdquo;: <strong>{escape(row.label)}</strong>, "
                     f"confidence {row.confidence:.2f}, {row.n_related} related sentence(s).</p>"
                     + (f"<ul>{items}</ul>" if items else ""))
    note = stance["voice"].iloc[0] if len(stance) and stance["voice"].iloc[0] else ""
    return HTML("".join(parts) + (f"<p><em>Voice: {escape(note)}.</em></p>" if note else ""))


def show_saved_figure(name: str, out: Path | str, alt: str, report: str) -> HTML:
    """Embed a figure a detail notebook saved, with alt text and a link to that report."""
    folder = figures_dir(out)
    png = folder / f"{name}.png"
    if not png.exists():
        raise MissingFigureError(f"{png} is missing; run the notebook {report} first")
    figure = SavedFigure(png, folder / f"{name}.svg", folder / f"{name}.csv", alt)
    link = (f'<p><a href="{escape(report)}.html">Details and evidence: {escape(report)}</a> · '
            f'<a href="../figures/{escape(name)}.csv">plotted values</a></p>')
    return HTML(figure._repr_html_() + link)


def describe_languages(corpus: pd.DataFrame) -> HTML:
    """One paragraph: which language resources read the corpus, and what is not looked for in a
    language without them (so a zero count there is read as "not measured")."""
    from analysis.languages import language_resources, resources_note

    counts = corpus["language"].value_counts().sort_index()
    missing = [code for code in counts.index if not language_resources(code).found]
    found = [f"{escape(code)} ({n} document(s))" for code, n in counts.items() if code not in missing]
    text = f"<p>Language resources (<code>data/languages/</code>): {', '.join(found) or 'none'}."
    if missing:
        text += "</p><p><strong>Not measured:</strong> " + " ".join(
            escape(resources_note(code)) + f" ({counts[code]} document(s))." for code in missing)
    return HTML(text + "</p>")
