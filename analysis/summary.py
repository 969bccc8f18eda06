"""How did each outlet frame the story? One row per outlet, built from the detail reports' tables.

The summary computes nothing new: every cell condenses rows of a table that a detail notebook wrote
(and that carries the sentence, quote or span behind it), so the summary page can link each column
to the report and table holding its evidence.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.schemas import read_table, row_tuples, table_columns

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

SUMMARY_COLUMNS = table_columns("framing_summary")  # "stance: TARGET" stands for one column per target


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
        tables[name] = read_table(path, name)
    return tables


def _joined(pairs, limit: int) -> str:
    return "; ".join(f"{name} ×{count}" for name, count in list(pairs)[:limit])


def _ranked(rows: pd.DataFrame, column: str) -> list[tuple[str, int]]:
    """(value, summed count) pairs, most frequent first, ties by value."""
    totals = rows.groupby(column)["count"].sum().reset_index()
    totals = totals.sort_values(["count", column], ascending=[False, True])
    return list(totals.itertuples(index=False, name=None))


def _inside_quotes(matches: pd.DataFrame, quotes: pd.DataFrame) -> pd.Series:
    """For each loaded-term match, whether it lies inside a direct quotation's span
    of the same document: then the words are the speaker's, not the outlet's."""
    spans = quotes[(quotes["kind"] == "direct") & (quotes["start"] >= 0)]
    by_doc: dict = {}
    for doc, start, end in zip(spans["doc_id"].tolist(), spans["start"].tolist(), spans["end"].tolist()):
        by_doc.setdefault(doc, []).append((start, end))
    return pd.Series([any(s <= m.start and m.end <= e for s, e in by_doc.get(m.doc_id, ()))
                      for m in row_tuples(matches[["doc_id", "start", "end"]])], index=matches.index, dtype=bool)


def rank_terms(matches: pd.DataFrame, top_n: int) -> dict[str, str]:
    """Outlet -> its loaded terms as ``term ×count``: labels before intensifiers (a degree
    adverb such as "very" or "really" is common in any text), then most frequent first (the rate per
    1,000 words orders an outlet's terms as the count does), then the most distinctive (fewest
    other outlets using the term), then by name; every term tied with the ``top_n``-th is listed,
    so a tie is never broken by the alphabet."""
    if matches.empty:
        return {}
    counts = matches.groupby(["outlet", "term"]).size().rename("count").reset_index()
    counts["others"] = counts["term"].map(counts.groupby("term")["outlet"].nunique()) - 1
    intensifiers = set(matches.loc[matches["category"] == "intensifier", "term"]) if "category" in matches else set()
    counts["minor"] = counts["term"].isin(intensifiers)  # "very", "really": after the labels
    ranked = {}
    for outlet, part in counts.groupby("outlet"):
        part = part.sort_values(["minor", "count", "others", "term"], ascending=[True, False, True, True])
        if len(part) > top_n:  # keep every term ranked no lower than the top_n-th (ties kept)
            rank = list(zip(part["minor"], -part["count"], part["others"]))
            part = part[[r <= rank[top_n - 1] for r in rank]]
        ranked[outlet] = "; ".join(f"{t} ×{c}" for t, c in zip(part["term"], part["count"]))
    return ranked


def _claim_cell(rows: pd.DataFrame) -> str:
    counts = rows.groupby(["claim_id", "label"]).size().reset_index(name="n")
    return "; ".join(f"{r.label} ×{r.n}" if counts["claim_id"].nunique() == 1
                     else f"{r.claim_id}: {r.label} ×{r.n}" for r in counts.itertuples())


def weighing(n_weighing: int, n_units: int, n_quotes: int) -> str:
    """What a target's score rests on: "1 of 13 sentences weighs". The score is the mean of the
    units with |weight| ≥ 0.2, so "−0.59 … 13 sentences" alone would misread as a mean over 13."""
    n_weighing, n_units = int(n_weighing), int(n_units)
    noun = ("sentence or quotation", "sentences and quotations") if n_quotes else ("sentence", "sentences")
    return f"{n_weighing:,} of {n_units:,} {noun[n_units != 1]} weigh{'s' if n_weighing == 1 else ''}"


def _target_cells(target_stance: pd.DataFrame, outlet: str, targets: list[str]) -> dict[str, str]:
    rows = target_stance[target_stance["outlet"] == outlet].set_index("target")
    return {f"stance: {t}": (f"{rows.at[t, 'label']} {rows.at[t, 'score']:+.2f} "
                             f"[{rows.at[t, 'low']:+.2f}, {rows.at[t, 'high']:+.2f}], "
                             + weighing(rows.at[t, "n_weighing"], rows.at[t, "n_units"], rows.at[t, "n_quotes"])
                             if t in rows.index and rows.at[t, "n_units"] > 0 else "not mentioned")
            for t in targets}


def _naming_cell(rows: pd.DataFrame) -> str:
    names = rows.assign(target=rows["value"].str.split(": ", n=1).str[0],
                        name=rows["value"].str.split(": ", n=1).str[1])
    top = (names.sort_values(["target", "count", "name"], ascending=[True, False, True])
           .groupby("target").head(1))
    return "; ".join(f"{r.target}: {r.name} ×{r.count}" for r in top.itertuples())


def quotes_cell(direct: int, shared: int, indirect: int, mixed: int) -> str:
    """An outlet's quotations in one cell: verbatim beside paraphrased ("5 direct, 2 shared with
    other outlets; 14 indirect, 4 mixed"); the summary page links it unless it is ``NO_QUOTATIONS``."""
    return f"{direct} direct, {shared} shared with other outlets; {indirect} indirect, {mixed} mixed"


NO_QUOTATIONS = quotes_cell(0, 0, 0, 0)


def _by_outlet(table: pd.DataFrame):
    """outlet -> its rows of ``table`` (in table order; no rows when it has none)."""
    parts = dict(tuple(table.groupby("outlet", sort=False)))
    return lambda outlet: parts.get(outlet, table.iloc[:0])


def summarise_framing(tables: dict[str, pd.DataFrame], top_n: int = 3) -> pd.DataFrame:
    """One row per outlet condensing every detail table; columns in ``SUMMARY_COLUMNS`` (with one
    ``stance: TARGET`` column per target in the target-stance table, sorted by target id).

    In: :func:`load_report_tables` output. Loaded terms are ranked by :func:`rank_terms`, apart
    inside and outside quotations; other lists are the ``top_n`` most frequent items, ties broken
    by name, so the table is deterministic.
    """
    outlets = tables["outlets"].sort_values("outlet")
    matches = tables["loaded_terms"]
    matches = matches[matches["category"] != "hedge"]  # hedges have their own column
    quotes = tables["quotes"]
    quoted = _inside_quotes(matches, quotes)
    shared_groups = set(tables["quote_groups"].loc[tables["quote_groups"]["n_outlets"] > 1, "group_id"])
    quotes = quotes.assign(shared=quotes["group_id"].isin(shared_groups))  # one look-up, not one per outlet
    own_terms, quoted_terms = rank_terms(matches[~quoted], top_n), rank_terms(matches[quoted], top_n)
    devices = tables["framing_devices"]
    sources = tables["sources_cited"]
    targets = sorted(tables["target_stance"]["target"].unique())
    # each table split by outlet once (a filter per outlet reads every row once per outlet)
    of_outlet = {name: _by_outlet(table) for name, table in
                 (("quotes", quotes), ("devices", devices), ("sources", sources),
                  ("claims", tables["claim_stance"]), ("targets", tables["target_stance"]))}
    rows = []
    for info in row_tuples(outlets):
        outlet = info.outlet
        own_quotes = of_outlet["quotes"](outlet)
        direct = own_quotes[own_quotes["kind"] == "direct"]
        own_devices = of_outlet["devices"](outlet)
        hedges = own_devices[own_devices["device"] == "hedge"]
        rows.append({
            "outlet": outlet,
            "documents": int(info.documents),
            "words": int(info.words),
            "claim_stance": _claim_cell(of_outlet["claims"](outlet)),
            **_target_cells(of_outlet["targets"](outlet), outlet, targets),
            "top_loaded_terms": own_terms.get(outlet, ""),
            "quoted_loaded_terms": quoted_terms.get(outlet, ""),
            "naming": _naming_cell(own_devices[own_devices["device"] == "naming"]),
            "quotes_carried": quotes_cell(len(direct), int(direct["shared"].sum()),
                                          int((own_quotes["kind"] == "indirect").sum()),
                                          int((own_quotes["kind"] == "mixed").sum())),
            "scare_quotes": int((own_quotes["kind"] == "scare").sum()),
            "hedges_per_1k_words": round(float(hedges["count"].sum()) * 1000 / max(int(info.words), 1), 2),
            "sources_cited": _joined(_ranked(of_outlet["sources"](outlet), "source"), top_n),
        })
    columns = [c for c in SUMMARY_COLUMNS if c != "stance: TARGET"]
    at = columns.index("claim_stance") + 1
    return pd.DataFrame(rows, columns=columns[:at] + [f"stance: {t}" for t in targets] + columns[at:])
