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


def test_gold_quotations_are_direct_contents_and_the_quoted_segments_of_mixed_ones():
    import pandas as pd
    text = ("Reid said the senator faced a ''test of leadership'' and “a choice.” "
            "“We will win,” Sanders said. Smith said it was over.")
    mixed = (text.index("the senator"), text.index("choice.") + len("choice."))  # the last mark left out
    direct = (text.index("“We"), text.index(",” Sanders"))
    indirect = (text.index("it was"), text.index(" over.") + 5)
    gold = pd.DataFrame({"kind": ["mixed", "direct", "indirect"],
                         "content_start": [mixed[0], direct[0], indirect[0]],
                         "content_end": [mixed[1], direct[1], indirect[1]]})
    spans = eval_polnear.gold_quotations(text, gold)
    assert [text[a:b] for a, b in spans] == ["“We will win", "''test of leadership''", "“a choice.”"]


def test_gold_quotations_read_single_straight_marks_and_mis_typed_pairs_but_not_apostrophes():
    import pandas as pd
    text = ("Graham praised Clinton as 'work horse, not show horse.' Cruz said the announcement was "
            "“highly significant.\" and that Trump's aides don't call him “rapists“ at all.")
    gold = pd.DataFrame({"kind": ["mixed"], "content_start": [text.index("Clinton")], "content_end": [len(text)]})
    spans = eval_polnear.gold_quotations(text, gold)
    assert [text[a:b] for a, b in spans] == ["'work horse, not show horse.'", "“highly significant.\"", "“rapists“"]
