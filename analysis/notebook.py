"""What every notebook does first: check its parameters, then say what came in and what was kept."""
from __future__ import annotations

import re
import warnings
from html import escape
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote

import itables
import pandas as pd
from IPython.display import HTML

from analysis.paths import DATA, ROOT, SEEDS


def _existing_path(name: str, value, default: Path | None = None) -> Path:
    path = Path(value) if value not in ("", None) else default
    if path is None:
        raise ValueError(f"parameter {name} is required")
    path = path if path.is_absolute() else (ROOT / path)
    if not path.exists():
        raise ValueError(f"parameter {name}: {path} does not exist; give an existing file or folder")
    return path


def _output_root(name: str, value) -> Path:
    path = Path(value) if value not in ("", None) else ROOT
    path = path if path.is_absolute() else (ROOT / path)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _count(name: str, value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"parameter {name} must be a whole number ≥ 1, got {value!r}")
    return value


def _fraction(name: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ValueError(f"parameter {name} must be a number from 0 to 1, got {value!r}")
    return float(value)


# The suite's parameter vocabulary: name -> check returning the resolved value. A notebook's
# parameters cell may only use names listed here; add a name here when a notebook needs one.
PARAMETER_CHECKS = {
    "corpus": lambda n, v: _existing_path(n, v, SEEDS),
    "out_dir": _output_root,
    "min_count": _count,
    "top_n": _count,
    "context_width": _count,
    "lexicons": lambda n, v: _existing_path(n, v, DATA / "lexicons"),
    "similarity_threshold": _fraction,
    # stance and framing (04): data files; "" means the suite's file in data/
    "claims": lambda n, v: _existing_path(n, v, DATA / "claims.yaml"),
    "targets": lambda n, v: _existing_path(n, v, DATA / "targets.yaml"),
    "stance_cues": lambda n, v: _existing_path(n, v, DATA / "stance_cues.yaml"),
    "valence": lambda n, v: _existing_path(n, v, DATA / "valence_fr.yaml"),
    "gold": lambda n, v: _existing_path(n, v, DATA / "gold"),
    "stance_threshold": _fraction,
}


def check_parameters(**parameters) -> SimpleNamespace:
    """Validate a notebook's parameters and return them resolved (paths absolute and existing).

    Fails with a message naming the parameter and what it expects; an unknown name is an error
    (papermill only warns about names a notebook does not declare).
    """
    unknown = sorted(set(parameters) - set(PARAMETER_CHECKS))
    if unknown:
        raise ValueError(f"unknown parameter(s) {', '.join(unknown)}; known: "
                         + ", ".join(sorted(PARAMETER_CHECKS)))
    return SimpleNamespace(**{n: PARAMETER_CHECKS[n](n, v) for n, v in parameters.items()})


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


def show_table(table: pd.DataFrame, caption: str = "",
               static_rows: int = STATIC_TABLE_ROWS) -> HTML:
    """Display a table readers can search and sort in the exported HTML, with no network.

    Tables with fewer than ``static_rows`` rows are a plain HTML table; longer ones are an
    itables (DataTables) table whose JavaScript and CSS are embedded in the page (offline
    mode). A meaningful index (named, or not integers: e.g. outlets of a pivot table) becomes
    leading columns; a plain row-number index is not shown. Cell values, column names and
    ``caption`` are HTML-escaped: article text shows as text and runs nothing. Table ids are
    numbered in display order, so a rerun writes the same HTML. Make it the last expression of
    a cell. Cost: the first interactive table of a page adds ~1 MB (the library); each table
    embeds its rows (up to ``TABLE_MAX_BYTES``).
    """
    table = _index_as_columns(table)
    safe_caption = escape(caption)
    if len(table) < static_rows:
        return HTML(f"<style>{STATIC_TABLE_CSS}</style>{static_table(table, caption)}")
    if not _page["library_written"]:
        # Displays the DataTables bundle (JS + CSS, base64) inline, ahead of this cell's result.
        itables.init_notebook_mode(all_interactive=False, connected=False)
        _page["library_written"] = True
    _page["tables"] += 1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # itables warns about downsampling; the table says so too
        return HTML(itables.to_html_datatable(
            table, caption=safe_caption or None, table_id=f"framelab_table_{_page['tables']}",
            connected=False, allow_html=False, maxBytes=TABLE_MAX_BYTES, showIndex=False,
            classes="display compact framelab-table", display_logo_when_loading=False,
            style="table-layout:auto;width:auto;margin:0;caption-side:top",
            # itables drops the search box when the rows fit the first lengthMenu entry; 5 (less
            # than STATIC_TABLE_ROWS) keeps it on every interactive table.
            pageLength=25, lengthMenu=[5, 10, 25, 100, -1]))


NUM = ' class="num"'


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


def static_table(table: pd.DataFrame, caption: str = "") -> str:
    """A plain HTML table: every value, column name and the caption escaped; numeric columns
    carry class ``num`` (right-aligned); missing values are blank; the index is not shown."""
    numeric = [pd.api.types.is_numeric_dtype(t) and not pd.api.types.is_bool_dtype(t)
               for t in table.dtypes]
    head = "".join(f'<th{NUM if n else ""}>{escape(str(c))}</th>'
                   for c, n in zip(table.columns, numeric))
    rows = "".join("<tr>" + "".join(f"<td{_cell_class(v, n)}>{_cell(v)}</td>"
                                    for v, n in zip(row, numeric)) + "</tr>\n"
                   for row in table.itertuples(index=False, name=None))
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
