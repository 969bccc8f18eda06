"""One figure style for the suite, and one way to save a figure: image, plotted values, alt text.

Figures are byte-for-byte reproducible: fixed SVG hash salt, text drawn as paths, no dates or
software versions in the metadata, CSVs sorted with a fixed float format.
"""
from __future__ import annotations

import base64
import html
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # noqa: E402  (no display here; the notebook shows the saved PNG)
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from cycler import cycler

from analysis.schemas import conform
from analysis.paths import figures_dir

# Okabe & Ito (2008) colour-blind-safe palette, black last.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
FLOAT_FORMAT = "%.6g"
STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 120,
    "figure.figsize": (8, 4.5),
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    # series that are not outlets (categories, methods) cycle through the same safe palette;
    # heat maps use cividis, readable with any colour vision and in greyscale
    "axes.prop_cycle": cycler(color=PALETTE),
    "image.cmap": "cividis",
    "legend.frameon": False,
    "svg.hashsalt": "framelab",
    "svg.fonttype": "path",
    "path.simplify": False,
}


def apply_style() -> None:
    """Set the suite's matplotlib style (call once at the top of a notebook)."""
    plt.rcParams.update(STYLE)


def outlet_colors(outlets) -> dict[str, str]:
    """A colour for each outlet, the same in every figure: outlets sorted by name take the
    palette in order (it repeats past eight outlets).

    Pass every outlet of the corpus (``corpus["outlet"]``), not only those a figure plots:
    the colours depend on the whole set, so a subset would shift them.
    """
    return {o: PALETTE[i % len(PALETTE)] for i, o in enumerate(sorted(set(outlets)))}


@dataclass(frozen=True)
class SavedFigure:
    """A figure written to disk; shows itself in a notebook as the PNG with its alt text."""

    png: Path
    svg: Path
    csv: Path
    alt: str

    def _repr_html_(self) -> str:
        data = base64.b64encode(self.png.read_bytes()).decode("ascii")
        return (f'<figure class="framelab-figure"><img src="data:image/png;base64,{data}" '
                f'alt="{html.escape(self.alt)}" style="max-width:100%;height:auto"/>'
                f"<figcaption>{html.escape(self.alt)}</figcaption></figure>")


def save_figure(fig: plt.Figure, name: str, data: pd.DataFrame, alt: str,
                out: Path | str | None = None) -> SavedFigure:
    """Write ``figures/<name>.svg``, ``.png`` and ``.csv`` (the plotted values) under ``out``.

    ``data`` is sorted by all its columns and written with ``FLOAT_FORMAT``; ``alt`` describes
    the figure for readers who cannot see it. The figure is closed. Reruns with the same inputs
    give identical bytes.
    """
    folder = figures_dir(out)
    folder.mkdir(parents=True, exist_ok=True)
    paths = SavedFigure(folder / f"{name}.png", folder / f"{name}.svg", folder / f"{name}.csv", alt)
    fig.savefig(paths.svg, format="svg", metadata={"Date": None, "Creator": None},
                bbox_inches="tight")
    fig.savefig(paths.png, format="png", metadata={"Software": None}, bbox_inches="tight")
    plt.close(fig)
    write_table(data, paths.csv)
    return paths


def write_table(table: pd.DataFrame, path: Path | str, sort: bool = True,
                schema: str | None = None) -> Path:
    """Write a table as CSV with a fixed float format and, by default, rows sorted by every
    column, so reruns are byte-identical. With ``schema`` (a name of
    :data:`analysis.schemas.TABLES`) the table is first given exactly its declared columns."""
    path = Path(path)
    if schema is not None:
        table = conform(table, schema)
    path.parent.mkdir(parents=True, exist_ok=True)
    if sort and not table.empty:
        table = table.sort_values(list(table.columns), kind="mergesort")
    table.to_csv(path, index=False, float_format=FLOAT_FORMAT, lineterminator="\n")
    return path


def plot_document_lengths(corpus: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Horizontal bars: words in each document, coloured by outlet, labelled by outlet and id.

    In: ``doc_id``, ``outlet``, ``n_words``. Out: the figure and the plotted values
    (``doc_id``, ``outlet``, ``n_words``).
    """
    data = corpus[["doc_id", "outlet", "n_words"]].sort_values(["outlet", "doc_id"]).reset_index(drop=True)
    colors = outlet_colors(corpus["outlet"])
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(data) + 1.2))
    labels = [f"{o} · {d[:12]}" for o, d in zip(data["outlet"], data["doc_id"])]
    ax.barh(labels, data["n_words"], color=[colors[o] for o in data["outlet"]])
    ax.invert_yaxis()
    ax.set_xlabel("words (article text, furniture excluded)")
    ax.set_title("Length of each document")
    for y, n in enumerate(data["n_words"]):
        ax.text(n, y, f" {n}", va="center", fontsize=8)
    return fig, data


def plot_publication_dates(corpus: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Dot per document on a date axis, one row per outlet; undated documents are listed in the
    plotted data with ``published`` = ``unknown`` and named in the figure's note.

    Out: the figure and the plotted values (``doc_id``, ``outlet``, ``published``).
    """
    data = corpus[["doc_id", "outlet", "published"]].sort_values(["outlet", "doc_id"]).reset_index(drop=True)
    dates = pd.to_datetime(data["published"], errors="coerce", format="%Y-%m-%d")
    colors = outlet_colors(corpus["outlet"])
    outlets = sorted(data["outlet"].unique())
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(outlets) + 1.5))
    for i, outlet in enumerate(outlets):
        mask = (data["outlet"] == outlet) & dates.notna()
        ax.scatter(dates[mask], [i] * int(mask.sum()), color=colors[outlet], s=60, zorder=3)
    ax.set_yticks(range(len(outlets)), outlets)
    ax.set_ylim(-0.7, len(outlets) - 0.3)
    ax.invert_yaxis()
    ax.grid(axis="x", color="#ddd")
    ax.set_title("When each document was published")
    undated = data.loc[dates.isna(), "outlet"].tolist()
    if undated:
        ax.set_xlabel("publication date; undated: " + ", ".join(undated))
    fig.autofmt_xdate()
    return fig, data


# --- loaded terms ---

def plot_term_rates(counts: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Heatmap: loaded terms (rows) × outlets (columns), colour = rate per 1,000 words, each cell
    annotated with the count; "n/a" where the lexicon has no variant in the outlet's language.

    In: :func:`analysis.terms.count_terms` output (``outlet``, ``term``, ``category``, ``count``,
    ``per_1k_words``). Terms no outlet uses are left out. Out: the figure and the plotted values
    (``term``, ``category``, ``outlet``, ``count``, ``per_1k_words``; missing = n/a).
    """
    used = counts.groupby("term")["count"].transform("sum") > 0
    data = counts.loc[used, ["term", "category", "outlet", "count", "per_1k_words"]]
    data = data.sort_values(["category", "term", "outlet"]).reset_index(drop=True)
    terms = data[["category", "term"]].drop_duplicates().sort_values(["category", "term"])
    outlets = sorted(counts["outlet"].unique())
    rates = data.pivot(index="term", columns="outlet", values="per_1k_words").reindex(
        index=terms["term"], columns=outlets)
    n = data.pivot(index="term", columns="outlet", values="count").reindex(
        index=terms["term"], columns=outlets)
    fig, ax = plt.subplots(figsize=(1.5 * len(outlets) + 4, 0.38 * len(terms) + 2))
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
            ax.text(j, i, label, ha="center", va="center", fontsize=8,
                    color="white" if dark else ("#999" if pd.isna(value) else "black"))
    colors = outlet_colors(outlets)
    for j, outlet in enumerate(outlets):
        ax.add_patch(plt.Rectangle((j - 0.5, -0.95), 1, 0.4, color=colors[outlet], clip_on=False))
    ax.set_xticks(range(len(outlets)), outlets, rotation=25, ha="right")
    ax.set_yticks(range(len(rates.index)),
                  [f"{t} ({c})" for t, c in zip(terms["term"], terms["category"])])
    ax.set_ylim(len(rates.index) - 0.5, -1)
    fig.colorbar(image, ax=ax, label="matches per 1,000 words", shrink=0.8)
    ax.set_title("Loaded terms per outlet (cell: count; colour: per 1,000 words)")
    return fig, data


def plot_keyness(top: pd.DataFrame, all_outlets=None,
                 columns: int = 2) -> tuple[plt.Figure, pd.DataFrame]:
    """Small multiples: per outlet, horizontal bars of the z-scores of its most over-used
    n-grams against the other outlets of its language, labelled with ``count_outlet/count_rest``.

    In: :func:`analysis.keyness.top_keyness` output; ``all_outlets``: every outlet of the corpus,
    so colours match the other figures (outlets without a comparison get no panel). Out: the figure and the plotted values
    (``outlet``, ``term``, ``ngram``, ``z``, ``score``, ``count_outlet``, ``count_rest``).
    """
    data = top[["outlet", "term", "ngram", "z", "score", "count_outlet", "count_rest"]]
    data = data.sort_values(["outlet", "z", "term"], ascending=[True, False, True]).reset_index(drop=True)
    outlets = sorted(data["outlet"].unique())
    colors = outlet_colors(outlets if all_outlets is None else all_outlets)
    rows = max(1, -(-len(outlets) // columns))
    per_panel = max([int((data["outlet"] == o).sum()) for o in outlets] or [1])
    fig, axes = plt.subplots(rows, columns, figsize=(5.2 * columns, 0.3 * per_panel * rows + 1.2 * rows),
                             squeeze=False, sharex=True)
    for ax, outlet in zip(axes.flat, outlets):
        part = data[data["outlet"] == outlet]
        ax.barh(range(len(part)), part["z"], color=colors[outlet])
        ax.set_yticks(range(len(part)), part["term"])
        ax.set_ylim(per_panel - 0.5, -0.5)
        for y, (z, a, b) in enumerate(zip(part["z"], part["count_outlet"], part["count_rest"])):
            ax.text(z, y, f" {a}/{b}", va="center", fontsize=7)
        ax.set_title(outlet, fontsize=10)
        ax.axvline(1.96, color="#999", linewidth=0.8, linestyle="--")
    for ax in list(axes.flat)[len(outlets):]:
        ax.set_visible(False)
    for ax in axes[-1]:
        ax.set_xlabel("z (log-odds, informative Dirichlet prior)")
    fig.suptitle("Words and word pairs each outlet over-uses against the others of its language "
                 "(label: count in outlet / in rest; dashed: z = 1.96)", fontsize=10)
    fig.tight_layout()
    return fig, data


# --- quotes ---

def plot_quote_overlap(overlap: pd.DataFrame, groups_per_outlet: pd.Series) -> tuple[plt.Figure, pd.DataFrame]:
    """Heatmap: quotation groups shared by each pair of outlets (diagonal: groups the outlet carries).

    In: ``overlap`` from ``quote_overlap`` (``outlet_a``, ``outlet_b``, ``shared_groups``) and
    ``groups_per_outlet`` (outlet → number of quotation groups). Out: the figure and the plotted
    values (``outlet_a``, ``outlet_b``, ``shared_groups``, both orders and the diagonal).
    """
    outlets = sorted(groups_per_outlet.index)
    both = pd.concat([overlap[["outlet_a", "outlet_b", "shared_groups"]],
                      overlap.rename(columns={"outlet_a": "outlet_b", "outlet_b": "outlet_a"})
                      [["outlet_a", "outlet_b", "shared_groups"]],
                      pd.DataFrame({"outlet_a": outlets, "outlet_b": outlets,
                                    "shared_groups": [int(groups_per_outlet[o]) for o in outlets]})])
    data = both.sort_values(["outlet_a", "outlet_b"]).reset_index(drop=True)
    matrix = data.pivot(index="outlet_a", columns="outlet_b", values="shared_groups") \
        .reindex(index=outlets, columns=outlets).fillna(0)
    fig, ax = plt.subplots(figsize=(1.3 * len(outlets) + 3, 1.0 * len(outlets) + 2))
    ax.set_title("Quotations shared by each pair of outlets")
    if not outlets:
        ax.text(0.5, 0.5, "no direct quotation in the corpus", ha="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig, data
    image = ax.imshow(matrix.to_numpy(), cmap="Blues")
    ax.set_xticks(range(len(outlets)), outlets, rotation=30, ha="right")
    ax.set_yticks(range(len(outlets)), outlets)
    top = matrix.to_numpy().max() or 1
    for i in range(len(outlets)):
        for j in range(len(outlets)):
            value = int(matrix.iat[i, j])
            ax.text(j, i, str(value), ha="center", va="center",
                    color="white" if value > top / 2 else "black")
    fig.colorbar(image, ax=ax, label="quotation groups")
    return fig, data


def plot_quote_presence(grouped: pd.DataFrame, groups: pd.DataFrame,
                        width: int = 60) -> tuple[plt.Figure, pd.DataFrame]:
    """Dot matrix: which outlet carries which quotation group (groups carried by ≥ 2 outlets).

    In: grouped quotes (``group_id``, ``outlet``, ``via_translation``) and the group summary
    (``group_id``, ``n_outlets``, ``canonical_text``). A hollow dot marks a version matched through
    the project's pivot translation. Out: the figure and the plotted values (``group_id``,
    ``outlet``, ``versions``, ``via_translation``).
    """
    shared = groups[groups["n_outlets"] >= 2].sort_values("group_id")
    g = grouped[grouped["group_id"].isin(shared["group_id"])]
    data = (g.groupby(["group_id", "outlet"]).agg(versions=("quote_id", "size"),
                                                 via_translation=("via_translation", "any"))
            .reset_index().sort_values(["group_id", "outlet"]).reset_index(drop=True))
    outlets = sorted(grouped["outlet"].unique())
    colors = outlet_colors(outlets)
    fig, ax = plt.subplots(figsize=(1.3 * len(outlets) + 5, 0.5 * max(len(shared), 1) + 2))
    rows = list(shared["group_id"])
    for r in data.itertuples(index=False):
        y, x = rows.index(r.group_id), outlets.index(r.outlet)
        ax.scatter(x, y, s=140, color="white" if r.via_translation else colors[r.outlet],
                   edgecolors=colors[r.outlet], linewidths=2, zorder=3)
    labels = [f"{gid} · {text[:width]}{'…' if len(text) > width else ''}"
              for gid, text in zip(shared["group_id"], shared["canonical_text"])]
    ax.set_yticks(range(len(rows)), labels, fontsize=8)
    ax.set_xticks(range(len(outlets)), outlets, rotation=30, ha="right")
    ax.set_xlim(-0.5, len(outlets) - 0.5)
    ax.set_ylim(-0.7, max(len(rows), 1) - 0.3)
    ax.invert_yaxis()
    ax.grid(color="#eee")
    ax.set_title("Which outlet carries which quotation (hollow: via the project's translation)")
    return fig, data


def plot_speakers(speakers: pd.DataFrame, top_n: int = 10) -> tuple[plt.Figure, pd.DataFrame]:
    """Horizontal bars: direct quotations per speaker, one bar per outlet and speaker.

    In: ``outlet``, ``speaker``, ``quotes`` (from ``count_speakers``); the ``top_n`` speakers
    with most quotations overall. Out: the figure and the plotted values.
    """
    totals = speakers.groupby("speaker")["quotes"].sum().sort_values(ascending=False, kind="mergesort")
    keep = sorted(totals.index[:top_n], key=lambda s: (-totals[s], s))
    data = speakers[speakers["speaker"].isin(keep)].sort_values(["speaker", "outlet"]).reset_index(drop=True)
    colors = outlet_colors(speakers["outlet"])
    fig, ax = plt.subplots(figsize=(8, 0.35 * len(data) + 1.5))
    labels = [f"{s} · {o}" for s, o in zip(data["speaker"], data["outlet"])]
    order = sorted(range(len(data)), key=lambda i: (keep.index(data["speaker"][i]), data["outlet"][i]))
    ax.barh([labels[i] for i in order], [data["quotes"][i] for i in order],
            color=[colors[data["outlet"][i]] for i in order])
    ax.invert_yaxis()
    ax.set_xlabel("direct quotations (split parts counted once)")
    ax.set_title("Who each outlet quotes")
    return fig, data


def plot_scare_quotes(scare: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Bars: scare quotes per outlet (count; rate per 1,000 words written beside each bar).

    In: ``outlet``, ``scare_quotes``, ``per_1k_words`` (from ``count_scare_quotes``).
    """
    data = scare[["outlet", "scare_quotes", "per_1k_words"]].sort_values("outlet") \
        .reset_index(drop=True)
    colors = outlet_colors(data["outlet"])
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(data) + 1.2))
    ax.barh(data["outlet"], data["scare_quotes"], color=[colors[o] for o in data["outlet"]])
    ax.invert_yaxis()
    for y, (n, rate) in enumerate(zip(data["scare_quotes"], data["per_1k_words"])):
        ax.text(n, y, f" {n} ({rate:.2f} per 1,000 words)", va="center", fontsize=8)
    ax.set_xlabel("scare quotes (short quoted names or terms, no attribution)")
    ax.set_title("Scare quotes per outlet")
    return fig, data


# --- stance and framing ---

def plot_target_stance(stance: pd.DataFrame, threshold: float = 0.1, all_outlets=None) -> tuple[plt.Figure, pd.DataFrame]:
    """Points with bootstrap intervals: each outlet's stance score toward each target.

    In: ``target_stance`` output (``outlet``, ``target``, ``label``, ``score``, ``low``, ``high``,
    ``n_sentences``; rows with ``n_units`` 0 left out). One row per target, outlets side by side; the
    band is the neutral zone (|score| < ``threshold``). ``all_outlets``: every outlet, so colours match
    the other figures. Out: the figure and the plotted values.
    """
    data = stance[stance["n_units"] > 0][["outlet", "target", "label", "score", "low", "high", "n_sentences"]].sort_values(
        ["target", "outlet"]).reset_index(drop=True)
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
    ax.set_yticks(range(len(targets)), targets)
    ax.invert_yaxis()
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("stance score (−1 against … +1 favour); bars: 95% bootstrap interval; grey: neutral")
    ax.set_title("Stance of each outlet toward each target")
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return fig, data


def plot_naming_matrix(matrix: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Heatmap of what each outlet calls each target: outlets in rows, ``target: name`` in
    columns, cell = number of uses (printed). Out: the figure and the matrix in long form
    (``outlet``, ``name``, ``count``)."""
    matrix = matrix.sort_index().reindex(sorted(matrix.columns), axis=1)
    fig, ax = plt.subplots(figsize=(max(6, 0.38 * len(matrix.columns) + 3), 0.5 * len(matrix) + 3.2))
    ax.imshow(matrix.to_numpy(), cmap="Blues", aspect="auto")
    ax.set_xticks(range(len(matrix.columns)), matrix.columns, rotation=70, ha="right", fontsize=8)
    ax.set_yticks(range(len(matrix.index)), matrix.index)
    top = matrix.to_numpy().max() if matrix.size else 0
    for i in range(matrix.shape[0]):
        for j in range(matrix.shape[1]):
            value = int(matrix.iat[i, j])
            if value:
                ax.text(j, i, str(value), ha="center", va="center", fontsize=7,
                        color="white" if value > top / 2 else "black")
    ax.set_title("What each outlet calls each target (uses of each name)")
    long = matrix.stack().rename("count").reset_index()
    long.columns = ["outlet", "name", "count"]
    return fig, long[long["count"] > 0].reset_index(drop=True)


def plot_framing_rates(devices: pd.DataFrame, kinds=("hedge", "attribution"), all_outlets=None) -> tuple[plt.Figure, pd.DataFrame]:
    """Grouped bars: hedges and attribution cues per 1,000 words, per outlet (outlet colours,
    hatched for the second kind). Out: the figure and ``outlet``, ``device``, ``per_1k_words``."""
    data = (devices[devices["device"].isin(kinds)].groupby(["outlet", "device"])["per_1k_words"].sum()
            .round(3).reset_index())
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
    (outlet, source) whose width grows with the count. Out: the figure and ``outlet``,
    ``source``, ``count``."""
    data = sources[["outlet", "source", "count"]].sort_values(["outlet", "source"]).reset_index(drop=True)
    outlets = sorted(data["outlet"].unique())
    cited = sorted(data["source"].unique())
    colors = outlet_colors(outlets if all_outlets is None else all_outlets)
    rows = max(len(outlets), len(cited), 1)
    fig, ax = plt.subplots(figsize=(8, 0.42 * rows + 1.2))
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
