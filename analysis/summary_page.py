"""The summary page's first screen: the story in words, one compact comparison that fits the page,
and the full cells behind it, every cell linked to the rows that hold its evidence.

Split from ``narrative`` (same rules: every value escaped, text generated from the tables). The
compact table keeps cells short (a label, a number) so that it fits a 1,280 px window whatever the
number of targets; long cells (terms, names, sources) sit in the detail table below, one anchored
row per outlet, linked from the compact cell. Above ``MAX_SUMMARY_OUTLETS`` outlets the compact
table shows the outlets with most documents and a searchable table holds every outlet.
"""
from __future__ import annotations

from html import escape
from urllib.parse import quote

import pandas as pd
from IPython.display import HTML

from analysis.anchors import row_id
from analysis.outlet_groups import outlet_groups  # noqa: F401  (re-exported; it was here)
from analysis.story import Story, story_claims, story_targets
from analysis.summary import NO_QUOTATIONS, weighing

MAX_SUMMARY_OUTLETS = 12  # outlets in the compact table and in the paragraphs
MAX_NAMED_OUTLETS = 5  # outlets named in the story's first lines when there are too many to list
MAX_TARGET_COLUMNS = 4  # more targets are counted in one cell and listed in the detail table
WEAK_EVIDENCE = 2  # a target score resting on this many weighing units or fewer is flagged weak

# The detail section behind each compact column: (report, heading as written in that notebook).
EVIDENCE = {
    "claim": ("04_stance_and_framing", "Which articles assert the claim, which dispute it, and which only report it?"),
    "target": ("04_stance_and_framing", "Where does each document and each outlet stand toward each target?"),
    "terms": ("02_loaded_terms", "Every match, in its context"),
    "naming": ("04_stance_and_framing", "What does each outlet call each target?"),
    "quotes": ("03_quote_overlap", "Which quotations does each outlet carry, and from whom?"),
    "scare": ("03_quote_overlap", "How much does each outlet use scare quotes, and around which words?"),
    "hedges": ("04_stance_and_framing", "How much does each outlet hedge and attribute, and which verbs introduce each speaker?"),
    "sources": ("04_stance_and_framing", "Which sources does each outlet cite?"),
    "dates": ("01_corpus_overview", ""),
}

SUMMARY_CSS = (
    "table.framelab-compact { table-layout: fixed; width: 100%; border-collapse: collapse; "
    "font-size: 0.88em; margin: 0.5em 0 1em; } "
    "table.framelab-compact th, table.framelab-compact td { border-bottom: 1px solid #ddd; "
    "padding: 0.3em 0.4em; text-align: left; vertical-align: top; overflow-wrap: anywhere; } "
    "table.framelab-compact .num { text-align: right; font-variant-numeric: tabular-nums; } "
    "table.framelab-compact small { color: #555; } "
    ".jp-OutputArea-output .framelab-story dt { float: none; width: auto; font-weight: 600; "
    "margin-top: 0.3em; text-align: left; } .jp-OutputArea-output .framelab-story dd "
    "{ float: none; width: auto; margin: 0 0 0 1.2em; } "
    ".framelab-first { display: flex; gap: 1.2em; align-items: flex-start; } "
    ".jp-OutputArea-output .framelab-first dl { flex: 1 1 0; min-width: 0; width: auto; margin: 0; } "
    ".framelab-side { flex: 0 0 45%; } .framelab-side figure { margin: 0; } "
    ".framelab-side figcaption { display: none; } "
    ".stance-against { color: #9c2a00; } .stance-favour { color: #005a8c; } .weak { color: #777; }")


# The detail tables whose rows carry ids (analysis.anchors.row_ids, with these names, in the
# notebooks): a per-outlet compact cell links to its outlet's row (per target: its outlet and
# target's row), on the page of EVIDENCE[column].
DETAIL_ROWS = {"claim": "claim-stance", "target": "target-stance", "quotes": "quotes", "hedges": "hedges"}


def row_href(column: str, *keys) -> str:
    """The link to the row of a detail table behind a per-outlet cell (keys: outlet[, target])."""
    report, _ = EVIDENCE[column]
    return quote(f"{report}.html") + "#" + row_id(DETAIL_ROWS[column], *keys)


def plural(n: int, noun: str, many: str = "") -> str:
    """``1 document``, ``2 documents`` (``many`` for irregular plurals)."""
    return f"{n:,} {noun if n == 1 else many or noun + 's'}"


def _weighing(row) -> str:
    return weighing(row.n_weighing, row.n_units, row.n_quotes)


def evidence_href(column: str) -> str:
    """The link to the detail section behind a compact column."""
    report, heading = EVIDENCE[column]
    href = quote(f"{report}.html")
    return href + ("#" + quote(heading.replace(" ", "-"), safe="-?,'()") if heading else "")


def outlet_anchor(outlets: list[str]) -> dict[str, str]:
    """A stable, safe element id per outlet (position in name order): article text and outlet
    names never become ids."""
    return {o: f"outlet-{i}" for i, o in enumerate(sorted(outlets))}


def target_labels(story: Story, entities: pd.DataFrame | None = None, measured=None) -> dict[str, str]:
    """Target id -> label: the story's ``targets.yaml``, or the discovered entities' names;
    with ``measured`` (target ids of the target-stance table), only those targets."""
    labels = {t["id"]: t.get("label") or t["id"] for t in story_targets(story)}
    if not labels and entities is not None:
        for e in entities.itertuples(index=False):
            ident = e.entity_id if str(e.entity_id)[:1].isalpha() else f"e_{e.entity_id}"
            labels[ident] = e.canonical
    if measured is not None:
        labels = {t: labels.get(t, t) for t in sorted(set(measured))}
    return labels


def top_outlets(outlets: pd.DataFrame, n: int = MAX_SUMMARY_OUTLETS) -> list[str]:
    """The ``n`` outlets with most documents (then words, then name), in that order."""
    ranked = outlets.sort_values(["documents", "words", "outlet"], ascending=[False, False, True])
    return list(ranked["outlet"].head(n))


def describe_question(story: Story, outlets: pd.DataFrame, claim_stance: pd.DataFrame,
                      labels: dict[str, str], figure=None) -> HTML:
    """The story in words: each claim in full with its documents' labels, the targets by label,
    the corpus's outlets, documents and publication dates (every value escaped); ``figure`` (a
    saved claim-stance figure) sits beside it, so both fit the first screen."""
    claims = story_claims(story)
    items = []
    for claim in claims:
        rows = claim_stance[claim_stance["claim_id"] == claim["id"]]
        counts = rows["label"].value_counts().sort_index()
        tally = ", ".join(f"{plural(int(n), 'document')} {escape(label)}" for label, n in counts.items())
        items.append(f"<li>&ldquo;{escape(claim['text'])}&rdquo;" + (f" — {tally}" if tally else "") + "</li>")
    claim_html = (f"<ul>{''.join(items)}</ul>" if items else
                  f'<p>No claim is scored (the story lists none; <a href="{evidence_href("claim")}">proposals</a>).</p>')
    target_html = ", ".join(escape(labels[t]) for t in sorted(labels, key=lambda t: labels[t].lower())) or "none"
    dated = outlets[outlets["first_published"] != "unknown"]
    span = (f"published {escape(dated['first_published'].min())} to {escape(dated['last_published'].max())}"
            if len(dated) else "no publication date known")
    undated = int(outlets["undated"].sum())
    shown = top_outlets(outlets)
    rest = len(outlets) - len(shown)
    if rest:  # the compact table below lists these with their dates
        shown = shown[:MAX_NAMED_OUTLETS]
        rest = len(outlets) - len(shown)
        names = "; ".join(escape(o) for o in shown)
    else:
        names = "; ".join(f"{escape(o)} ({_dates(outlets.set_index('outlet').loc[o])})" for o in shown)
    corpus = (f"{plural(int(outlets['documents'].sum()), 'document')} ({int(outlets['words'].sum()):,} words) "
              f"from {plural(len(outlets), 'outlet')}, {span}"
              + (f"; {plural(undated, 'document')} undated" if undated else "") + ". "
              + ("Outlets with most documents: " if rest else "Outlets: ") + names
              + (f"; and {plural(rest, 'other outlet')} (tables below)." if rest else "."))
    shown_figure = figure is not None and len(claim_stance) > 0  # no claim: the sentence says so
    side = f'<div class="framelab-side">{figure._repr_html_()}</div>' if shown_figure else ""
    return HTML(f"<style>{SUMMARY_CSS}</style><div class=\"framelab-first\"><dl class=\"framelab-story\">"
                f"<dt>{'Claim' if len(claims) == 1 else 'Claims'} checked</dt><dd>{claim_html}</dd>"
                f"<dt>Targets whose stance is measured</dt><dd>{target_html}</dd>"
                f"<dt>Corpus</dt><dd>{corpus}</dd></dl>{side}</div>")


def _dates(row) -> str:
    first, last = row["first_published"], row["last_published"]
    return escape(first if first == last else f"{first} to {last}")


def _link(href: str, text: str) -> str:
    return f'<a href="{escape(href)}">{text}</a>'


def _maybe_link(href: str, text: str, linked: bool) -> str:
    return _link(href, text) if linked else text


def _target_cell(row) -> str:
    if row is None or row.n_units == 0:
        return '<span class="weak">not mentioned</span>'
    weak = row.n_weighing <= WEAK_EVIDENCE
    text = (f'<span class="stance-{escape(row.label)}">{escape(row.label)}</span> {row.score:+.2f}'
            f"<br><small>{_weighing(row)}{', weak' if weak else ''}</small>")
    return text


def compact_table(summary: pd.DataFrame, target_stance: pd.DataFrame, outlets: pd.DataFrame,
                  labels: dict[str, str], shown: list[str] | None = None) -> str:
    """One short row per outlet (those in ``shown``, default all): claim stance, stance toward
    each target (or a count when there are more than ``MAX_TARGET_COLUMNS``), loaded terms,
    quotations and hedges; every cell with evidence links to the row behind it (the outlet's row
    of a detail page's table, :data:`DETAIL_ROWS`, or of the detail table below); a cell with
    none ("no claim", "not mentioned", 0 quotations or hedges) is plain text. Fixed layout, full
    width: it never scrolls sideways."""
    anchors = outlet_anchor(summary["outlet"])
    by_outlet = summary.set_index("outlet")
    info = outlets.set_index("outlet")
    targets = sorted(target_stance["target"].unique(), key=lambda t: labels.get(t, t).lower())
    wide = len(targets) <= MAX_TARGET_COLUMNS
    stance = {(r.outlet, r.target): r for r in target_stance.itertuples(index=False)}
    head = ["Outlet", "Published", _link(evidence_href("claim"), "Claim stance")]
    head += ([_link(evidence_href("target"), f"toward {escape(labels.get(t, t))}") for t in targets] if wide
             else [_link(evidence_href("target"), "Targets")])
    head += [_link(evidence_href("terms"), "Loaded terms (own words)"),
             _link(evidence_href("quotes"), "Quotations"),
             _link(evidence_href("hedges"), "Hedges per 1,000 words")]
    rows = []
    for outlet in shown if shown is not None else list(by_outlet.index):
        row, anchor = by_outlet.loc[outlet], anchors[outlet]
        cells = [f'{_link("#about-" + anchor, escape(outlet))}<br><small>'
                 f"{plural(int(row['documents']), 'document')}, {int(row['words']):,} words</small>",
                 _dates(info.loc[outlet]).replace(" to ", " to<br>"),
                 _link(row_href("claim", outlet), escape(row["claim_stance"])) if row["claim_stance"]
                 else "no claim"]
        if wide:
            cells += [_link(row_href("target", outlet, t), _target_cell(stance[(outlet, t)]))
                      if (outlet, t) in stance else _target_cell(None) for t in targets]
        else:
            found = [stance[(outlet, t)] for t in targets if (outlet, t) in stance and stance[(outlet, t)].n_units]
            tally = ", ".join(f"{label} {n}" for label, n in
                              sorted(pd.Series([r.label for r in found]).value_counts().items()))
            cells.append(_link("#" + anchor, escape(tally or "none mentioned")))
        terms = row["top_loaded_terms"]
        cells += [_link("#" + anchor, escape(terms.split("; ")[0] + (" …" if "; " in terms else "")) or "none"),
                  _maybe_link(row_href("quotes", outlet), escape(row["quotes_carried"].replace(" shared with other outlets", " shared")),
                              row["quotes_carried"] != NO_QUOTATIONS),
                  f'<span class="num">{_maybe_link(row_href("hedges", outlet), format(row["hedges_per_1k_words"], ".2f"), row["hedges_per_1k_words"] > 0)}</span>']
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    widths = [16, 10, 10] + ([max(8, 44 // max(len(targets), 1))] * len(targets) if wide else [14]) + [14, 10, 8]
    cols = "".join(f'<col style="width:{w}%">' for w in widths)
    return (f'<table class="framelab-compact"><colgroup>{cols}</colgroup><thead><tr>'
            + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def detail_table(summary: pd.DataFrame, target_stance: pd.DataFrame, labels: dict[str, str],
                 shown: list[str] | None = None) -> str:
    """The long cells in full of the outlets in ``shown`` (default all), one anchored row each
    (``id`` from :func:`outlet_anchor` over every outlet): stance toward every target, loaded
    terms, names, sources."""
    anchors = outlet_anchor(summary["outlet"])
    rows = []
    for row in summary.set_index("outlet").loc[shown or list(summary["outlet"])].reset_index().itertuples(index=False):
        own = target_stance[(target_stance["outlet"] == row.outlet) & (target_stance["n_units"] > 0)]
        targets = "; ".join(f"{escape(labels.get(r.target, r.target))}: {escape(r.label)} {r.score:+.2f} "
                            f"[{r.low:+.2f}, {r.high:+.2f}], {_weighing(r)}"
                            for r in own.sort_values("target").itertuples()) or "no target mentioned"
        naming = "; ".join(_relabel(part, labels) for part in row.naming.split("; ") if part)
        cells = [escape(row.outlet), targets, escape(row.top_loaded_terms) or "none",
                 escape(naming) or "none", escape(row.sources_cited) or "none"]
        links = [None, "target", "terms", "naming", "sources"]
        rows.append(f'<tr id="{anchors[row.outlet]}">' + "".join(
            f"<td>{_link(evidence_href(k), c) if k else c}</td>" for c, k in zip(cells, links)) + "</tr>")
    return ('<table class="framelab-compact"><colgroup><col style="width:14%"><col style="width:30%">'
            '<col style="width:20%"><col style="width:18%"><col style="width:18%"></colgroup><thead><tr>'
            "<th>Outlet</th><th>Stance toward each target [95% interval]</th><th>Loaded terms</th>"
            "<th>Names used most</th><th>Sources cited most</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")


def _relabel(naming: str, labels: dict[str, str]) -> str:
    target, _, rest = naming.partition(": ")
    return f"{labels.get(target, target)}: {rest}"


def describe_framing(summary: pd.DataFrame, target_stance: pd.DataFrame, labels: dict[str, str],
                     shown: list[str] | None = None) -> HTML:
    """A lead sentence grouping outlets by claim stance, then a paragraph per outlet in
    ``shown`` (default all; each with the id ``about-<outlet anchor>`` the compact table links
    to), targets by label, generated from the summary and target-stance tables (escaped)."""
    shown = list(summary["outlet"]) if shown is None else shown
    anchors = outlet_anchor(summary["outlet"])
    by_stance = summary.groupby("claim_stance", sort=True)["outlet"].apply(list)
    lead = "; ".join(f"<em>{escape(stance or 'no claim')}</em>: " + _names(outlets)
                     for stance, outlets in by_stance.items())
    paragraphs = [f"<p>Claim stance by outlet — {lead}.</p>"]
    for row in summary.set_index("outlet").loc[shown].reset_index().itertuples(index=False):
        stances = target_stance[(target_stance["outlet"] == row.outlet)
                                & (target_stance["label"] != "neutral")].sort_values("target")
        leaning = (", ".join(f"{escape(r.label)} {escape(labels.get(r.target, r.target))} ({r.score:+.2f}, "
                             f"95% interval {r.low:+.2f} to {r.high:+.2f}, {_weighing(r)})"
                             for r in stances.itertuples())
                   or "neutral toward every target")
        text = (f"<strong>{escape(row.outlet)}</strong> ({plural(int(row.documents), 'document')}, "
                f"{row.words:,} words): claim stance <em>{escape(row.claim_stance or 'none')}</em>; {leaning}. ")
        if row.top_loaded_terms:
            text += f"Loaded terms in its own words: {escape(row.top_loaded_terms)}. "
        if row.quoted_loaded_terms:
            text += f"Inside quotations: {escape(row.quoted_loaded_terms)}. "
        text += (f"Quotations: {escape(row.quotes_carried)}; {plural(int(row.scare_quotes), 'scare quote')}; "
                 f"{row.hedges_per_1k_words:.2f} hedge cues per 1,000 words.")
        if row.sources_cited:
            text += f" Sources cited most: {escape(row.sources_cited)}."
        paragraphs.append(f'<p id="about-{anchors[row.outlet]}">{text}</p>')
    if len(shown) < len(summary):
        paragraphs.append(f"<p>The other {plural(len(summary) - len(shown), 'outlet')} are in the "
                          "searchable table above and in framing_summary.csv.</p>")
    return HTML("\n".join(paragraphs))


def _names(outlets: list[str], limit: int = MAX_SUMMARY_OUTLETS) -> str:
    names = ", ".join(escape(o) for o in outlets[:limit])
    return names + (f" and {plural(len(outlets) - limit, 'other outlet')}" if len(outlets) > limit else "")


def show_summary(summary: pd.DataFrame, target_stance: pd.DataFrame, outlets: pd.DataFrame,
                 labels: dict[str, str]) -> HTML:
    """The compact comparison: every outlet when there are at most ``MAX_SUMMARY_OUTLETS``, else
    those with most documents, followed by a searchable table of every outlet."""
    shown = top_outlets(outlets)
    note = ""
    if len(shown) < len(summary):
        note = (f"<p>The {len(shown)} outlets with most documents, of {len(summary):,}; search every "
                "outlet in the table below.</p>")
    return HTML(f"<style>{SUMMARY_CSS}</style>{note}"
                + compact_table(summary, target_stance, outlets, labels, shown))


def show_details(summary: pd.DataFrame, target_stance: pd.DataFrame, outlets: pd.DataFrame,
                 labels: dict[str, str]) -> HTML:
    """The detail table of the outlets the compact table shows (its cells link here)."""
    shown = top_outlets(outlets)
    return HTML(f"<style>{SUMMARY_CSS}</style>" + detail_table(summary, target_stance, labels, shown))


def describe_groups(summary: pd.DataFrame, claim_stance: pd.DataFrame, target_stance: pd.DataFrame,
                    groups: pd.Series, labels: dict[str, str], column: str) -> HTML:
    """One row per group of outlets: its outlets (the three with most documents named), documents,
    the claim labels of its documents and, per target, its outlets' mean score with how many are
    labelled against / favour (escaped HTML)."""
    targets = sorted(target_stance["target"].unique(), key=lambda t: labels.get(t, t).lower())[:MAX_TARGET_COLUMNS]
    rows = []
    for group, members in groups.groupby(groups, sort=True):
        outlets = summary[summary["outlet"].isin(members.index)].sort_values(
            ["documents", "words", "outlet"], ascending=[False, False, True])
        claims = claim_stance[claim_stance["outlet"].isin(members.index)]["label"].value_counts().sort_index()
        cells = [f"<strong>{escape(group)}</strong>",
                 f"{plural(len(outlets), 'outlet')}: " + _names(list(outlets["outlet"]), 3),
                 f'<span class="num">{int(outlets["documents"].sum()):,}</span>',
                 escape(", ".join(f"{label} {n}" for label, n in claims.items()) or "no claim")]
        for t in targets:
            part = target_stance[(target_stance["target"] == t) & target_stance["outlet"].isin(members.index)
                                 & (target_stance["n_units"] > 0)]
            cells.append(f"{part['score'].mean():+.2f}<br><small>against {int((part['label'] == 'against').sum())}, "
                         f"favour {int((part['label'] == 'favour').sum())} of {len(part)}</small>"
                         if len(part) else '<span class="weak">not mentioned</span>')
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = ([escape(column), "Outlets", "Documents", _link(evidence_href("claim"), "Claim stance of its documents")]
            + [_link(evidence_href("target"), f"toward {escape(labels.get(t, t))}: mean score") for t in targets])
    return HTML(f"<style>{SUMMARY_CSS}</style><p><strong>Outlets grouped by {escape(column)}</strong> "
                "(a column of the corpus's metadata):</p><table class=\"framelab-compact\"><thead><tr>"
                + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead><tbody>" + "".join(rows)
                + "</tbody></table>")


def labelled_summary(summary: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """The summary table with its ``stance: TARGET`` columns named ``toward LABEL`` (for display)."""
    return summary.rename(columns=lambda c: f"toward {labels.get(c[8:], c[8:])}" if c.startswith("stance: ") else c)
