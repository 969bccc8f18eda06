"""Figures of stance and framing: target stance, naming, hedging and attribution, sources."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from analysis.figures.style import MAX_ITEMS, MAX_PANELS, others_label, outlet_colors, top_items

MAX_TARGETS = 10
MAX_NAMES = 30


def plot_target_stance(stance: pd.DataFrame, threshold: float = 0.1, all_outlets=None,
                       labels: dict[str, str] | None = None) -> tuple[plt.Figure, pd.DataFrame]:
    """Points with bootstrap intervals: each outlet's stance score toward each target.

    In: ``target_stance`` output (``outlet``, ``target``, ``label``, ``score``, ``low``, ``high``,
    ``n_sentences``; rows with ``n_units`` 0 left out). One row per target, outlets side by side in their colours; the shaded band
    is the neutral zone (|score| < ``threshold``). At most ``MAX_TARGETS`` targets and
    ``MAX_PANELS`` outlets (those with most evidence). ``all_outlets``: every outlet of the corpus, so
    colours match the other figures when some outlet has no row; ``labels``: target id -> label
    (targets are named by label, never id). Out: the figure and the plotted values.
    """
    data = stance[stance["n_units"] > 0][["outlet", "target", "label", "score", "low", "high", "n_sentences"]]
    data = data[data["target"].isin(top_items(data.groupby("target")["n_sentences"].sum(), MAX_TARGETS))]
    data = data[data["outlet"].isin(top_items(data.groupby("outlet")["n_sentences"].sum(), MAX_PANELS))]
    data = data.sort_values(["target", "outlet"]).reset_index(drop=True)
    targets = sorted(data["target"].unique())
    outlets = sorted(data["outlet"].unique())
    colors = outlet_colors(outlets if all_outlets is None else all_outlets)
    fig, ax = plt.subplots(figsize=(8, 0.9 * len(targets) + 1.6))
    ax.axvspan(-threshold, threshold, color="#eeeeee", zorder=0)
    ax.axvline(0, color="#999999", linewidth=0.8)
    step = 0.7 / max(len(outlets), 1)
    for j, outlet in enumerate(outlets):
        rows = data[data["outlet"] == outlet]
        y = [targets.index(t) - 0.35 + step * (j + 0.5) for t in rows["target"]]
        ax.errorbar(rows["score"], y, xerr=[rows["score"] - rows["low"], rows["high"] - rows["score"]],
                    fmt="o", color=colors[outlet], ecolor=colors[outlet], capsize=3, label=outlet)
        # a point outside the band that is still labelled neutral (too little or split evidence)
        # is drawn hollow, so the picture never contradicts the label
        odd = [(x, yy) for x, yy, label in zip(rows["score"], y, rows["label"])
               if label == "neutral" and abs(x) >= threshold]
        if odd:
            ax.scatter(*zip(*odd), s=30, facecolor="white", edgecolor=colors[outlet], zorder=4)
    ax.set_yticks(range(len(targets)), [(labels or {}).get(t, t) for t in targets])
    ax.invert_yaxis()
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("stance score (−1 against … +1 favour); bars: 95% bootstrap interval; grey: neutral\n"
                  "hollow: outside the band but labelled neutral (interval crosses 0, or under 2 units)")
    ax.set_title("Stance of each outlet toward each target")
    ax.legend(fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return fig, data


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


def plot_framing_rates(devices: pd.DataFrame, kinds=("hedge", "attribution"), all_outlets=None) -> tuple[plt.Figure, pd.DataFrame]:
    """Grouped bars: hedges and attribution cues per 1,000 words, per outlet (outlet colours,
    hatched for the second kind); the ``MAX_ITEMS`` outlets with the highest rates. Out: the
    figure and ``outlet``, ``device``, ``per_1k_words``."""
    data = (devices[devices["device"].isin(kinds)].groupby(["outlet", "device"])["per_1k_words"].sum()
            .round(3).reset_index())
    if all_outlets is not None:  # an outlet with no cue is drawn at zero, not dropped
        every = pd.MultiIndex.from_product([sorted(set(all_outlets)), list(kinds)], names=["outlet", "device"])
        data = data.set_index(["outlet", "device"]).reindex(every, fill_value=0.0).reset_index()
    data = data[data["outlet"].isin(top_items(data.groupby("outlet")["per_1k_words"].sum()))].reset_index(drop=True)
    outlets = sorted(data["outlet"].unique())
    colors = outlet_colors(outlets if all_outlets is None else all_outlets)
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
    return fig, data


def plot_source_graph(sources: pd.DataFrame, all_outlets=None) -> tuple[plt.Figure, pd.DataFrame]:
    """Bipartite drawing: outlets on the left, cited sources on the right, a line per
    (outlet, source) whose width grows with the count; at most ``MAX_ITEMS`` sources and
    ``2 × MAX_PANELS`` outlets (the most cited / citing). Out: the figure and ``outlet``,
    ``source``, ``count``."""
    data = sources[["outlet", "source", "count"]]
    data = data[data["source"].isin(top_items(data.groupby("source")["count"].sum()))]
    data = data[data["outlet"].isin(top_items(data.groupby("outlet")["count"].sum(), MAX_PANELS * 2))]
    data = data.sort_values(["outlet", "source"]).reset_index(drop=True)
    outlets = sorted(data["outlet"].unique())
    cited = sorted(data["source"].unique())
    colors = outlet_colors(outlets if all_outlets is None else all_outlets)
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
    return fig, data


CLAIM_LABELS = {"agree": "#0072B2", "disagree": "#D55E00", "discuss": "#E69F00", "unrelated": "#BBBBBB"}


def plot_claim_stance(claim_stance: pd.DataFrame, claims: dict[str, str] | None = None) -> tuple[plt.Figure, pd.DataFrame]:
    """Stacked bars: how many of each outlet's documents agree with, disagree with, discuss or
    are unrelated to each claim (one panel per claim, at most ``MAX_PANELS``; the ``MAX_ITEMS``
    outlets with most documents, the rest summed as "all others"). Small enough to sit beside
    the story on the summary's first screen, with 10-pt text. ``claims``: id -> text for the
    panel titles. Out: the figure and ``claim_id``, ``outlet``, ``label``, ``documents``."""
    counts = claim_stance.groupby(["claim_id", "outlet", "label"]).size().rename("documents").reset_index()
    kept = top_items(claim_stance.groupby("outlet")["doc_id"].nunique(), MAX_ITEMS)
    rest = counts[~counts["outlet"].isin(kept)]
    if len(rest):
        label = others_label(rest["outlet"].nunique())
        rest = rest.groupby(["claim_id", "label"])["documents"].sum().reset_index().assign(outlet=label)
        counts = pd.concat([counts[counts["outlet"].isin(kept)], rest])
    data = counts[["claim_id", "outlet", "label", "documents"]].sort_values(["claim_id", "outlet", "label"])
    ids = sorted(data["claim_id"].unique())[:MAX_PANELS]
    outlets = sorted(data.loc[data["outlet"].isin(kept), "outlet"].unique()) + sorted(
        set(data["outlet"]) - set(kept))
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
