"""Figures of the corpus overview: document lengths and publication dates."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from analysis.figures.style import MAX_BARS, OTHERS_GREY, figure_colors, group_legend, others_label, top_items


def plot_document_lengths(corpus: pd.DataFrame, colors=None) -> tuple[plt.Figure, pd.DataFrame]:
    """Words per document, coloured by outlet.

    Up to ``MAX_BARS`` documents: one bar each, labelled by outlet and id. More: one box per
    outlet (the ``MAX_ITEMS`` outlets with most documents, the rest as "all others"), so the
    figure keeps its size. In: ``doc_id``, ``outlet``, ``n_words``; ``colors``: the run's
    :func:`~analysis.figures.style.outlet_colors` (by group with a grouping, then a legend of groups). Out: the figure and the
    plotted values (``doc_id``, ``outlet``, ``n_words`` for bars; ``outlet``, ``documents``,
    ``min``, ``median``, ``max`` … for boxes).
    """
    data = corpus[["doc_id", "outlet", "n_words"]].sort_values(["outlet", "doc_id"]).reset_index(drop=True)
    colors = figure_colors(colors, corpus["outlet"])
    if len(data) > MAX_BARS:
        return _length_boxes(data, colors)
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(data) + 1.2))
    labels = [f"{o} · {d[:12]}" for o, d in zip(data["outlet"], data["doc_id"])]
    ax.barh(labels, data["n_words"], color=[colors[o] for o in data["outlet"]])
    ax.invert_yaxis()
    ax.set_xlabel("words (article text, furniture excluded)")
    ax.set_title("Length of each document")
    for y, n in enumerate(data["n_words"]):
        ax.text(n, y, f" {n}", va="center", fontsize=9)
    group_legend(fig, colors, data["outlet"])
    return fig, data


def _length_boxes(data: pd.DataFrame, colors: dict) -> tuple[plt.Figure, pd.DataFrame]:
    kept = top_items(data.groupby("outlet").size())
    rest = sorted(set(data["outlet"]) - set(kept))
    label = {o: o for o in kept} | {o: others_label(len(rest)) for o in rest}
    data = data.assign(shown=data["outlet"].map(label))
    rows = kept + ([others_label(len(rest))] if rest else [])
    values = [data.loc[data["shown"] == r, "n_words"].to_numpy() for r in rows]
    fig, ax = plt.subplots(figsize=(8, 0.4 * len(rows) + 1.5))
    boxes = ax.boxplot(values, orientation="horizontal", patch_artist=True, widths=0.6)
    for box, row in zip(boxes["boxes"], rows):
        box.set_facecolor(colors.get(row, OTHERS_GREY))
    ax.set_yticks(range(1, len(rows) + 1), [f"{r} (n={len(v)})" for r, v in zip(rows, values)])
    ax.invert_yaxis()
    ax.set_xlabel("words per document (article text, furniture excluded)")
    ax.set_title(f"Length of the documents of each outlet ({len(data)} documents)")
    group_legend(fig, colors, kept)
    stats = data.groupby("shown")["n_words"].describe()[["count", "min", "25%", "50%", "75%", "max"]]
    stats = stats.rename(columns={"count": "documents", "25%": "q1", "50%": "median", "75%": "q3"})
    return fig, stats.rename_axis("outlet").reset_index()


def plot_publication_dates(corpus: pd.DataFrame, colors=None) -> tuple[plt.Figure, pd.DataFrame]:
    """Dot per document on a date axis, one row per outlet (the ``MAX_ITEMS`` outlets with most
    documents; the rest share a row "all others"); undated documents are counted in the note.

    Out: the figure and the plotted values (``doc_id``, ``outlet``, ``published``; ``row`` when
    some outlets share the "all others" row).
    """
    data = corpus[["doc_id", "outlet", "published"]].sort_values(["outlet", "doc_id"]).reset_index(drop=True)
    dates = pd.to_datetime(data["published"], errors="coerce", format="%Y-%m-%d")
    colors = figure_colors(colors, corpus["outlet"])
    kept = top_items(data.groupby("outlet").size())
    rest = sorted(set(data["outlet"]) - set(kept))
    shown = data["outlet"].where(data["outlet"].isin(kept), others_label(len(rest)))
    if rest:
        data["row"] = shown
    rows = kept + ([others_label(len(rest))] if rest else [])
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(rows) + 1.5))
    for i, row in enumerate(rows):
        mask = (shown == row) & dates.notna()
        ax.scatter(dates[mask], [i] * int(mask.sum()), color=[colors[o] for o in data.loc[mask, "outlet"]],
                   s=60 if len(data) <= MAX_BARS else 12, zorder=3)
    ax.set_yticks(range(len(rows)), rows)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.invert_yaxis()
    ax.grid(axis="x", color="#ddd")
    ax.set_title("When each document was published")
    undated = data.loc[dates.isna(), "outlet"].tolist()
    if 0 < len(undated) <= 5:
        ax.set_xlabel("publication date; undated: " + ", ".join(undated))
    elif undated:
        outlets = sorted(set(undated))
        more = f" and {len(outlets) - 5} more outlets" if len(outlets) > 5 else ""
        ax.set_xlabel(f"publication date; {len(undated)} undated documents: {', '.join(outlets[:5])}{more}")
    fig.autofmt_xdate()
    group_legend(fig, colors, kept)
    return fig, data
