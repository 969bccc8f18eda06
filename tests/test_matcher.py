"""The one phrase matcher: folding, separators, whole words, inflection, insertions, the capitals
rule, leftmost-longest, keys; cases that must and must not match, in English and French."""
from __future__ import annotations

import re

import pytest

import analysis as fl
from analysis.matcher import PhraseMatcher, inflect, list_matcher, normalise, with_insertions

EN_PLURALS = (("", "s"), ("", "es"), ("y", "ies"))


def _found(matcher: PhraseMatcher, text: str, language: str = "en") -> list[tuple[str, object]]:
    return [(text[m.start:m.end], m.key) for m in matcher.find(text, language)]


@pytest.mark.parametrize("text, expected", [
    ("The occupation entity said", [("occupation entity", "oe")]),
    ("the Occupation-Entity", [("Occupation-Entity", "oe")]),
    ("the occupation\nentity", [("occupation\nentity", "oe")]),
    ('the "occupation" entity', [('occupation" entity', "oe")]),
    ("the occupation entities", []),                       # no inflection unless asked
    ("an illegitimate government", []),                    # whole words only
    ("a legitimate government", [("legitimate government", "lg")]),
    ("legitimate", [("legitimate", "l")]),
])
def test_whole_words_separators_and_longest_first(text, expected):
    matcher = PhraseMatcher([("oe", "en", "occupation entity"), ("lg", "en", "legitimate government"),
                             ("l", "en", "legitimate")])
    assert _found(matcher, text) == expected


def test_inflection_per_language():
    matcher = PhraseMatcher([("oe", "en", "occupation entity"), ("r", "fr", "rebelle")],
                            inflections={"en": EN_PLURALS, "fr": (("", "s"),)})
    assert _found(matcher, "two occupation entities") == [("occupation entities", "oe")]
    assert _found(matcher, "les rebelles", "fr") == [("rebelles", "r")]
    assert _found(matcher, "les rebelles", "en") == []     # a French variant does not match English


def test_insertions_let_one_listed_word_inside_a_compound():
    matcher = list_matcher(["a déclaré"], insertions=["également", "aussi"])
    assert _found(matcher, "Il a également déclaré") == [("a également déclaré", "a déclaré")]
    assert _found(matcher, "Il a déclaré") == [("a déclaré", "a déclaré")]
    assert _found(matcher, "Il a enfin déclaré") == []      # not a listed word
    assert with_insertions("pointed out", ["also"]) == ["pointed out", "pointed also out"]


@pytest.mark.parametrize("text, expected", [
    ("the US said", [("US", "us")]),
    ("all of us said", []),
    ("Us and them", []),
    ("the NRF denied", [("NRF", "nrf")]),
    ("the nrf denied", []),
    ("the Taliban", [("Taliban", "t")]),
    ("the taliban", [("taliban", "t")]),                    # capitals rule only for short capitals
])
def test_capitals_rule(text, expected):
    matcher = PhraseMatcher([("us", "*", "US"), ("nrf", "*", "NRF"), ("t", "*", "Taliban")], capitals=True)
    assert _found(matcher, text) == expected


def test_a_form_listed_for_two_keys_reports_both():
    matcher = PhraseMatcher([("hedge", "en", "claimed"), ("attribution", "en", "claimed")])
    assert matcher.find("He claimed it", "en")[0].keys == ("hedge", "attribution")


def test_any_language_phrases_match_every_language():
    matcher = PhraseMatcher([("n", "*", "NRF"), ("r", "fr", "rebelle")])
    assert [m.key for m in matcher.find("NRF rebelle", "fr")] == ["n", "r"]
    assert [m.key for m in matcher.find("NRF rebelle", "ar")] == ["n"]


def test_a_phrase_without_letters_is_refused():
    with pytest.raises(ValueError, match="has no letters"):
        PhraseMatcher([("x", "en", " - ")])


def test_folded_text_is_shared_by_matchers():
    folded = fl.FoldedText.of("Masoud a prétendu que « l’entité d’occupation »")
    hedges, labels = list_matcher(["a prétendu"]), list_matcher(["entité d'occupation"])
    assert [m.key for m in hedges.find(folded, "fr")] == ["a prétendu"]
    match = labels.find(folded, "fr")[0]
    assert folded.text[match.start:match.end] == "entité d’occupation"


@pytest.mark.parametrize("pattern, rules, forms", [
    ("rebel", EN_PLURALS, ["rebel", "rebels", "rebeles"]),
    ("occupation entity", EN_PLURALS, ["occupation entity", "occupation entities", "occupations entity"]),
    ("martyr", (), ["martyr"]),
    ("of", EN_PLURALS, ["of"]),                             # short words are never inflected
])
def test_inflect(pattern, rules, forms):
    assert set(forms) <= set(inflect(pattern, rules))
    assert inflect(pattern, rules)[0] == pattern


def test_normalise_keeps_offsets_into_the_original():
    text = "« Entité\u00a0d’occupation »\n"
    normal, offsets = normalise(text)
    assert normal == " entite d occupation "
    assert offsets[-1] == len(text)
    assert text[offsets[1]:offsets[len(normal) - 2] + 1] == "Entité\u00a0d’occupation"
    assert normalise("ﬁn")[0] == "fin" and normalise("ﬁn")[1].tolist() == [0, 0, 1, 2]


def test_fast_normalise_equals_fold_text_on_the_seeds(seed_corpus):
    for text in list(seed_corpus["text"]) + ["Straße – ﬁn «\u00a0x\u00a0»", "كيانٌ ـ المحتل"]:
        normal, offsets = normalise(text)
        folded = fl.fold_text(text)[0]
        assert normal == re.sub(r"[ \-\"']+", " ", folded)
        assert len(offsets) == len(normal) + 1 and offsets[-1] == len(text)
