"""One figure style for the suite, one way to save a figure (image, plotted values, alt text), and
the limits that keep every figure readable whatever the number of outlets or documents.

Figures are byte-for-byte reproducible: fixed SVG hash salt, text drawn as paths, no dates or
software versions in the metadata, CSVs sorted with a fixed float format. A figure draws at most
``MAX_ITEMS`` outlets (or names, groups, sources) on an axis: the largest by the figure's own
measure, the rest summed as "all others (N)" where a sum means something, and named in the
plotted values (the CSV) either way.
"""
from __future__ import annotations

import base64
import html
import io
import textwrap
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # noqa: E402  (no display here; the notebook shows the saved PNG)
import matplotlib.pyplot as plt
import pandas as pd
from cycler import cycler
from matplotlib.category import StrCategoryFormatter
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.ticker import FixedFormatter, FuncFormatter
from PIL import Image

from analysis.paths import figures_dir
from analysis.schemas import conform

# Okabe & Ito (2008) colour-blind-safe palette, black last.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
# Outlets past the eighth take these (Paul Tol's muted and light schemes): 20 outlets of a run get
# 20 different colours before any repeats; figures name outlets on an axis, colour only helps.
OUTLET_PALETTE = PALETTE + ["#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77",
                            "#CC6677", "#882255", "#AA4499", "#77AADD", "#EE8866", "#BBCC33"]
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


OTHERS_GREY = "#BBBBBB"  # outlets (or groups) past the palette, and summed "all others" rows


class OutletColors(dict):
    """Outlet -> colour for every figure of a run, and the grouping behind it: ``groups``
    (outlet -> group, empty without a grouping), ``group_colors`` (group -> colour) and
    ``shaded`` (each outlet has its own shade of its group's hue; else its group's colour)."""

    def __init__(self, colors: dict, groups: dict | None = None, group_colors: dict | None = None,
                 shaded: bool = True):
        super().__init__(colors)
        self.groups, self.group_colors, self.shaded = dict(groups or {}), dict(group_colors or {}), shaded

    def color(self, outlet: str) -> str:
        """The outlet's colour; grey for a row that is no outlet of the run ("all others")."""
        return self.get(outlet, OTHERS_GREY)

    def group_of(self, outlet: str) -> str:
        return self.groups.get(outlet, "")

    def in_group_order(self, outlets) -> list[str]:
        """``outlets`` sorted by group, then name (name order without a grouping)."""
        return sorted(outlets, key=lambda o: (self.group_of(o), o))


def outlet_colors(outlets, groups=None) -> OutletColors:
    """The colours of a run's outlets, the same in every figure: the one place they are chosen.

    ``outlets``: every outlet of the corpus, one entry per document (``corpus["outlet"]``): the
    colours depend on the whole set, so a figure's subset would shift them. Without ``groups``
    the outlets, sorted by name, take ``OUTLET_PALETTE`` in order; above its 20 colours the 20
    outlets with most documents keep theirs and the rest are grey (``OTHERS_GREY``): colours
    never repeat, and figures name outlets on their axes. With ``groups`` (outlet -> group, e.g.
    :func:`analysis.outlet_groups.outlet_groups`; an outlet without one is "unknown") each group
    takes a hue (groups by number of outlets, the 20 largest; the rest grey) and, up to 20
    outlets, each outlet a shade of its group's hue from dark to light; above 20 outlets every
    outlet takes its group's colour and figures carry a legend of the groups.
    """
    counts = pd.Series(list(outlets), dtype=object).value_counts()
    names = sorted(counts.index)
    limit = len(OUTLET_PALETTE)
    if groups is None:
        named = top_items(counts, limit)
        return OutletColors({o: OUTLET_PALETTE[named.index(o)] if o in named else OTHERS_GREY for o in names})
    group = {o: str(groups.get(o, "unknown")) if o in groups else "unknown" for o in names}
    sizes = pd.Series(group).value_counts()
    hued = top_items(sizes, limit)
    hue = {g: OUTLET_PALETTE[hued.index(g)] if g in hued else OTHERS_GREY for g in sorted(sizes.index)}
    shaded = len(names) <= limit
    colors = {}
    for g in sorted(sizes.index):
        members = sorted(o for o in names if group[o] == g)
        for i, o in enumerate(members):
            colors[o] = shade(hue[g], i, len(members)) if shaded and hue[g] != OTHERS_GREY else hue[g]
    return OutletColors(colors, group, hue, shaded)


def shade(color: str, i: int, n: int) -> str:
    """The ``i``-th of ``n`` shades of ``color``, from darker (mixed with up to 35% black) to
    lighter (up to 45% white); the colour itself when ``n`` is 1."""
    if n <= 1:
        return color
    t = -0.35 + 0.8 * i / (n - 1)
    rgb = [int(color[k:k + 2], 16) for k in (1, 3, 5)]
    mixed = [c * (1 + t) if t < 0 else c + (255 - c) * t for c in rgb]
    return "#" + "".join(f"{round(c):02X}" for c in mixed)


def group_legend(fig: plt.Figure, colors, outlets) -> None:
    """Below the figure, a legend of the groups of ``outlets`` (nothing without a grouping):
    with many outlets, outlets of a group share its colour and this legend names it."""
    if not isinstance(colors, OutletColors) or not colors.groups:
        return
    shown = sorted({colors.group_of(o) for o in outlets if o in colors.groups})
    if not shown:
        return
    handles = [Patch(color=colors.group_colors[g], label=g) for g in shown]
    fig.legend(handles=handles, title="outlet group" + ("" if colors.shaded else " (outlets in its colour)"),
               fontsize=9, title_fontsize=9, ncols=min(len(handles), 4), loc="upper left",
               bbox_to_anchor=(0.0, 0.0), frameon=False)


def figure_colors(colors, outlets) -> OutletColors:
    """``colors`` when given (the run's, from :func:`outlet_colors`), else colours from the
    outlets a figure draws (a figure called on its own)."""
    if colors is None:
        return outlet_colors(outlets)
    return colors if isinstance(colors, OutletColors) else OutletColors(colors)


@dataclass(frozen=True)
class SavedFigure:
    """A figure written to disk; shows itself in a notebook as the PNG with its alt text."""

    png: Path
    svg: Path
    csv: Path
    alt: str

    def _repr_html_(self) -> str:
        png = self.png.read_bytes()
        data = base64.b64encode(png).decode("ascii")
        with Image.open(io.BytesIO(png)) as image:
            # the smallest text, in points at the saved dpi: the browser test turns it into the
            # size a reader sees at the rendered width
            smallest = image.info.get(MIN_FONT_KEY, "")
            dpi = round(image.info.get("dpi", (plt.rcParams["savefig.dpi"],))[0])
        size = f' data-min-font-pt="{html.escape(smallest)}" data-dpi="{dpi}"' if smallest else ""
        return (f'<figure class="framelab-figure"><img src="data:image/png;base64,{data}" '
                f'alt="{html.escape(self.alt)}"{size} style="max-width:100%;height:auto"/>'
                f"<figcaption>{html.escape(self.alt)}</figcaption></figure>")


MIN_FONT_KEY = "framelab:min-font-pt"  # PNG text chunk: the figure's smallest text size


def smallest_text(fig: plt.Figure) -> float:
    """The size (pt) of the smallest visible, non-empty text of a figure (ticks, labels,
    annotations, legends); 0 for a figure without text."""
    sizes = [t.get_fontsize() for t in fig.findobj(Text)
             if t.get_visible() and t.get_text().strip()]
    return float(min(sizes, default=0))


def save_figure(fig: plt.Figure, name: str, data: pd.DataFrame, alt: str,
                out: Path | str | None = None) -> SavedFigure:
    """Write ``figures/<name>.svg``, ``.png`` and ``.csv`` (the plotted values) under ``out``.

    ``data`` is sorted by all its columns and written with ``FLOAT_FORMAT``; ``alt`` describes
    the figure for readers who cannot see it. The figure is closed. Reruns with the same inputs
    give identical bytes.
    """
    folder = figures_dir(out)
    folder.mkdir(parents=True, exist_ok=True)
    wrap_long_labels(fig)
    paths = SavedFigure(folder / f"{name}.png", folder / f"{name}.svg", folder / f"{name}.csv", alt)
    fig.savefig(paths.svg, format="svg", metadata={"Date": None, "Creator": None},
                bbox_inches="tight")
    fig.savefig(paths.png, format="png", bbox_inches="tight",
                metadata={"Software": None, MIN_FONT_KEY: f"{smallest_text(fig):g}"})
    plt.close(fig)
    write_table(data, paths.csv)
    return paths


LABEL_WIDTH = 24  # characters per line of a tick or legend label; longer ones wrap, never cut


def wrap_long_labels(fig: plt.Figure, width: int = LABEL_WIDTH) -> None:
    """Wrap tick and legend labels longer than ``width`` characters onto several lines, whole:
    one long outlet name would otherwise widen the figure and shrink all its text on the page."""
    def wrapped(text: str) -> str:
        return text if len(text) <= width or "\n" in text else "\n".join(
            textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False))

    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            named = axis.get_major_formatter()
            if isinstance(named, (FixedFormatter, FuncFormatter, StrCategoryFormatter)):  # names
                # the tick labels keep their size and rotation; only their text is wrapped
                axis.set_major_formatter(FuncFormatter(lambda x, pos, f=named: wrapped(f(x, pos))))
        legends = [ax.get_legend()] if ax.get_legend() else []
        for legend in legends + list(fig.legends):
            for text in legend.get_texts():
                text.set_text(wrapped(text.get_text()))


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


MAX_ITEMS = 25  # outlets, names, groups or sources drawn on one axis
MAX_PANELS = 12  # small multiples per figure
MAX_BARS = 40  # documents drawn one bar each; more become a distribution per outlet


def top_items(weights: pd.Series, n: int = MAX_ITEMS) -> list:
    """The ``n`` items (index labels) of largest weight, ties broken by name, returned in name
    order; all of them when there are at most ``n``."""
    if len(weights) <= n:
        return sorted(weights.index)
    ranked = sorted(weights.items(), key=lambda item: (-item[1], str(item[0])))
    return sorted(label for label, _ in ranked[:n])


def others_label(count: int, noun: str = "outlets") -> str:
    """The label of the summed rest: ``all others (12 outlets)``."""
    return f"all others ({count} {noun})"

