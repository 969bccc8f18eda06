"""Sentence sentiment in -1..1, by the method each language's resources name.

English: VADER (vaderSentiment ships its lexicon). A language whose resources hold a valence list
(French): the sum of word valences, a negator among the 3 words before a word flipping and
damping it as VADER does, normalised with VADER's x / sqrt(x² + 15). Any other language: 0, with
method ``none``, so a reader sees that nothing was measured.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.languages import language_resources
from analysis.text import fold_text, word_spans


@lru_cache(maxsize=16)
def _vader(neutral: tuple[str, ...]):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    analyzer = SentimentIntensityAnalyzer()
    for word in neutral:
        analyzer.lexicon.pop(word.casefold(), None)
    return analyzer


@lru_cache(maxsize=16)
def _folded_valence(language: str) -> tuple[dict[str, float], frozenset[str]]:
    """A language's valence list and negators, folded like the text (once per process, not per
    sentence)."""
    valence = language_resources(language).valence
    values = {fold_text(w)[0]: v for part in ("positive", "negative") for w, v in valence[part].items()}
    return values, frozenset(fold_text(w)[0] for w in valence["negators"])


def _valence_score(text: str, language: str, neutral: frozenset[str]) -> float:
    values, negators = _folded_valence(language)
    folded = fold_text(text)[0]
    words = [folded[a:b] for a, b in word_spans(folded, language)]
    total = 0.0
    for i, w in enumerate(words):
        if w in values and w not in neutral:
            flip = any(p in negators or p.rstrip("'") in negators for p in words[max(0, i - 3):i])
            total += values[w] * (-0.74 if flip else 1.0)
    return total / np.sqrt(total * total + 15) if total else 0.0


def sentence_sentiment(texts: pd.Series, languages: pd.Series,
                       neutral_words: dict[str, list[str]] | None = None) -> tuple[list[float], list[str]]:
    """Sentiment of each text in -1..1 and the method used (``vader``, ``valence list (xx)`` or
    ``none``). ``neutral_words`` (language -> words; a story's topic words such as "help") are
    removed from the lexicons first. Each distinct (text, language) is scored once."""
    neutral_words = neutral_words or {}
    known: dict[tuple[str, str], tuple[float, str]] = {}  # a text repeated (one per target) is scored once
    scores, methods = [], []
    for text, lang in zip(texts, languages):
        if (text, lang) not in known:
            known[(text, lang)] = _score(text, lang, neutral_words)
        score, method = known[(text, lang)]
        scores.append(score)
        methods.append(method)
    return scores, methods


def _score(text: str, lang: str, neutral_words: dict[str, list[str]]) -> tuple[float, str]:
    method = language_resources(lang).sentiment
    if method == "vader":
        return _vader(tuple(neutral_words.get(lang, ()))).polarity_scores(text)["compound"], "vader"
    if method == "valence list":
        neutral = frozenset(fold_text(w)[0] for w in neutral_words.get(lang, ()))
        return _valence_score(text, lang, neutral), f"valence list ({lang})"
    return 0.0, "none"
