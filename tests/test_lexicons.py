"""Lexicons: the seed lexicon loads, and every malformed entry is named with its file."""
from __future__ import annotations

import pytest

import analysis as fl
from analysis.lexicons import LEXICON_COLUMNS, LexiconError


def _write(tmp_path, text, name="lex.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_seed_lexicon_has_the_required_terms_in_english_and_french():
    lexicon = fl.load_lexicons()
    assert list(lexicon.columns[:6]) == LEXICON_COLUMNS
    for term in ["occupation entity", "treacherous", "legitimate government", "illegitimate",
                 "interim government", "martyrs", "hasty exit", "rebels",
                 "propagated false information", "drumming up support"]:
        assert term in set(lexicon["term"]), term
    forms = set(zip(lexicon["language"], lexicon["variant"]))
    assert ("fr", "entité d'occupation") in forms and ("fr", "rebelle") in forms
    assert ("fr", "traître") in forms and ("ar", "الكيان المحتل") in forms
    assert set(lexicon["direction"]) <= {"", "favour", "against"}


def test_one_row_per_variant_with_target_and_direction(tmp_path):
    path = _write(tmp_path, """terms:
  - term: rebels
    category: delegitimising label
    target: massoud_nrf
    direction: against
    variants: {en: [rebel, insurgent], fr: [rebelle]}
""")
    lexicon = fl.load_lexicons(path)
    assert lexicon[LEXICON_COLUMNS].values.tolist() == [
        ["rebels", "delegitimising label", "massoud_nrf", "against", "en", "rebel"],
        ["rebels", "delegitimising label", "massoud_nrf", "against", "en", "insurgent"],
        ["rebels", "delegitimising label", "massoud_nrf", "against", "fr", "rebelle"]]


BAD_ENTRIES = [
    ("- category: hedge\n    variants: {en: [x]}", r"missing 'term'"),
    ("- term: x\n    variants: {en: [x]}", r"\('x'\): missing 'category'"),
    ("- term: x\n    category: hedge", r"missing 'variants'"),
    ("- term: x\n    category: hedge\n    variants: [x, y]", r"'variants' must map language codes"),
    ("- term: x\n    category: hedge\n    variants: {en: x}", r"variants for 'en' must be a non-empty list"),
    ("- term: x\n    category: hedge\n    variants: {english: [x]}", r"'english' is not an ISO 639-1 code"),
    ("- term: x\n    category: hedge\n    colour: red\n    variants: {en: [x]}", r"unknown key\(s\) colour"),
    ("- term: x\n    category: hedge\n    direction: pro\n    variants: {en: [x]}", r"direction 'pro'"),
    ("- term: x\n    category: hedge\n    variants: {en: [x]}\n  - term: X\n    category: hedge\n"
     "    variants: {en: [y]}", r"\('X'\): duplicate term 'X' \(also entry 1\)"),
]


@pytest.mark.parametrize("entries, message", BAD_ENTRIES)
def test_malformed_entries_are_named_with_file_and_entry(tmp_path, entries, message):
    path = _write(tmp_path, "terms:\n  " + entries + "\n")
    with pytest.raises(LexiconError, match=r"lex\.yaml, entry \d.*" + message):
        fl.load_lexicons(path)


def test_malformed_files_and_cross_file_duplicates(tmp_path):
    with pytest.raises(LexiconError, match=r"lex\.yaml: a lexicon is a mapping with a 'terms:' list"):
        fl.load_lexicons(_write(tmp_path, "- term: x\n"))
    with pytest.raises(LexiconError, match=r"bad\.yaml: not valid YAML"):
        fl.load_lexicons(_write(tmp_path, "terms: [unclosed\n", "bad.yaml"))
    with pytest.raises(LexiconError, match=r"missing\.yaml: no such lexicon file"):
        fl.load_lexicons(tmp_path / "missing.yaml")
    folder = tmp_path / "two"
    folder.mkdir()
    entry = "terms:\n  - term: rebels\n    category: x\n    variants: {en: [rebel]}\n"
    _write(folder, entry, "a.yaml")
    _write(folder, entry, "b.yaml")
    with pytest.raises(LexiconError, match=r"b\.yaml: term 'rebels' is already defined in .*a\.yaml"):
        fl.load_lexicons(folder)
