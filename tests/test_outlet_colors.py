"""One colour per outlet (or per group) for every figure of a run: analysis/figures/style.py's
outlet_colors and analysis/outlet_groups.py's run_colors."""
from __future__ import annotations

import pandas as pd
import pytest

import analysis as fl
from analysis.figures.style import OTHERS_GREY, OUTLET_PALETTE, shade


def test_without_groups_outlets_by_name_take_the_palette():
    colors = fl.outlet_colors(["b", "a", "c", "a"])
    assert colors == {"a": OUTLET_PALETTE[0], "b": OUTLET_PALETTE[1], "c": OUTLET_PALETTE[2]}
    assert colors.groups == {} and colors.in_group_order(["c", "a"]) == ["a", "c"]


def test_past_twenty_outlets_colours_never_repeat_the_rest_is_grey():
    # outlet i has i + 1 documents: the 20 with most documents (130-149) keep a colour each
    outlets = [f"o{i:03d}" for i in range(150) for _ in range(i + 1)]
    colors = fl.outlet_colors(outlets)
    coloured = {o: c for o, c in colors.items() if c != OTHERS_GREY}
    assert sorted(coloured) == [f"o{i:03d}" for i in range(130, 150)]
    assert len(set(coloured.values())) == 20 == len(OUTLET_PALETTE)
    assert colors["o000"] == OTHERS_GREY


def test_few_outlets_in_groups_are_shades_of_their_group_hue():
    groups = pd.Series({"a": "left", "b": "left", "c": "right", "d": "left"})
    colors = fl.outlet_colors(["a", "b", "c", "d"], groups)
    # left (3 outlets) is the largest group: the first hue, its outlets dark to light
    assert colors.group_colors == {"left": OUTLET_PALETTE[0], "right": OUTLET_PALETTE[1]}
    assert [colors[o] for o in "abd"] == [shade(OUTLET_PALETTE[0], i, 3) for i in range(3)]
    assert len({colors[o] for o in "abd"}) == 3 and colors["c"] == OUTLET_PALETTE[1]
    assert colors.shaded and colors.in_group_order(["d", "c", "a"]) == ["a", "d", "c"]


@pytest.mark.parametrize(("color", "i", "n", "expected"), [
    ("#0072B2", 0, 1, "#0072B2"),    # alone: the hue itself
    ("#0072B2", 0, 3, "#004A74"),    # darkest: 35% black
    ("#0072B2", 2, 3, "#73B1D5"),    # lightest: 45% white
    ("#000000", 0, 2, "#000000"),    # black cannot get darker
])
def test_shades(color, i, n, expected):
    assert shade(color, i, n) == expected


def test_many_outlets_in_groups_take_their_group_colour():
    outlets = [f"Outlet {i:03d}" for i in range(150)]
    groups = pd.Series({o: ("left", "centre", "right")[i % 3] for i, o in enumerate(outlets)})
    colors = fl.outlet_colors(outlets, groups)
    assert not colors.shaded and len(set(colors.values())) == 3
    assert colors["Outlet 000"] == colors.group_colors["left"]
    missing = fl.outlet_colors(outlets + ["Outlet 150"], groups)  # no value: the group "unknown"
    assert missing.group_of("Outlet 150") == "unknown" and missing["Outlet 150"] == missing.group_colors["unknown"]


def test_run_colors_reads_the_groups_from_the_corpus_and_names_a_missing_column():
    documents = pd.DataFrame({"outlet": ["A", "B", "C"], "status": ["analysed", "analysed", "skipped"],
                              "leaning": ["left", "right", "left"]})
    colors = fl.run_colors(documents, "leaning")
    assert set(colors) == {"A", "B"} and colors.groups == {"A": "left", "B": "right"}
    assert fl.run_colors(documents) == fl.outlet_colors(["A", "B"])
    with pytest.raises(ValueError, match="group_by='country': the corpus has no metadata column 'country'"):
        fl.run_colors(documents, "country")
