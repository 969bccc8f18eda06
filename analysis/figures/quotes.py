"""Figures of the quotations: shared groups, who carries which quotation, speakers, scare quotes."""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd

from analysis.figures.style import MAX_PANELS, OTHERS_GREY, figure_colors, group_legend, others_label, top_items

MAX_OUTLETS_PER_SPEAKER = 5


def plot_quote_overlap(overlap: pd.DataFrame, groups_per_outlet: pd.Series) -> tuple[plt.Figure, pd.DataFrame]:
    """Heatmap: quotation groups shared by each pair of outlets (diagonal: groups the outlet carries).

    In: ``overlap`` from ``quote_overlap`` (``outlet_a``, ``outlet_b``, ``shared_groups``) and
    ``groups_per_outlet`` (outlet → number of quotation groups); the ``MAX_ITEMS`` outlets carrying
    most groups are drawn. Out: the figure and the plotted values (``outlet_a``, ``outlet_b``,
    ``shared_groups``, both orders and the diagonal).
    """
    outlets = top_items(groups_per_outlet, MAX_PANELS)
    overlap = overlap[overlap["outlet_a"].isin(outlets) & overlap["outlet_b"].isin(outlets)]
    both = pd.concat([overlap[["outlet_a", "outlet_b", "shared_groups"]],
                      overlap.rename(columns={"outlet_a": "outlet_b", "outlet_b": "outlet_a"})
                      [["outlet_a", "outlet_b", "shared_groups"]],
                      pd.DataFrame({"outlet_a": outlets, "outlet_b": outlets,
                                    "shared_groups": [int(groups_per_outlet[o]) for o in outlets]})])
    # an empty overlap table (one outlet, one document) has object columns; counts are ints
    data = both.sort_values(["outlet_a", "outlet_b"]).reset_index(drop=True).astype({"shared_groups": int})
    matrix = data.pivot(index="outlet_a", columns="outlet_b", values="shared_groups") \
        .reindex(index=outlets, columns=outlets).fillna(0).astype(int)
    n = len(outlets)
    fig, ax = plt.subplots(figsize=(0.6 * n + 4, 0.5 * n + 2.5))
    ax.set_title("Quotations shared by each pair of outlets")
    if not outlets:
        ax.text(0.5, 0.5, "no direct quotation in the corpus", ha="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig, data
    image = ax.imshow(matrix.to_numpy(), cmap="Blues")
    ax.set_xticks(range(len(outlets)), outlets, rotation=30 if len(outlets) <= 8 else 60, ha="right")
    ax.set_yticks(range(len(outlets)), outlets)
    top = matrix.to_numpy().max() or 1
    for i in range(len(outlets)):
        for j in range(len(outlets)):
            value = int(matrix.iat[i, j])
            ax.text(j, i, str(value), ha="center", va="center", fontsize=9,
                    color="white" if value > top / 2 else "black")
    fig.colorbar(image, ax=ax, label="quotation groups")
    return fig, data


def plot_quote_presence(grouped: pd.DataFrame, groups: pd.DataFrame,
                        width: int = 45, colors=None) -> tuple[plt.Figure, pd.DataFrame]:
    """Dot matrix: which outlet carries which quotation group (groups carried by ≥ 2 outlets).

    In: grouped quotes (``group_id``, ``outlet``, ``via_translation``) and the group summary
    (``group_id``, ``n_outlets``, ``canonical_text``). A hollow dot marks a version matched through
    the project's pivot translation. At most ``MAX_ITEMS`` groups (those most outlets carry) and
    ``MAX_ITEMS`` outlets (those carrying most of them). Out: the figure and the plotted values (``group_id``,
    ``outlet``, ``versions``, ``via_translation``).
    """
    shared = groups[groups["n_outlets"] >= 2]
    shared = shared[shared["group_id"].isin(top_items(shared.set_index("group_id")["n_outlets"]))] \
        .sort_values("group_id")
    g = grouped[grouped["group_id"].isin(shared["group_id"])]
    outlets = top_items(grouped[grouped["group_id"] != ""].groupby("outlet")["group_id"].nunique()
                        .reindex(grouped["outlet"].unique(), fill_value=0), MAX_PANELS)
    g = g[g["outlet"].isin(outlets)]
    data = (g.groupby(["group_id", "outlet"]).agg(versions=("quote_id", "size"),
                                                 via_translation=("via_translation", "any"))
            .reset_index().sort_values(["group_id", "outlet"]).reset_index(drop=True))
    colors = figure_colors(colors, grouped["outlet"])
    n = len(outlets)
    # the whole quotation, wrapped: a cut label would hide the words the outlets share
    labels = [f"{gid} · " + "\n".join(textwrap.wrap(text, width)) for gid, text
              in zip(shared["group_id"], shared["canonical_text"])]
    lines = [label.count("\n") + 1 for label in labels]
    fig, ax = plt.subplots(figsize=(0.42 * n + 1.5, 0.19 * sum(lines) + 0.25 * len(lines) + 2))
    rows = list(shared["group_id"])
    for r in data.itertuples(index=False):
        y, x = rows.index(r.group_id), outlets.index(r.outlet)
        ax.scatter(x, y, s=140, color="white" if r.via_translation else colors[r.outlet],
                   edgecolors=colors[r.outlet], linewidths=2, zorder=3)
    ax.set_yticks(range(len(rows)), labels, fontsize=9)
    ax.set_xticks(range(len(outlets)), outlets, rotation=30 if len(outlets) <= 8 else 60, ha="right")
    ax.set_xlim(-0.5, max(len(outlets), 1) - 0.5)
    ax.set_ylim(-0.7, max(len(rows), 1) - 0.3)
    ax.invert_yaxis()
    ax.grid(color="#eee")
    ax.set_title("Which outlet carries which quotation (hollow: via the project's translation)")
    group_legend(fig, colors, outlets)
    return fig, data


def plot_speakers(speakers: pd.DataFrame, top_n: int = 10, colors=None) -> tuple[plt.Figure, pd.DataFrame]:
    """Horizontal bars: direct quotations per speaker, one bar per outlet and speaker.

    In: ``outlet``, ``speaker``, ``quotes`` (from ``count_speakers``); the ``top_n`` speakers
    with most quotations overall, each with the ``MAX_OUTLETS_PER_SPEAKER`` outlets quoting them
    most. ``colors``: the run's :func:`~analysis.figures.style.outlet_colors`, so colours match
    the other figures.
    Out: the figure and the plotted values.
    """
    totals = speakers.groupby("speaker")["quotes"].sum().sort_values(ascending=False, kind="mergesort")
    keep = sorted(totals.index[:top_n], key=lambda s: (-totals[s], s))
    data = speakers[speakers["speaker"].isin(keep)]
    data = (data.sort_values(["speaker", "quotes", "outlet"], ascending=[True, False, True])
            .groupby("speaker").head(MAX_OUTLETS_PER_SPEAKER)
            .sort_values(["speaker", "outlet"]).reset_index(drop=True))
    colors = figure_colors(colors, speakers["outlet"])
    fig, ax = plt.subplots(figsize=(8, 0.35 * len(data) + 1.5))
    labels = [f"{s} · {o}" for s, o in zip(data["speaker"], data["outlet"])]
    order = sorted(range(len(data)), key=lambda i: (keep.index(data["speaker"][i]), data["outlet"][i]))
    ax.barh([labels[i] for i in order], [data["quotes"][i] for i in order],
            color=[colors[data["outlet"][i]] for i in order])
    ax.invert_yaxis()
    ax.set_xlabel("direct quotations (split parts counted once)")
    ax.set_title("Who each outlet quotes")
    group_legend(fig, colors, data["outlet"])
    return fig, data


def plot_scare_quotes(scare: pd.DataFrame, colors=None) -> tuple[plt.Figure, pd.DataFrame]:
    """Bars: scare quotes per outlet (count; rate per 1,000 words written beside each bar).

    In: ``outlet``, ``scare_quotes``, ``per_1k_words``, ``words`` (from ``count_scare_quotes``);
    the ``MAX_ITEMS`` outlets with most scare quotes, the rest summed as "all others" (grey);
    ``colors``: the run's :func:`~analysis.figures.style.outlet_colors`.
    """
    colors = figure_colors(colors, scare["outlet"])
    data = scare[["outlet", "scare_quotes", "per_1k_words"]].sort_values("outlet").reset_index(drop=True)
    kept = top_items(scare.set_index("outlet")["scare_quotes"])
    rest = scare[~scare["outlet"].isin(kept)]
    if len(rest):
        others = pd.DataFrame({"outlet": [others_label(len(rest))], "scare_quotes": [int(rest["scare_quotes"].sum())],
                               "per_1k_words": [rest["scare_quotes"].sum() * 1000 / max(int(rest["words"].sum()), 1)]})
        data = pd.concat([data[data["outlet"].isin(kept)], others], ignore_index=True)
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(data) + 1.2))
    ax.barh(data["outlet"], data["scare_quotes"], color=[colors.get(o, OTHERS_GREY) for o in data["outlet"]])
    ax.invert_yaxis()
    for y, (n, rate) in enumerate(zip(data["scare_quotes"], data["per_1k_words"])):
        ax.text(n, y, f" {n} ({rate:.2f} per 1,000 words)", va="center", fontsize=9)
    ax.set_xlabel("scare quotes (short quoted names or terms, no attribution)")
    ax.set_title("Scare quotes per outlet")
    group_legend(fig, colors, data["outlet"])
    return fig, data
