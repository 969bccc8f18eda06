"""The PolNeAR scorer's reading of a gold Source: which sources name someone (benchmarks/eval_polnear.py)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "eval_polnear.py"
_SPEC = importlib.util.spec_from_file_location("eval_polnear", _PATH)
eval_polnear = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(eval_polnear)


@pytest.mark.parametrize("source, expected", [
    ("Bruce Turry", {"turry"}),
    ("former Gov. Bill Richardson", {"richardson"}),
    ("Sen. Tom Carper of Delaware", {"carper", "delaware"}),
    ("the White House spokesman, Josh Earnest,", {"earnest"}),  # not "house"
    ("Clinton’s campaign chairman, John Podesta", {"podesta"}),  # not "clinton"
    ("Iowa State University’s Dianne Bystrom", {"bystrom"}),
    # descriptions name nobody
    ("the presumptive Republican presidential nominee", set()),
    ("a German user from Hanover going by the handle Pulvermann", set()),
    ("one well-connected Democrat familiar with the campaign", set()),
    ("a longtime adviser to both Clintons", set()),
    ("he", set()),
])
def test_a_gold_source_names_someone_only_when_its_head_is_capitalised(source, expected):
    assert eval_polnear._named(source) == expected
