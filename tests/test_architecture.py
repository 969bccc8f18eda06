"""How the library is organised: one home per job, declared tables, bounded module sizes."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pandas as pd
import pytest

import analysis as fl
from analysis.marks import APOSTROPHES, DOUBLE_QUOTES, QUOTE_MARKS

PACKAGE = Path(fl.__file__).parent
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_LINES = 450
# Every quotation-mark character (and typographic apostrophe); "'" and '"' are Python's own quotes.
MARK_CHARACTERS = set(APOSTROPHES + DOUBLE_QUOTES + QUOTE_MARKS) - {"'", '"', "`"}


def _code_strings(path: Path) -> list[tuple[int, str]]:
    """String literals of a module that are code, not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_over_450_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_quote_mark_characters_are_written_in_one_module():
    offenders = [f"{path.relative_to(PACKAGE)}:{line}" for path in MODULES if path.name != "marks.py"
                 for line, value in _code_strings(path) if MARK_CHARACTERS & set(value)]
    assert offenders == []


def test_framing_does_not_import_stance():
    source = (PACKAGE / "framing.py").read_text(encoding="utf-8")
    assert not re.search(r"^\s*(from|import) analysis\.stance", source, re.MULTILINE)


def test_readme_table_dictionary_is_generated_from_the_schemas():
    readme = (fl.ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- tables:start -->")[1].split("<!-- tables:end -->")[0]
    assert block.strip() == fl.schemas.data_dictionary().strip(), (
        "README table dictionary is stale: run `python -m analysis tables` and paste its output")


def test_every_written_table_is_declared_once_with_one_name_per_rate():
    names = [c.name for t in fl.TABLES.values() for c in t.columns]
    assert "per_1k" not in names and "scare_per_1000_words" not in names
    quoted = [t.name for t in fl.TABLES.values() if "quote_text" in t.names]
    assert "text" not in {c for t in quoted for c in fl.TABLES[t].names}


def test_a_stage_fails_naming_the_missing_column():
    sentences = fl.empty_table("sentences").drop(columns=["sentence"])
    with pytest.raises(fl.SchemaError, match="find_mentions: the sentences table lacks column.s. sentence"):
        fl.find_mentions(sentences, [])


def test_read_table_keeps_empty_text_and_types(tmp_path):
    quotes = pd.DataFrame([{**{c: "" for c in fl.TABLES["quotes"].names}, "quote_id": "d:q000", "doc_id": "007",
                            "start": 3, "end": 9, "sentence_id": 0, "depth": 0, "via_translation": False,
                            "cue_start": -1, "cue_end": -1}])
    fl.write_table(quotes, tmp_path / "quotes.csv", schema="quotes")
    back = fl.read_table(tmp_path / "quotes.csv", "quotes")
    assert back.loc[0, "doc_id"] == "007" and back.loc[0, "speaker"] == "" and back.loc[0, "start"] == 3
    pd.testing.assert_frame_equal(back, fl.schemas.conform(quotes, "quotes"))


def test_read_table_names_the_file_when_a_column_is_missing(tmp_path):
    path = tmp_path / "loaded_terms.csv"
    path.write_text("doc_id,outlet\nd,O\n", encoding="utf-8")
    with pytest.raises(fl.SchemaError, match="loaded_terms.csv: .*lacks column"):
        fl.read_table(path, "loaded_terms")


@pytest.mark.slow
def test_every_table_the_pipeline_writes_is_declared(seed_run):
    out, result = seed_run
    assert result.returncode == 0, result.stdout + result.stderr
    written = sorted(p.stem for p in (out / "reports" / "tables").glob("*.csv"))
    assert written == sorted(n for n, t in fl.TABLES.items() if t.written)
    for name in written:
        if name != "framing_summary":  # its per-target columns are named after the story's targets
            fl.read_table(out / "reports" / "tables" / f"{name}.csv", name)
