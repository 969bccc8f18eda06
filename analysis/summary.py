"""How did each outlet frame the story? One row per outlet, built from the detail reports' tables.

The summary computes nothing new: every cell condenses rows of a table that a detail notebook wrote
(and that carries the sentence, quote or span behind it), so the summary page can link each column
to the report and table holding its evidence.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

import pandas as pd
from IPython.display import HTML

from analysis.figures import SavedFigure
from analysis.paths import figures_dir

# Table name -> the detail notebook that writes it (the summary links there for the evidence).
SUMMARY_SOURCES = {
    "outlets": "01_corpus_overview",
    "documents": "01_corpus_overview",
    "term_frequencies": "02_loaded_terms",
    "loaded_terms": "02_loaded_terms",
    "quotes": "03_quote_overlap",
    "quote_groups": "03_quote_overlap",
    "claim_stance": "04_stance_and_framing",
    "target_stance": "04_stance_and_framing",
    "framing_devices": "04_stance_and_framing",
    "sources_cited": "04_stance_and_framing",
}

SUMMARY_COLUMNS = {
    "outlet": "outlet name as in the metadata",
    "documents": "documents analysed (outlets.csv)",
    "words": "words analysed (outlets.csv)",
    "claim_stance": "FNC-1 label of each document toward each claim, with its count (claim_stance.csv)",
    "stance: TARGET": "one column per target: favour / against / neutral, score (−1..1), 95% "
                      "bootstrap interval, n evidence sentences (target_stance.csv)",
    "top_loaded_terms": "most frequent lexicon terms with counts (term_frequencies.csv)",
    "naming": "the name used most often for each target, with count (framing_devices.csv, naming)",
    "quotes_carried": "direct quotations; how many belong to a group other outlets also carry "
                      "(quotes.csv, quote_groups.csv)",
    "scare_quotes": "scare-quoted names or terms (quotes.csv, kind = scare)",
    "hedges_per_1k": "hedge cues per 1,000 words (framing_devices.csv, hedge)",
    "sources_cited": "most cited sources with counts (sources_cited.csv)",
}


class SummaryError(ValueError):
    """A table the summary needs is missing: the detail notebooks have not run."""


def load_report_tables(folder: Path | str) -> dict[str, pd.DataFrame]:
    """Read the detail tables the summary condenses; fail naming the missing table and notebook."""
    folder = Path(folder)
    tables = {}
    for name, notebook in SUMMARY_SOURCES.items():
        path = folder / f"{name}.csv"
        if not path.exists():
            raise SummaryError(f"{path} is missing; run the notebook {notebook} first "
                               "(python -m analysis report runs the summary after the others)")
        tables[name] = pd.read_csv(path, dtype={"doc_id": str}, keep_default_na=False)
    return tables


def _joined(pairs, limit: int) -> str:
    return "; ".join(f"{name} ×{count}" for name, count in list(pairs)[:limit])


def _ranked(rows: pd.DataFrame, column: str) -> list[tuple[str, int]]:
    """(value, summed count) pairs, most frequent first, ties by value."""
    totals = rows.groupby(column)["count"].sum().reset_index()
    totals = totals.sort_values(["count", column], ascending=[False, True])
    return list(totals.itertuples(index=False, name=None))


def _claim_cell(rows: pd.DataFrame) -> str:
    counts = rows.groupby(["claim_id", "label"]).size().reset_index(name="n")
    return "; ".join(f"{r.label} ×{r.n}" if counts["claim_id"].nunique() == 1
                     else f"{r.claim_id}: {r.label} ×{r.n}" for r in counts.itertuples())


def _target_cells(target_stance: pd.DataFrame, outlet: str, targets: list[str]) -> dict[str, str]:
    rows = target_stance[target_stance["outlet"] == outlet].set_index("target")
    return {f"stance: {t}": (f"{rows.at[t, 'label']} {rows.at[t, 'score']:+.2f} "
                             f"[{rows.at[t, 'low']:+.2f}, {rows.at[t, 'high']:+.2f}] "
                             f"n={rows.at[t, 'n_sentences']}" if t in rows.index else "not mentioned")
            for t in targets}


def _naming_cell(rows: pd.DataFrame) -> str:
    names = rows.assign(target=rows["value"].str.split(": ", n=1).str[0],
                        name=rows["value"].str.split(": ", n=1).str[1])
    top = (names.sort_values(["target", "count", "name"], ascending=[True, False, True])
           .groupby("target").head(1))
    return "; ".join(f"{r.target}: {r.name} ×{r.count}" for r in top.itertuples())


def summarise_framing(tables: dict[str, pd.DataFrame], top_n: int = 3) -> pd.DataFrame:
    """One row per outlet condensing every detail table; columns in ``SUMMARY_COLUMNS`` (with one
    ``stance: TARGET`` column per target in the target-stance table, sorted by target id).

    In: :func:`load_report_tables` output. Lists are the ``top_n`` most frequent items, ties
    broken by name, so the table is deterministic.
    """
    outlets = tables["outlets"].sort_values("outlet")
    terms = tables["term_frequencies"]
    terms = terms[terms["count"] > 0]
    quotes = tables["quotes"]
    shared = set(tables["quote_groups"].loc[tables["quote_groups"]["n_outlets"] > 1, "group_id"])
    devices = tables["framing_devices"]
    sources = tables["sources_cited"]
    targets = sorted(tables["target_stance"]["target"].unique())
    rows = []
    for outlet in outlets["outlet"]:
        own_quotes = quotes[quotes["outlet"] == outlet]
        direct = own_quotes[own_quotes["kind"] == "direct"]
        hedges = devices[(devices["outlet"] == outlet) & (devices["device"] == "hedge")]
        info = outlets[outlets["outlet"] == outlet].iloc[0]
        rows.append({
            "outlet": outlet,
            "documents": int(info["documents"]),
            "words": int(info["words"]),
            "claim_stance": _claim_cell(tables["claim_stance"][tables["claim_stance"]["outlet"] == outlet]),
            **_target_cells(tables["target_stance"], outlet, targets),
            "top_loaded_terms": _joined(_ranked(terms[terms["outlet"] == outlet], "term"), top_n),
            "naming": _naming_cell(devices[(devices["outlet"] == outlet) & (devices["device"] == "naming")]),
            "quotes_carried": f"{len(direct)} direct, {int(direct['group_id'].isin(shared).sum())} "
                              "shared with other outlets",
            "scare_quotes": int((own_quotes["kind"] == "scare").sum()),
            "hedges_per_1k": round(float(hedges["count"].sum()) * 1000 / max(int(info["words"]), 1), 2),
            "sources_cited": _joined(_ranked(sources[sources["outlet"] == outlet], "source"), top_n),
        })
    columns = [c for c in SUMMARY_COLUMNS if c != "stance: TARGET"]
    at = columns.index("claim_stance") + 1
    return pd.DataFrame(rows, columns=columns[:at] + [f"stance: {t}" for t in targets] + columns[at:])


def describe_framing(summary: pd.DataFrame, target_stance: pd.DataFrame) -> HTML:
    """A lead sentence grouping outlets by claim stance, then a paragraph per outlet, generated
    from the summary and target-stance tables (every value escaped)."""
    by_stance = summary.groupby("claim_stance", sort=True)["outlet"].apply(list)
    lead = "; ".join(f"<em>{escape(stance or 'no claim')}</em>: "
                     + ", ".join(escape(o) for o in outlets) for stance, outlets in by_stance.items())
    paragraphs = [f"<p>Claim stance by outlet — {lead}.</p>"]
    for row in summary.itertuples(index=False):
        stances = target_stance[(target_stance["outlet"] == row.outlet)
                                & (target_stance["label"] != "neutral")].sort_values("target")
        leaning = (", ".join(f"{escape(r.label)} {escape(r.target)} ({r.score:+.2f}, 95% interval "
                             f"{r.low:+.2f} to {r.high:+.2f}, {r.n_sentences} sentence(s))"
                             for r in stances.itertuples())
                   or "neutral toward every target")
        text = (f"<strong>{escape(row.outlet)}</strong> ({row.documents} document(s), {row.words:,} "
                f"words): claim stance <em>{escape(row.claim_stance or 'none')}</em>; {leaning}. ")
        if row.top_loaded_terms:
            text += f"Loaded terms: {escape(row.top_loaded_terms)}. "
        text += (f"Quotations: {escape(row.quotes_carried)}; {row.scare_quotes} scare quote(s); "
                 f"{row.hedges_per_1k:.2f} hedge cues per 1,000 words.")
        if row.sources_cited:
            text += f" Sources cited most: {escape(row.sources_cited)}."
        paragraphs.append(f"<p>{text}</p>")
    return HTML("\n".join(paragraphs))


def show_saved_figure(name: str, out: Path | str, alt: str, report: str) -> HTML:
    """Embed a figure a detail notebook saved, with alt text and a link to that report."""
    folder = figures_dir(out)
    png = folder / f"{name}.png"
    if not png.exists():
        raise SummaryError(f"{png} is missing; run the notebook {report} first")
    figure = SavedFigure(png, folder / f"{name}.svg", folder / f"{name}.csv", alt)
    link = (f'<p><a href="{escape(report)}.html">Details and evidence: {escape(report)}</a> · '
            f'<a href="../figures/{escape(name)}.csv">plotted values</a></p>')
    return HTML(figure._repr_html_() + link)
