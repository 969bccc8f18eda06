"""Figures of stance and framing: target stance, naming, hedging and attribution, sources."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from analysis.figures.style import (
    MAX_ITEMS,
    MAX_PANELS,
    OTHERS_GREY,
    figure_colors,
    group_legend,
    others_label,
    top_items,
)

MAX_TARGETS = 10
MAX_NAMES = 30


def plot_target_stance(stance: pd.DataFrame, threshold: float = 0.1, colors=None,
                       labels: dict[str, str] | None = None) -> tuple[plt.Figure, pd.DataFrame]:
    """Points with bootstrap intervals: each outlet's stance score toward each target.

    In: ``target_stance`` output (``outlet``, ``target``, ``label``, ``score``, ``low``, ``high``,
    ``n_sentences``; rows with ``n_units`` 0 left out). One row per target, outlets side by side in
    their colours; the shaded band is the neutral zone (|score| < ``threshold``). At most
    ``MAX_TARGETS`` targets and ``MAX_PANELS`` outlets (those with most evidence). ``colors``: the
    run's :func:`~analysis.figures.style.outlet_colors`; with a grouping, one panel per group (its
    outlets told apart by marker as well as shade). ``labels``: target id -> label (targets are
    named by label, never id). Out: the figure and the plotted values.
    """
    data = stance[stance["n_units"] > 0][["outlet", "target", "label", "score", "low", "high", "n_sentences"]]
    data = data[data["target"].isin(top_items(data.groupby("target")["n_sentences"].sum(), MAX_TARGETS))]
    data = data[data["outlet"].isin(top_items(data.groupby("outlet")["n_sentences"].sum(), MAX_PANELS))]
    data = data.sort_values(["target", "outlet"]).reset_index(drop=True)
    targets = sorted(data["target"].unique())
    colors = figure_colors(colors, data["outlet"])
    outlets = colors.in_group_order(data["outlet"].unique())
    panels = sorted({colors.group_of(o) for o in outlets}) or [""]
    height = 0.9 * len(targets) + 0.9
    total = height * len(panels) + 0.7
    fig, axes = plt.subplots(len(panels), 1, squeeze=False, sharex=True, figsize=(8, total))
    if len(panels) > 1:  # margins in inches, not fractions of a tall figure
        fig.subplots_adjust(top=1 - 0.9 / total, bottom=0.9 / total, hspace=0.55 / (height - 0.5))
    for ax, group in zip(axes[:, 0], panels):
        members = [o for o in outlets if colors.group_of(o) == group]
        _stance_points(ax, data, targets, members, colors, threshold, markers=bool(group))
        ax.set_yticks(range(len(targets)), [(labels or {}).get(t, t) for t in targets])
        ax.invert_yaxis()
        if group:
            ax.set_title(f"{group}: {len(members)} outlet{'s' if len(members) != 1 else ''}", fontsize=10, loc="left")
        ax.legend(fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    axes[-1, 0].set_xlim(-1.05, 1.05)
    axes[-1, 0].set_xlabel("stance score (−1 against … +1 favour); bars: 95% bootstrap interval; grey: neutral\n"
                           "hollow: outside the band but labelled neutral (interval crosses 0, or under 2 units)")
    if panels == [""]:
        axes[0, 0].set_title("Stance of each outlet toward each target")
    else:
        fig.suptitle("Stance of each outlet toward each target, one panel per outlet group",
                     fontsize=12, fontweight="bold", x=0.02, ha="left", y=1 - 0.15 / total, va="top")
    return fig, data


MARKERS = "osD^vP*Xph"  # told apart within a group's panel where outlets share its colour


def _stance_points(ax, data, targets, outlets, colors, threshold, markers: bool) -> None:
    ax.axvspan(-threshold, threshold, color="#eeeeee", zorder=0)
    ax.axvline(0, color="#999999", linewidth=0.8)
    step = 0.7 / max(len(outlets), 1)
    for j, outlet in enumerate(outlets):
        rows = data[data["outlet"] == outlet]
        y = [targets.index(t) - 0.35 + step * (j + 0.5) for t in rows["target"]]
        marker = MARKERS[j % len(MARKERS)] if markers else "o"
        color = colors.get(outlet, OTHERS_GREY)
        ax.errorbar(rows["score"], y, xerr=[rows["score"] - rows["low"], rows["high"] - rows["score"]],
                    fmt=marker, color=color, ecolor=color, capsize=3, label=outlet)
        # a point outside the band that is still labelled neutral (too little or split evidence)
        # is drawn hollow, so the picture never contradicts the label
        odd = [(x, yy) for x, yy, label in zip(rows["score"], y, rows["label"])
               if label == "neutral" and abs(x) >= threshold]
        if odd:
            ax.scatter(*zip(*odd), s=30, marker=marker, facecolor="white", edgecolor=color, zorder=4)


def plot_naming_matrix(matrix: pd.DataFrame, labels: dict[str, str] | None = None) -> tuple[plt.Figure, pd.DataFrame]:
    """Heatmap of what each outlet calls each target: outlets in rows, ``target: name`` in
    columns, cell = number of uses (printed); at most ``MAX_ITEMS`` outlets and ``MAX_NAMES`` names
    (the most used). Out: the figure and the matrix in long form
    (``outlet``, ``name``, ``count``). ``labels``: target id -> label, for the row names."""
    if matrix.size:
        matrix = matrix.loc[top_items(matrix.sum(axis=1), MAX_PANELS), top_items(matrix.sum(axis=0), MAX_NAMES)]
    matrix = matrix.sort_index().reindex(sorted(matrix.columns), axis=1)
    # names run down the side, horizontal and whole; outlets across the top
    shown = matrix.T
    fig, ax = plt.subplots(figsize=(0.55 * len(shown.columns) + 3.5, 0.3 * len(shown) + 2.2))
    ax.imshow(shown.to_numpy(), cmap="Blues", aspect="auto")
    names = [f"{(labels or {}).get(t, t)}: {n}" for t, _, n in (c.partition(": ") for c in shown.index)]
    ax.set_yticks(range(len(shown.index)), names, fontsize=9)
    ax.set_xticks(range(len(shown.columns)), shown.columns, rotation=40, ha="left", fontsize=9)
    ax.xaxis.tick_top()
    top = matrix.to_numpy().max() if matrix.size else 0
    for i in range(shown.shape[0]):
        for j in range(shown.shape[1]):
            value = int(shown.iat[i, j])
            if value:
                ax.text(j, i, str(value), ha="center", va="center", fontsize=9,
                        color="white" if value > top / 2 else "black")
    ax.set_title("What each outlet calls each target (uses of each name)")
    long = matrix.stack().rename("count").reset_index()
    long.columns = ["outlet", "name", "count"]
    return fig, long[long["count"] > 0].reset_index(drop=True)


def plot_framing_rates(devices: pd.DataFrame, kinds=("hedge", "attribution"), colors=None) -> tuple[plt.Figure, pd.DataFrame]:
    """Grouped bars: hedges and attribution cues per 1,000 words, per outlet (outlet colours,
    hatched for the second kind); the ``MAX_ITEMS`` outlets with the highest rates, every outlet
    of ``colors`` (the run's :func:`~analysis.figures.style.outlet_colors`) drawn at 0 when it has
    no cue. Out: the figure and ``outlet``, ``device``, ``per_1k_words``."""
    data = (devices[devices["device"].isin(kinds)].groupby(["outlet", "device"])["per_1k_words"].sum()
            .round(3).reset_index())
    if colors is not None:  # an outlet with no cue is drawn at zero, not dropped
        every = pd.MultiIndex.from_product([sorted(colors), list(kinds)], names=["outlet", "device"])
        data = data.set_index(["outlet", "device"]).reindex(every, fill_value=0.0).reset_index()
    data = data[data["outlet"].isin(top_items(data.groupby("outlet")["per_1k_words"].sum()))].reset_index(drop=True)
    colors = figure_colors(colors, data["outlet"])
    outlets = colors.in_group_order(data["outlet"].unique())
    fig, ax = plt.subplots(figsize=(8, 0.6 * len(outlets) + 1.4))
    height = 0.8 / len(kinds)
    for k, kind in enumerate(kinds):
        rates = data[data["device"] == kind].set_index("outlet")["per_1k_words"].reindex(outlets, fill_value=0)
        ax.barh([i - 0.4 + height * (k + 0.5) for i in range(len(outlets))], rates, height=height,
                color=[colors[o] for o in outlets], hatch="//" if k else None, edgecolor="white",
                label=kind)
    ax.set_yticks(range(len(outlets)), outlets)
    ax.invert_yaxis()
    ax.set_xlabel("cues per 1,000 words (plain: " + kinds[0] + "; hatched: " + ", ".join(kinds[1:]) + ")")
    ax.set_title("Hedging and attribution, per outlet")
    group_legend(fig, colors, outlets)
    return fig, data


def plot_source_graph(sources: pd.DataFrame, colors=None) -> tuple[plt.Figure, pd.DataFrame]:
    """Bipartite drawing: outlets on the left, cited sources on the right, a line per
    (outlet, source) whose width grows with the count; at most ``MAX_ITEMS`` sources and
    ``2 × MAX_PANELS`` outlets (the most cited / citing); ``colors``: the run's
    :func:`~analysis.figures.style.outlet_colors`. Out: the figure and ``outlet``,
    ``source``, ``count``."""
    data = sources[["outlet", "source", "count"]]
    data = data[data["source"].isin(top_items(data.groupby("source")["count"].sum()))]
    data = data[data["outlet"].isin(top_items(data.groupby("outlet")["count"].sum(), MAX_PANELS * 2))]
    data = data.sort_values(["outlet", "source"]).reset_index(drop=True)
    colors = figure_colors(colors, data["outlet"])
    outlets = colors.in_group_order(data["outlet"].unique())
    cited = sorted(data["source"].unique())
    rows = max(len(outlets), len(cited), 1)
    fig, ax = plt.subplots(figsize=(8, 0.42 * rows + 1.2))
    if data.empty:
        ax.text(0.5, 0.5, "No outlet cites a source: no attribution to a named person or organisation "
                "was found.", ha="center", va="center", wrap=True)
    y_out = {o: (i + 0.5) * rows / len(outlets) for i, o in enumerate(outlets)}
    y_src = {s: (i + 0.5) * rows / len(cited) for i, s in enumerate(cited)}
    for r in data.itertuples(index=False):
        ax.plot([0, 1], [y_out[r.outlet], y_src[r.source]], color=colors[r.outlet], linewidth=1 + 1.5 * r.count,
                alpha=0.7)
    for o, y in y_out.items():
        ax.text(-0.02, y, o, ha="right", va="center", color=colors[o], fontweight="bold")
    for s, y in y_src.items():
        ax.text(1.02, y, s, ha="left", va="center")
    ax.set_xlim(-0.9, 1.9)
    ax.set_ylim(rows, 0)
    ax.axis("off")
    ax.set_title("Which sources each outlet cites (line width: number of citations)")
    group_legend(fig, colors, outlets)
    return fig, data


CLAIM_LABELS = {"agree": "#0072B2", "disagree": "#D55E00", "discuss": "#E69F00", "unrelated": "#BBBBBB"}


def plot_claim_stance(claim_stance: pd.DataFrame, claims: dict[str, str] | None = None,
                      colors=None) -> tuple[plt.Figure, pd.DataFrame]:
    """Stacked bars: how many of each outlet's documents agree with, disagree with, discuss or
    are unrelated to each claim (one panel per claim, at most ``MAX_PANELS``; the ``MAX_ITEMS``
    outlets with most documents, the rest summed as "all others"). Small enough to sit beside
    the story on the summary's first screen, with 10-pt text. ``claims``: id -> text for the
    panel titles. ``colors``: the run's :func:`~analysis.figures.style.outlet_colors`; with a
    grouping, outlets are ordered by group under a heading row per group, and the rest of each
    group summed as its own "all others". Out: the figure and ``claim_id``, ``outlet``,
    ``label``, ``documents``."""
    colors = figure_colors(colors, claim_stance["outlet"])
    counts = claim_stance.groupby(["claim_id", "outlet", "label"]).size().rename("documents").reset_index()
    kept = top_items(claim_stance.groupby("outlet")["doc_id"].nunique(), MAX_ITEMS)
    rest = counts[~counts["outlet"].isin(kept)]
    outlets, headings, summed = [], [], {}  # rows top to bottom: per group its heading, kept outlets, rest
    for group in sorted({colors.group_of(o) for o in counts["outlet"]}):
        mine = sorted({o for o in rest["outlet"] if colors.group_of(o) == group})
        # short, so it stays one line: "left: 44 other outlets"
        label = f"{group}: {len(mine)} other outlets" if group else others_label(len(mine))
        summed |= {o: label for o in mine}
        headings += [f"{group}:"] if group else []
        outlets += headings[-1:] if group else []
        outlets += sorted(o for o in kept if colors.group_of(o) == group) + ([label] if mine else [])
    rest = rest.assign(outlet=rest["outlet"].map(summed)).groupby(["claim_id", "outlet", "label"])["documents"] \
        .sum().reset_index()
    counts = pd.concat([counts[counts["outlet"].isin(kept)], rest])
    data = counts[["claim_id", "outlet", "label", "documents"]].sort_values(["claim_id", "outlet", "label"])
    ids = sorted(data["claim_id"].unique())[:MAX_PANELS]
    fig, axes = plt.subplots(max(len(ids), 1), 1, squeeze=False,
                             figsize=(4.2, (0.3 * len(outlets) + 1.1) * max(len(ids), 1) + 0.4))
    if not ids:
        axes[0, 0].text(0.5, 0.5, "no claim scored", ha="center", va="center", fontsize=10)
        axes[0, 0].set_axis_off()
        return fig, data.reset_index(drop=True)
    for ax, claim in zip(axes[:, 0], ids):
        part = data[data["claim_id"] == claim].pivot_table(index="outlet", columns="label", values="documents",
                                                          aggfunc="sum", fill_value=0).reindex(outlets, fill_value=0)
        left = pd.Series(0, index=outlets)
        for label, color in CLAIM_LABELS.items():
            if label in part:
                ax.barh(range(len(outlets)), part[label], left=left, color=color, label=label, height=0.7)
                left = left + part[label]
        ax.set_yticks(range(len(outlets)), outlets, fontsize=13)
        for tick in ax.get_yticklabels():
            if tick.get_text() in headings:
                tick.set_fontweight("bold")
        ax.invert_yaxis()
        ax.tick_params(axis="x", labelsize=13)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_title(_wrap((claims or {}).get(claim, claim)), fontsize=13, loc="left")
    axes[-1, 0].set_xlabel("documents", fontsize=13)
    handles, names = axes[0, 0].get_legend_handles_labels()
    fig.legend(handles, names, fontsize=13, ncols=2, loc="upper left", bbox_to_anchor=(0.0, 0.0),
               frameon=False, handlelength=1, columnspacing=1)
    return fig, data.reset_index(drop=True)


def _wrap(text: str, width: int = 48) -> str:
    import textwrap  # noqa: PLC0415
    return "\n".join(textwrap.wrap(text, width)[:3])
