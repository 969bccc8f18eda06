"""Loaded-term matching: every rule with cases that must and must not match, in English and
French; spans point into the original text; the seed findings of the issue."""
from __future__ import annotations

import pandas as pd
import pytest

import analysis as fl
from conftest import FIXTURES

LEXICON = pd.DataFrame(
    [("occupation entity", "delegitimising label", "israel", "against", "en", "occupation entity"),
     ("occupation entity", "delegitimising label", "israel", "against", "fr", "entité d'occupation"),
     ("occupation", "delegitimising label", "", "", "en", "occupation"),
     ("legitimate government", "legitimising label", "taliban", "favour", "en", "legitimate government"),
     ("legitimate government", "legitimising label", "taliban", "favour", "fr", "gouvernement légitime"),
     ("illegitimate", "delegitimising label", "", "", "en", "illegitimate"),
     ("rebels", "delegitimising label", "massoud_nrf", "against", "en", "rebel"),
     ("rebels", "delegitimising label", "massoud_nrf", "against", "fr", "rebelle"),
     ("martyrs", "legitimising label", "", "", "en", "martyr"),
     ("martyrs", "legitimising label", "", "", "fr", "martyr"),
     ("treacherous", "delegitimising label", "massoud_nrf", "against", "en", "treacherous"),
     ("treacherous", "delegitimising label", "massoud_nrf", "against", "fr", "traître"),
     ("won't", "hedge", "", "", "en", "won't"),
     ("anti-taliban", "label", "", "", "en", "anti-Taliban"),
     ("nrf", "label", "", "", "*", "NRF")],
    columns=["term", "category", "target", "direction", "language", "variant"])


def _matches(text: str, language: str) -> list[tuple[str, str]]:
    corpus = pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "language": [language], "text": [text]})
    found = fl.find_terms(corpus, LEXICON)
    for row in found.itertuples():
        assert text[row.start:row.end] == row.matched_text  # spans index the original text
    return list(zip(found["term"], found["matched_text"]))


CASES = [
    # multi-word, case- and accent-insensitive
    ("en", "requested help from the Occupation Entity.", [("occupation entity", "Occupation Entity")]),
    ("fr", "l’aide de l’ENTITE D’OCCUPATION", [("occupation entity", "ENTITE D’OCCUPATION")]),
    ("fr", "un gouvernement legitime", [("legitimate government", "gouvernement legitime")]),
    # curly and straight apostrophes, apostrophe followed by a space
    ("fr", "l'entité d'occupation", [("occupation entity", "entité d'occupation")]),
    ("fr", "l'entité d' occupation", [("occupation entity", "entité d' occupation")]),
    ("en", "they won’t", [("won't", "won’t")]),
    # hyphens and dashes versus spaces
    ("en", "an occupation-entity", [("occupation entity", "occupation-entity")]),
    ("en", "the anti Taliban front", [("anti-taliban", "anti Taliban")]),
    ("en", "the anti–Taliban front", [("anti-taliban", "anti–Taliban")]),
    # line breaks and runs of spaces
    ("en", "the occupation\nentity", [("occupation entity", "occupation\nentity")]),
    ("en", "the occupation  \n entity", [("occupation entity", "occupation  \n entity")]),
    # quotation marks around and inside a term
    ("en", 'the "occupation entity" said', [("occupation entity", "occupation entity")]),
    ("en", 'the "occupation" entity', [("occupation entity", 'occupation" entity')]),
    ("en", "the ‘occupation’ entity", [("occupation entity", "occupation’ entity")]),
    ("fr", "« entité d’occupation »", [("occupation entity", "entité d’occupation")]),
    ("fr", "« entité » d’occupation", [("occupation entity", "entité » d’occupation")]),
    # simple plurals per language
    ("en", "rebels and a rebel", [("rebels", "rebels"), ("rebels", "rebel")]),
    ("en", "10 martyrs", [("martyrs", "martyrs")]),
    ("en", "occupation entities", [("occupation entity", "occupation entities")]),
    ("fr", "les rebelles et le rebelle", [("rebels", "rebelles"), ("rebels", "rebelle")]),
    ("fr", "des traîtres", [("treacherous", "traîtres")]),
    ("fr", "les entités d'occupation", [("occupation entity", "entités d'occupation")]),
    ("fr", "des martyrs", [("martyrs", "martyrs")]),
    # whole words only
    ("en", "its illegitimate struggle", [("illegitimate", "illegitimate")]),
    ("en", "an illegitimate government", [("illegitimate", "illegitimate")]),
    ("en", "the rebellion grew", []),
    ("fr", "la rébellion", []),
    ("en", "the rebelx", []),
    ("en", "unoccupation entity", []),
    ("en", "martyrdom", []),
    ("fr", "la trahison", []),
    # leftmost-longest: the longer term wins over the word inside it
    ("en", "the occupation entity and the occupation", [("occupation entity", "occupation entity"),
                                                        ("occupation", "occupation")]),
    # an elided article or possessive is a word of its own
    ("fr", "contre l'occupation", []),  # "occupation" has an English variant only
    ("en", "Israel's occupation", [("occupation", "occupation")]),
    # variants match documents of their language; "*" variants match every language
    ("fr", "the occupation entity", []),
    ("en", "le gouvernement légitime", []),
    ("fr", "le NRF et le nrf", [("nrf", "NRF"), ("nrf", "nrf")]),
    ("ar", "NRF", [("nrf", "NRF")]),
]


@pytest.mark.parametrize("language, text, expected", CASES)
def test_matching_rules(language, text, expected):
    assert _matches(text, language) == expected


def test_arabic_script_variants_match_whole_words():
    lexicon = pd.DataFrame([("occupation entity", "x", "", "", "ar", "الكيان المحتل")],
                           columns=LEXICON.columns)
    text = "طلب مساعدة من الكيان المحتل، وقال"
    corpus = pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "language": ["ar"], "text": [text]})
    found = fl.find_terms(corpus, lexicon)
    assert found["matched_text"].tolist() == ["الكيان المحتل"]
    corpus["text"] = "الكيان المحتلين"
    assert fl.find_terms(corpus, lexicon).empty


def test_seed_findings(seed_corpus):
    matches = fl.match_terms(seed_corpus, fl.load_lexicons(FIXTURES / "lexicon.yaml"))
    docs = matches.groupby("term")["doc_id"].agg(lambda s: sorted({d[:3] for d in s}))
    assert docs["occupation entity"] == ["000"]
    assert docs["treacherous"] == ["004"] and docs["legitimate government"] == ["004"]
    assert docs["rebels"] == ["002"]  # "Le chef des rebelles"
    legit = matches[matches["term"] == "legitimate government"]
    assert legit["matched_text"].tolist() == ["legitimate government"]
    illegit = matches[matches["term"] == "illegitimate"]
    assert illegit["matched_text"].tolist() == ["illegitimate"]
    # no match of "legitimate" starts inside "illegitimate"
    for row in matches.itertuples():
        text = seed_corpus.set_index("doc_id").loc[row.doc_id, "text"]
        assert text[row.start:row.end] == row.matched_text
        assert row.start == 0 or not text[row.start - 1].isalnum()
        assert row.matched_text in row.sentence
    assert {"sentence_id", "sentence"} <= set(matches.columns)


def test_count_terms_rates_and_zero_rows(seed_corpus):
    lexicon = fl.load_lexicons(FIXTURES / "lexicon.yaml")
    matches = fl.find_terms(seed_corpus, lexicon)
    counts = fl.count_terms(matches, seed_corpus, lexicon).set_index(["outlet", "term"])
    hindukush = counts.loc[("Voice of Hindukush", "interim government")]
    words = seed_corpus.loc[seed_corpus["outlet"] == "Voice of Hindukush", "n_words"].sum()
    assert hindukush["count"] == 3 and hindukush["words"] == words
    assert hindukush["per_1k_words"] == pytest.approx(3 / words * 1000)
    assert counts.loc[("Al Mayadeen English", "treacherous"), "count"] == 0
    # "proxy force" has no French variant: no row for the French outlet, not a false zero
    assert ("Al-Manar (French)", "proxy force") not in counts.index
    assert ("KabulNow", "proxy force") in counts.index
    assert counts["count"].sum() == len(matches)
    without = fl.count_terms(matches, seed_corpus)
    assert (without["count"] > 0).all() and without["count"].sum() == len(matches)


def test_narrative_escapes_untrusted_values():
    corpus = pd.DataFrame({"doc_id": ["d"], "outlet": ["<b>Outlet</b>"], "language": ["en"],
                           "text": ["the <i>rebels</i> said"], "n_words": [4]})
    matches = fl.match_terms(corpus, LEXICON)
    counts = fl.count_terms(matches, corpus, LEXICON)
    html = fl.describe_term_counts(counts, matches, LEXICON).data
    assert "&lt;b&gt;Outlet&lt;/b&gt;" in html and "<b>Outlet" not in html
    assert "rebels ×1" in html


def test_no_match_gives_empty_tables_with_columns():
    corpus = pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "language": ["en"],
                           "text": ["Nothing loaded here."], "n_words": [3]})
    matches = fl.match_terms(corpus, LEXICON)
    assert matches.empty and {"term", "start", "sentence_id", "sentence"} <= set(matches.columns)
    counts = fl.count_terms(matches, corpus, LEXICON)
    assert (counts["count"] == 0).all() and len(counts) == LEXICON.query(
        "language in ['en', '*']")["term"].nunique()


def test_lexicons_parameter_is_checked(tmp_path):
    assert fl.check_parameters(lexicons="").lexicons is None  # the story's lexicons, or none
    with pytest.raises(ValueError, match="parameter lexicons: .*nowhere.yaml does not exist"):
        fl.check_parameters(lexicons=str(tmp_path / "nowhere.yaml"))
