"""Reported speech the rules miss: a sentence classifier for attributions without a listed cue.

PolNeAR annotates as attributions far more than "X said (that) …": beliefs ("economists believe"),
findings ("records show"), stances ("endorsed Cruz"), nominal cues ("in a statement"). Most cues
occur once or twice in 840 articles, so no word list reaches them. This model reads a whole
sentence (unigrams and bigrams of words and marks, and the words' first letters, binary, logistic
regression) and says whether it holds someone's reported words or view. Case and marks are kept: a capitalised subject
("Republicans", "The Times"), a colon or a quotation mark tell reported speech from the author's
narration. It is applied only to sentences the rules left alone (no
reported row covers 30 % of their words, no direct quotation covers half of them), and its rows
say so: ``resources`` names the model file, ``cue`` and ``verb`` are empty.

Trained on PolNeAR train only (``benchmarks/train_polnear_sentences.py``); stored as plain JSON
(feature -> weight), read without scikit-learn; fit is deterministic (liblinear, fixed seed).
Cost: one pass over each candidate sentence's words.
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from analysis.marks import QUOTE_MARKS
from analysis.paths import DATA

MODELS = DATA / "models"
MIN_WORDS = 4  # shorter sentences are not candidates
# a word, case kept, or a mark that opens, closes or introduces reported words (the
# CountVectorizer token_pattern of the fit: one tokeniser for training and use)
_TOKEN = re.compile(r"\w+|[" + re.escape(QUOTE_MARKS) + ",:?]")
_WORD = re.compile(r"\w+")            # as the PolNeAR benchmark counts words
# a word's first letters, folded: the inflections of a rare cue share one weight ("support",
# "supported", "supporting": "supp*"); 4 chosen by 5-fold CV on PolNeAR train (indirect + mixed F1
# 3 letters 0.732, 4 0.733, 5 0.731, 6 0.731; none 0.728)
PREFIX_CHARS = 4


def model_path(language: str) -> Path:
    return MODELS / f"attribution_sentences_{language}.json"


def sentence_features(sentence: str) -> set[str]:
    """Unigrams and bigrams of a sentence's words (case kept) and marks, and each word's first
    ``PREFIX_CHARS`` letters folded, marked by a ``*`` that no token holds ("supp*")."""
    words = _TOKEN.findall(sentence)
    prefixes = {f"{w.casefold()[:PREFIX_CHARS]}*" for w in _WORD.findall(sentence)}
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])} | prefixes


def word_starts(text: str, start: int, end: int) -> set[int]:
    """Offsets of the words of text[start:end] (the unit every overlap here is counted in)."""
    return {start + m.start() for m in _WORD.finditer(text[start:end])}


def candidate_sentences(text: str, sentences: list[tuple[int, int]], reported: list[tuple[int, int]],
                        direct: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences the rules left alone: at least ``MIN_WORDS`` words, less than 30 % of them in a
    reported span, less than half in a direct quotation."""
    covered, quoted = set(), set()
    for a, b in reported:
        covered |= word_starts(text, a, b)
    for a, b in direct:
        quoted |= word_starts(text, a, b)
    found = []
    for a, b in sentences:
        words = word_starts(text, a, b)
        if len(words) >= MIN_WORDS and len(words & covered) < 0.3 * len(words) and len(words & quoted) < 0.5 * len(words):
            found.append((a, b))
    return found


class AttributionSentenceModel:
    """Logistic regression over a sentence's binary features (:func:`sentence_features`).
    Learned: ``weights_`` (feature -> weight), ``intercept_``, ``threshold_`` (probability above
    which a sentence is reported speech), ``settings_``."""

    def fit(self, sentences: list[str], labels: list[bool], min_df: int = 3, c: float = 1.0,
            threshold: float = 0.5) -> "AttributionSentenceModel":
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.linear_model import LogisticRegression

        vectoriser = CountVectorizer(analyzer=sentence_features, min_df=min_df, binary=True)
        x = vectoriser.fit_transform(sentences)
        model = LogisticRegression(C=c, solver="liblinear", max_iter=2000, random_state=0).fit(x, labels)
        names = vectoriser.get_feature_names_out()
        self.weights_ = {str(n): round(float(w), 6) for n, w in zip(names, model.coef_[0]) if abs(w) >= 1e-4}
        self.intercept_ = round(float(model.intercept_[0]), 6)
        self.threshold_ = threshold
        self.settings_ = {"ngram_range": [1, 2], "lowercase": False, "token_pattern": _TOKEN.pattern,
                          "prefix_chars": PREFIX_CHARS, "min_df": min_df, "C": c, "solver": "liblinear",
                          "random_state": 0, "threshold": threshold, "sentences": len(sentences), "positive": int(sum(labels))}
        return self

    def probability(self, sentence: str) -> float:
        score = self.intercept_ + sum(self.weights_.get(f, 0.0) for f in sentence_features(sentence))
        return 1.0 / (1.0 + math.exp(-score))

    def predict(self, sentences: list[str]) -> list[bool]:
        return [self.probability(s) >= self.threshold_ for s in sentences]

    def save(self, path: Path | str) -> None:
        data = {"intercept": self.intercept_, "threshold": self.threshold_, "settings": self.settings_,
                "weights": dict(sorted(self.weights_.items()))}
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path | str) -> "AttributionSentenceModel":
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        model = cls()
        model.weights_, model.intercept_ = data["weights"], data["intercept"]
        model.threshold_, model.settings_ = data["threshold"], data["settings"]
        return model


@lru_cache(maxsize=None)
def sentence_model(language: str) -> AttributionSentenceModel | None:
    """The shipped model of ``language``, or None when there is none (only English is trained)."""
    path = model_path(language)
    return AttributionSentenceModel.load(path) if path.is_file() else None
