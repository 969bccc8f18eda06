"""Keyness: Monroe et al. log-odds and G² against a worked example computed by hand."""
from __future__ import annotations

import math

import pandas as pd
import pytest

import analysis as fl
from analysis.keyness import log_likelihood, log_odds_dirichlet


def _corpus(rows):
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "language", "text"])


def test_worked_example_by_hand():
    # Outlet A: 10 words, "x" 3 times; rest (B): 10 words, "x" once. No stopwords, unigrams.
    # N = 20, alpha0 = N = 20, a_x = 20 * 4 / 20 = 4.
    # delta = ln((3+4)/(10+20-3-4)) - ln((1+4)/(10+20-1-4)) = ln(7/23) - ln(5/25)
    #       = -1.1895841 - (-1.6094379) = 0.4198538
    # var = 1/7 + 1/5 = 0.3428571; z = 0.4198538 / 0.5855400 = 0.7170369
    # G²: E_A = E_B = 10 * 4 / 20 = 2; G² = 2 * (3 ln(3/2) + 1 ln(1/2))
    #     = 2 * (1.2163953 - 0.6931472) = 1.0464963, positive (3/10 > 1/10)
    corpus = _corpus([("a", "A", "en", "x x x a b c d e f g"),
                      ("b", "B", "en", "x h i j k l m n o p")])
    table = fl.score_keyness(corpus, stopwords={}, min_count=1, max_n=1)
    row = table[(table["outlet"] == "A") & (table["term"] == "x")].iloc[0]
    assert row["score"] == pytest.approx(0.4198538, abs=1e-6)
    assert row["z"] == pytest.approx(0.7170369, abs=1e-6)
    assert row["g2"] == pytest.approx(1.0464963, abs=1e-6)
    assert (row["count_outlet"], row["count_rest"]) == (3, 1)
    mirror = table[(table["outlet"] == "B") & (table["term"] == "x")].iloc[0]
    assert mirror["score"] == pytest.approx(-0.4198538, abs=1e-6)
    assert mirror["g2"] == pytest.approx(-1.0464963, abs=1e-6)


def test_functions_agree_with_the_formulas():
    delta, z = log_odds_dirichlet(3, 10, 1, 10, alpha0=10)
    a = 10 * 4 / 20  # a_x = 2
    expected = math.log(5 / (10 + 10 - 3 - a)) - math.log(3 / (10 + 10 - 1 - a))
    assert delta == pytest.approx(expected)
    assert z == pytest.approx(expected / math.sqrt(1 / 5 + 1 / 3))
    assert log_likelihood(0, 10, 4, 10) == pytest.approx(-2 * 4 * math.log(4 / 2))


@pytest.mark.parametrize("language, text, stopwords, kept, dropped", [
    ("en", "The rebels and the rebels.", {"the", "and"}, {"rebels", "the rebels"}, {"the", "and the"}),
    ("fr", "Les rebelles de l’Afghanistan.", {"les", "de", "l'"}, {"rebelles", "l' afghanistan"},
     {"les", "de l'", "l'"}),
    ("en", "Forces in 2021 fought.", set(), {"forces", "fought"}, {"2021", "in 2021"}),
])
def test_stopwords_and_bigrams(language, text, stopwords, kept, dropped):
    corpus = _corpus([("a", "A", language, text), ("b", "B", language, "other words here")])
    terms = set(fl.score_keyness(corpus, stopwords={language: frozenset(stopwords)}, min_count=1)["term"])
    assert kept <= terms
    assert not (dropped & terms)


def test_bigrams_do_not_cross_sentences_and_accents_fold():
    corpus = _corpus([("a", "A", "fr", "Régime taliban. Entité sioniste."),
                      ("b", "B", "fr", "Autre chose ici.")])
    terms = set(fl.score_keyness(corpus, stopwords={}, min_count=1)["term"])
    assert {"regime taliban", "entite sioniste"} <= terms
    assert "taliban entite" not in terms


def test_outlet_alone_in_its_language_is_not_compared(seed_corpus):
    table = fl.score_keyness(seed_corpus, min_count=2)
    assert "Al-Manar (French)" not in set(table["outlet"])
    assert set(table["language"]) == {"en"}
    hindukush = fl.top_keyness(table, 5)
    top = hindukush[hindukush["outlet"] == "Voice of Hindukush"]
    assert len(top) == 5 and (top["z"] > 0).all()
    assert top["z"].is_monotonic_decreasing
    assert not (set(table["term"]) & fl.load_stopwords()["en"])
