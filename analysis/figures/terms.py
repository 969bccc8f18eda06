"""Figures of the loaded terms: rates per outlet and the words that set each outlet apart."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.figures.style import MAX_PANELS, OTHERS_GREY, figure_colors, group_legend, others_label, top_items


def plot_term_rates(counts: pd.DataFrame, colors=None) -> tuple[plt.Figure, pd.DataFrame]:
    """Heatmap: loaded terms (rows) × outlets (columns), colour = rate per 1,000 words, each cell
    annotated with the count of every match, quoted words included; "n/a" where the lexicon has no
    variant in the outlet's language.

    In: :func:`analysis.terms.count_terms` output (``outlet``, ``term``, ``category``, ``count``,
    ``per_1k_words``, ``words``). Terms no outlet uses are left out; at most ``MAX_TERMS`` terms
    (the most frequent) and ``MAX_ITEMS`` outlets (the most words; the rest summed as one
    "all others" column, its rate = their matches per 1,000 of their words); ``colors``: the run's
    :func:`~analysis.figures.style.outlet_colors` (the strip above each column). Out: the figure and the plotted values
    (``term``, ``category``, ``outlet``, ``count``, ``per_1k_words``; missing = n/a).
    """
    counts = _limit_term_counts(counts)
    used = counts.groupby("term")["count"].transform("sum") > 0
    data = counts.loc[used, ["term", "category", "outlet", "count", "per_1k_words"]]
    data = data.sort_values(["category", "term", "outlet"]).reset_index(drop=True)
    terms = data[["category", "term"]].drop_duplicates().sort_values(["category", "term"])
    outlets = sorted(set(counts["outlet"]) - {o for o in counts["outlet"] if o.startswith("all others")}) \
        + sorted({o for o in counts["outlet"] if o.startswith("all others")})
    rates = data.pivot(index="term", columns="outlet", values="per_1k_words").reindex(
        index=terms["term"], columns=outlets)
    n = data.pivot(index="term", columns="outlet", values="count").reindex(
        index=terms["term"], columns=outlets)
    columns = len(outlets)
    # two lines a row (the term, then its category): rows tall enough that labels never overlap
    fig, ax = plt.subplots(figsize=(0.5 * columns + 4.5, 0.42 * len(terms) + 2))
    if data.empty:
        ax.text(0.5, 0.5, "no loaded term of the lexicon occurs in the corpus", ha="center")
        ax.set_axis_off()
        return fig, data
    image = ax.imshow(rates.to_numpy(dtype=float), cmap="Blues", aspect="auto",
                      vmin=0, vmax=max(float(np.nanmax(rates.to_numpy(dtype=float), initial=0)), 1e-9))
    top = float(np.nanmax(rates.to_numpy(dtype=float), initial=0))
    for i in range(len(rates.index)):
        for j in range(len(outlets)):
            value, count = rates.iat[i, j], n.iat[i, j]
            label = "n/a" if pd.isna(value) else f"{int(count)}"
            dark = not pd.isna(value) and top > 0 and value > 0.6 * top
            ax.text(j, i, label, ha="center", va="center", fontsize=9,
                    color="white" if dark else ("#999" if pd.isna(value) else "black"))
    colors = figure_colors(colors, outlets)
    for j, outlet in enumerate(outlets):  # the summed "all others" column is grey
        ax.add_patch(plt.Rectangle((j - 0.5, -0.95), 1, 0.4, color=colors.get(outlet, OTHERS_GREY), clip_on=False))
    ax.set_xticks(range(len(outlets)), outlets, rotation=25 if len(outlets) <= 8 else 60, ha="right")
    ax.set_yticks(range(len(rates.index)),
                  [f"{t}\n({c})" for t, c in zip(terms["term"], terms["category"])])
    ax.set_ylim(len(rates.index) - 0.5, -1)
    fig.colorbar(image, ax=ax, label="matches per 1,000 words", shrink=0.8)
    # every match, words inside quotations included (the summary's "own words" column leaves those out)
    ax.set_title("Loaded terms per outlet, quotations included\n(cell: count; colour: per 1,000 words)")
    group_legend(fig, colors, outlets)
    return fig, data


def plot_keyness(top: pd.DataFrame, colors=None,
                 columns: int = 2) -> tuple[plt.Figure, pd.DataFrame]:
    """Small multiples: per outlet, horizontal bars of the z-scores of its most over-used
    n-grams against the other outlets of its language, labelled with ``count_outlet/count_rest``.

    In: :func:`analysis.keyness.top_keyness` output (a panel for at most ``MAX_PANELS`` outlets:
    those whose top n-grams are the most frequent, in group order with a grouping); ``colors``: the
    run's :func:`~analysis.figures.style.outlet_colors`, so colours match the other figures
    (outlets without a comparison get no panel). Out: the figure and the plotted values
    (``outlet``, ``term``, ``ngram``, ``z``, ``score``, ``count_outlet``, ``count_rest``).
    """
    data = top[["outlet", "term", "ngram", "z", "score", "count_outlet", "count_rest"]]
    data = data[data["outlet"].isin(top_items(data.groupby("outlet")["count_outlet"].sum(), MAX_PANELS))]
    data = data.sort_values(["outlet", "z", "term"], ascending=[True, False, True]).reset_index(drop=True)
    colors = figure_colors(colors, data["outlet"])
    outlets = colors.in_group_order(data["outlet"].unique())
    rows = max(1, -(-len(outlets) // columns))
    per_panel = max([int((data["outlet"] == o).sum()) for o in outlets] or [1])
    fig, axes = plt.subplots(rows, columns, figsize=(4.6 * columns, 0.3 * per_panel * rows + 1.2 * rows),
                             squeeze=False, sharex=True)
    for ax, outlet in zip(axes.flat, outlets):
        part = data[data["outlet"] == outlet]
        ax.barh(range(len(part)), part["z"], color=colors[outlet])
        ax.set_yticks(range(len(part)), part["term"])
        ax.set_ylim(per_panel - 0.5, -0.5)
        for y, (z, a, b) in enumerate(zip(part["z"], part["count_outlet"], part["count_rest"])):
            ax.text(z, y, f" {a}/{b}", va="center", fontsize=9)
        group = colors.group_of(outlet)
        ax.set_title(f"{outlet} ({group})" if group else outlet, fontsize=10)
        ax.axvline(1.96, color="#999", linewidth=0.8, linestyle="--")
    for ax in list(axes.flat)[len(outlets):]:
        ax.set_visible(False)
    for ax in axes[-1]:
        ax.set_xlabel("z (log-odds, informative Dirichlet prior)")
    fig.suptitle("Words and word pairs each outlet over-uses against the others of its language\n"
                 "(label: count in outlet / in rest; dashed: z = 1.96)", fontsize=10)
    fig.tight_layout()
    return fig, data




MAX_TERMS = 40


def _limit_term_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """``counts`` with at most ``MAX_TERMS`` terms (most matches) and ``MAX_ITEMS`` outlets (most
    words), the other outlets summed into one "all others" outlet."""
    totals = counts.groupby("term")["count"].sum()
    counts = counts[counts["term"].isin(top_items(totals, MAX_TERMS))]
    words = counts.groupby("outlet")["words"].first()
    kept = top_items(words, MAX_PANELS)
    rest = counts[~counts["outlet"].isin(kept)]
    if rest.empty:
        return counts
    others = rest.groupby(["term", "category"], as_index=False)[["count", "words"]].sum()
    others = others.assign(outlet=others_label(rest["outlet"].nunique()),
                           per_1k_words=others["count"] / others["words"] * 1000)
    return pd.concat([counts[counts["outlet"].isin(kept)], others], ignore_index=True)
