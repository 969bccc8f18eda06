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

A second, smaller model (:class:`ContentTagger`, in the same file) then says which words of such a
sentence are the reported content: "Mr. Christie questioned [his depth and experience]" rather
than the whole sentence (PolNeAR's Content spans are often a clause or an object).

Trained on PolNeAR train only (``benchmarks/train_polnear_sentences.py``); stored as plain JSON
(feature -> weight), read without scikit-learn; fit is deterministic (liblinear, fixed seed).
Cost: one pass over each candidate sentence's words, and one over a reported sentence's tokens.
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
TOKEN = re.compile(r"\w+|[" + re.escape(QUOTE_MARKS) + ",:?]")
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
    words = TOKEN.findall(sentence)
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


def token_features(words: list[str], i: int) -> set[str]:
    """What the content tagger reads of a sentence's ``i``-th token (``TOKEN`` tokens, folded): the
    token, two neighbours each side, the pair ending on it, the six words before it (a cue and its
    subject sit there: "said that", "questioned"), its place from the start (0-9, and the fifth of
    the sentence) and from the end, whether it is capitalised and whether "that" or a comma came before."""
    low = [w.casefold() for w in words]
    n = len(low)
    near = {f"p1={low[i - 1] if i else '<s>'}", f"p2={low[i - 2] if i > 1 else '<s>'}",
            f"n1={low[i + 1] if i + 1 < n else '</s>'}", f"n2={low[i + 2] if i + 2 < n else '</s>'}",
            f"pair={low[i - 1]}|{low[i]}" if i else "pair=<s>"}
    place = {f"pos={min(9, i)}", f"fifth={5 * i // n}", f"left={min(9, n - 1 - i)}", f"cap={words[i][:1].isupper()}",
             f"that_before={'that' in low[:i]}", f"comma_before={',' in low[:i]}"}
    return {f"w={low[i]}"} | near | place | {f"b={w}" for w in low[max(0, i - 6):i]}


def naive_bayes_scaled(x, labels: list[bool], alpha: float | None):
    """(x scaled, ratio): each binary feature column times its naive-Bayes log-count ratio, smoothed
    by ``alpha`` (NB-LR, Wang and Manning 2012); ratio 1 everywhere when ``alpha`` is None. A
    regression fit on the scaled columns stays linear in the binary features: its weight for a
    feature is its coefficient times the ratio, stored as such."""
    import numpy as np

    if alpha is None:
        return x, np.ones(x.shape[1])
    chosen = np.asarray(labels, dtype=bool)
    positive = np.asarray(x[chosen].sum(axis=0)).ravel() + alpha
    negative = np.asarray(x[~chosen].sum(axis=0)).ravel() + alpha
    ratio = np.log((positive / positive.sum()) / (negative / negative.sum()))
    return x.multiply(ratio).tocsr(), ratio


class ContentTagger:
    """Which tokens of a reported-speech sentence are the reported content: logistic regression per
    token (:func:`token_features`); the content is the run of tokens whose summed log-odds, each
    raised by ``bias_``, is highest (a maximum subarray: one contiguous span, never empty).
    ``bias_`` favours longer spans: a span cut too short loses the gold content it would have
    covered, one a little too long still matches it (chosen by cross-validation, see the card)."""

    def fit(self, sentences: list[list[str]], flags: list[list[bool]], min_df: int = 3, c: float = 0.1,
            bias: float = 1.0) -> "ContentTagger":
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.linear_model import LogisticRegression

        items = [token_features(words, i) for words in sentences for i in range(len(words))]
        vectoriser = CountVectorizer(analyzer=lambda features: sorted(features), min_df=min_df, binary=True)
        x = vectoriser.fit_transform(items)
        y = [f for sentence in flags for f in sentence]
        model = LogisticRegression(C=c, solver="liblinear", max_iter=2000, random_state=0).fit(x, y)
        names = vectoriser.get_feature_names_out()
        self.weights_ = {str(n): round(float(w), 6) for n, w in zip(names, model.coef_[0]) if abs(w) >= 1e-4}
        self.intercept_, self.bias_ = round(float(model.intercept_[0]), 6), bias
        self.settings_ = {"min_df": min_df, "C": c, "bias": bias, "solver": "liblinear", "random_state": 0,
                          "sentences": len(sentences), "tokens": len(y), "inside": int(sum(y))}
        return self

    def span(self, words: list[str]) -> tuple[int, int]:
        """First and last token (inclusive) of the content among ``words``."""
        best, run, run_start, first, last = float("-inf"), 0.0, 0, 0, len(words) - 1
        for i in range(len(words)):
            score = self.intercept_ + self.bias_ + sum(self.weights_.get(f, 0.0) for f in token_features(words, i))
            run, run_start = (run + score, run_start) if run > 0 else (score, i)
            if run > best:
                best, first, last = run, run_start, i
        return first, last

    def content(self, text: str, start: int, end: int, quotations: list[tuple[int, int]],
                openers: frozenset = frozenset()) -> tuple[int, int]:
        """The content span inside text[start:end], widened so that it cuts no quotation
        (``quotations``: (open mark, after close mark)) and no name ("Mr. | Trump"), and opens a
        noun phrase at its article (``openers``, folded: "the | federation's resolve"); no comma
        or colon at either end."""
        tokens = list(TOKEN.finditer(text, start, end))
        if len(tokens) < 2:
            return start, end
        words = [t.group() for t in tokens]
        first, last = self.span(words)
        while first > 0 and (words[first - 1].casefold() in openers or (
                words[first][:1].isupper() and words[first - 1][:1].isupper())):
            first -= 1
        a, b = tokens[first].start(), tokens[last].end()
        for qa, qb in quotations:
            if qa < b and a < qb and start <= qa and qb <= end:
                a, b = min(a, qa), max(b, qb)
        while b < end and text[b] in QUOTE_MARKS:  # the second mark of a doubled '' close
            b += 1
        while b > a and text[b - 1] in ",:; ":
            b -= 1
        while a < b and text[a] in ",:; ":
            a += 1
        return (a, b) if a < b else (start, end)

    def to_json(self) -> dict:
        return {"intercept": self.intercept_, "bias": self.bias_, "settings": self.settings_,
                "weights": dict(sorted(self.weights_.items()))}

    @classmethod
    def from_json(cls, data: dict) -> "ContentTagger":
        tagger = cls()
        tagger.weights_, tagger.intercept_, tagger.bias_ = data["weights"], data["intercept"], data["bias"]
        tagger.settings_ = data["settings"]
        return tagger


class AttributionSentenceModel:
    """Logistic regression over a sentence's binary features (:func:`sentence_features`).
    Learned: ``weights_`` (feature -> weight), ``intercept_``, ``threshold_`` (probability above
    which a sentence is reported speech), ``settings_``."""

    content_: ContentTagger | None = None

    def fit(self, sentences: list[str], labels: list[bool], min_df: int = 3, c: float = 1.0,
            threshold: float = 0.5, contents: list[list[bool]] | None = None, content_c: float = 0.1,
            content_bias: float = 1.0, nb_alpha: float | None = None) -> "AttributionSentenceModel":
        """``contents``, when given: per sentence, whether each of its ``TOKEN`` tokens lies in
        reported content; the content tagger learns from the positive sentences' tokens.
        ``nb_alpha``, when given: each feature is scaled by its naive-Bayes log-count ratio
        (smoothed by ``nb_alpha``) before the regression (NB-LR, Wang and Manning 2012); the model
        stays linear in the binary features, so the stored weight is the coefficient times the ratio."""
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.linear_model import LogisticRegression

        vectoriser = CountVectorizer(analyzer=sentence_features, min_df=min_df, binary=True)
        x = vectoriser.fit_transform(sentences)
        x, ratio = naive_bayes_scaled(x, labels, nb_alpha)
        model = LogisticRegression(C=c, solver="liblinear", max_iter=2000, random_state=0).fit(x, labels)
        names = vectoriser.get_feature_names_out()
        self.weights_ = {str(n): round(float(w), 6) for n, w in zip(names, model.coef_[0] * ratio) if abs(w) >= 1e-4}
        self.intercept_ = round(float(model.intercept_[0]), 6)
        self.threshold_ = threshold
        self.settings_ = {"ngram_range": [1, 2], "lowercase": False, "token_pattern": TOKEN.pattern,
                          "prefix_chars": PREFIX_CHARS, "min_df": min_df, "C": c, "solver": "liblinear",
                          "random_state": 0, "threshold": threshold, "nb_alpha": nb_alpha, "sentences": len(sentences),
                          "positive": int(sum(labels))}
        if contents is not None:
            chosen = [(TOKEN.findall(t), f) for t, y, f in zip(sentences, labels, contents) if y]
            self.content_ = ContentTagger().fit([w for w, _ in chosen], [f for _, f in chosen], min_df=min_df,
                                                c=content_c, bias=content_bias)
        return self

    def probability(self, sentence: str) -> float:
        score = self.intercept_ + sum(self.weights_.get(f, 0.0) for f in sentence_features(sentence))
        return 1.0 / (1.0 + math.exp(-score))

    def predict(self, sentences: list[str]) -> list[bool]:
        return [self.probability(s) >= self.threshold_ for s in sentences]

    def save(self, path: Path | str) -> None:
        data = {"intercept": self.intercept_, "threshold": self.threshold_, "settings": self.settings_,
                "weights": dict(sorted(self.weights_.items()))}
        if self.content_ is not None:
            data["content"] = self.content_.to_json()
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path | str) -> "AttributionSentenceModel":
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        model = cls()
        model.weights_, model.intercept_ = data["weights"], data["intercept"]
        model.threshold_, model.settings_ = data["threshold"], data["settings"]
        model.content_ = ContentTagger.from_json(data["content"]) if "content" in data else None
        return model


@lru_cache(maxsize=None)
def sentence_model(language: str) -> AttributionSentenceModel | None:
    """The shipped model of ``language``, or None when there is none (only English is trained)."""
    path = model_path(language)
    return AttributionSentenceModel.load(path) if path.is_file() else None
