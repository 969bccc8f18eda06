"""Per-language resources: one folder per language, checked on reading, never another language's."""
from __future__ import annotations

import pytest

import analysis as fl
from analysis.languages import read_language


def test_english_and_french_have_resources_and_arabic_has_a_recorded_fallback():
    assert {"en", "fr"} <= set(fl.available_languages())
    assert fl.language_resources("ar").found is False and fl.language_resources("ar").verbs() == ()
    assert "no language resources" in fl.resources_note("ar")
    assert fl.resources_note("fr") == "fr: data/languages/fr/"


def test_claim_cues_are_built_from_roles():
    cues = fl.language_resources("en").claim_cues()
    assert "denied" in cues["refutation"] and "denied" in cues["reporting_refutation"]
    assert "claimed" in cues["attribution"]   # a distancing verb attributes words
    assert "claimed that" in cues["hedge"] and "claimed" not in cues["hedge"]  # not "claimed rule"
    for neutral in ("said", "reported", "announced", "claims", "allegations"):   # reporting, nouns
        assert neutral not in cues["hedge"], neutral
    assert "so-called" in cues["hedge"] and "so-called" in cues["distancing"]
    assert "prétendu" in fl.language_resources("fr").claim_cues()["distancing"]
    assert "revealed" in cues["factive"] and "revealed" not in cues["attribution"]


def test_every_reporting_verb_has_one_role():
    for code in fl.available_languages():
        roles = fl.language_resources(code).reporting_verbs
        verbs = [v for vs in roles.values() for v in vs]
        assert len(verbs) == len(set(verbs)), code


def test_languages_table_names_the_fallback():
    import pandas as pd

    corpus = pd.DataFrame({"language": ["en", "en", "ps"]})
    table = fl.languages_table(corpus)
    assert table["documents"].tolist() == [2, 1]
    assert "no language resources" in table.loc[table["language"] == "ps", "resources"].iloc[0]


@pytest.mark.parametrize("content, message", [
    ("reporting_verbs: {neutral: said}", "reporting_verbs.neutral: expected a list"),
    ("reporting_verbs: {praising: [said]}", "unknown reporting_verbs praising"),
    ("cues: {hedge: [allegedly, 3]}", "cues.hedge: expected a list of words"),
    ("quotes: {scare_max_words: many}", "quotes.scare_max_words: expected a whole number"),
    ("sentiment: magic", "sentiment: 'magic' is not one of"),
    ("inflections: [[s]]", "inflections: expected"),
    ("reporting_verbs: [said", "not valid YAML"),
    ("title_roles: [Sen.]", "title_roles: expected a mapping of titles to role nouns"),
    ("title_roles: {Sen.: [senator]}", "title_roles: expected a mapping of titles to role nouns"),
    ("quotes: {quantifiers: some}", "quotes.quantifiers: expected a list of words"),
])
def test_a_bad_resource_file_names_file_and_field(tmp_path, content, message):
    folder = tmp_path / "xx"
    folder.mkdir()
    (folder / "language.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(fl.LanguageResourceError, match=message):
        read_language(folder)
