"""Keyness: which words and word pairs set each outlet apart from the other outlets.

Two statistics for each outlet against the rest (the other outlets *of the same language*; an
outlet alone in its language has no comparison and gets no rows):

**Log-odds ratio with an informative Dirichlet prior** (Monroe, Colaresi & Quinn 2008, "Fightin'
Words", Political Analysis 16(4), eq. 16-22). For an n-gram ``w`` with count ``y_i`` in the outlet
(``n_i`` n-grams of that length in all) and ``y_j`` in the rest (``n_j``), and prior pseudo-counts
``a_w = alpha0 * y_w / N`` proportional to the whole-language corpus counts (``y_w = y_i + y_j``,
``N = n_i + n_j``)::

    delta_w = log((y_i + a_w) / (n_i + alpha0 - y_i - a_w))
            - log((y_j + a_w) / (n_j + alpha0 - y_j - a_w))
    var_w   = 1 / (y_i + a_w) + 1 / (y_j + a_w)
    z_w     = delta_w / sqrt(var_w)

``alpha0`` defaults to ``N``, i.e. the prior adds each n-gram's own corpus count once (the
informative prior of Monroe et al. section 3.5.3 with the pooled corpus as background): it shrinks
rare words towards no difference, so ``z`` ranks words that are both frequent and lopsided.

**Log-likelihood G²** (Dunning 1993; Rayson & Garside 2000), signed: with expected counts
``E_i = n_i * y_w / N`` and ``E_j = n_j * y_w / N``::

    G2 = 2 * (y_i * log(y_i / E_i) + y_j * log(y_j / E_j))     (0 * log 0 = 0)

given a minus sign when the outlet uses ``w`` less often than the rest (``y_i/n_i < y_j/n_j``).

Tokens are :func:`analysis.text.tokenize_words` over folded text (lower case, no accents),
within sentences; tokens without a letter are dropped. Unigrams and bigrams; a unigram that is a
stopword, and a bigram whose two words are both stopwords, get no row (they still count in
``n_i``/``n_j``). Stopwords are data, one file per language: ``data/languages/<code>/stopwords.txt``.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.languages import LANGUAGES, available_languages, language_resources
from analysis.schemas import empty_table, table_columns
from analysis.text import fold_text, split_sentences, tokenize_words

KEYNESS_COLUMNS = table_columns("keyness")


def load_stopwords(folder: Path | str = LANGUAGES) -> dict[str, frozenset[str]]:
    """Stopwords of every language with resources (``<folder>/<code>/stopwords.txt``), folded
    like the text."""
    return {code: language_resources(code, folder).stopwords for code in available_languages(folder)}


_HAS_LETTER = re.compile(r"[^\W\d_]")


def _ngrams(text: str, language: str, max_n: int, counts: Counter) -> None:
    """Add the n-grams (1 … ``max_n``) of ``text``'s sentences to ``counts``: keys are words for
    unigrams and word tuples for longer n-grams (joined once per distinct n-gram, not per use)."""
    for a, b in split_sentences(text, language):
        tokens = [t for t in tokenize_words(fold_text(text[a:b])[0], language)
                  if t[0].isalpha() or _HAS_LETTER.search(t)]  # a word starts with a letter or a digit
        counts.update(tokens)
        for n in range(2, max_n + 1):
            counts.update(zip(*(tokens[k:] for k in range(n))))


def count_ngrams(corpus: pd.DataFrame, max_n: int = 2) -> pd.DataFrame:
    """N-gram counts per outlet: ``outlet``, ``language``, ``ngram`` (1 or 2 …), ``term``, ``count``.

    In: corpus with ``outlet``, ``language``, ``text``. Cost: one sentence split and fold per
    document; counting is C (``Counter.update``) over words and word tuples.
    """
    groups, sizes, ngrams, terms, counts_of = [], [], [], [], []
    for (outlet, language), texts in corpus.groupby(["outlet", "language"], sort=True)["text"]:
        counts: Counter = Counter()
        for text in texts.tolist():
            _ngrams(text, language, max_n, counts)
        groups.append((outlet, language))
        sizes.append(len(counts))
        ngrams += [1 if isinstance(key, str) else len(key) for key in counts]
        terms += [key if isinstance(key, str) else " ".join(key) for key in counts]
        counts_of += counts.values()
    outlets, languages = (np.repeat(np.array([g[k] for g in groups], dtype=object), sizes) for k in (0, 1))
    return pd.DataFrame({"outlet": outlets, "language": languages, "ngram": np.array(ngrams, dtype="int64"),
                         "term": np.array(terms, dtype=object), "count": np.array(counts_of, dtype="int64")})


def _is_stop(term: str, ngram: int, stopwords: frozenset[str]) -> bool:
    return all(w in stopwords for w in term.split(" ")) if ngram > 1 else term in stopwords


def log_odds_dirichlet(y_i, n_i, y_j, n_j, alpha0=None):
    """Monroe et al. (2008) log-odds ratio ``delta`` and ``z`` (see the module docstring); arrays
    or numbers in, ``(delta, z)`` out. ``alpha0`` None means ``n_i + n_j``."""
    y_i, y_j = np.asarray(y_i, dtype=float), np.asarray(y_j, dtype=float)
    total = n_i + n_j
    alpha0 = total if alpha0 is None else alpha0
    a_w = alpha0 * (y_i + y_j) / total
    delta = (np.log((y_i + a_w) / (n_i + alpha0 - y_i - a_w))
             - np.log((y_j + a_w) / (n_j + alpha0 - y_j - a_w)))
    return delta, delta / np.sqrt(1 / (y_i + a_w) + 1 / (y_j + a_w))


def log_likelihood(y_i, n_i, y_j, n_j):
    """Signed G² (Dunning 1993) for counts ``y_i`` of ``n_i`` against ``y_j`` of ``n_j``."""
    y_i, y_j = np.asarray(y_i, dtype=float), np.asarray(y_j, dtype=float)
    expected_i = n_i * (y_i + y_j) / (n_i + n_j)
    expected_j = n_j * (y_i + y_j) / (n_i + n_j)
    with np.errstate(divide="ignore", invalid="ignore"):
        part_i = np.where(y_i > 0, y_i * np.log(y_i / expected_i), 0.0)
        part_j = np.where(y_j > 0, y_j * np.log(y_j / expected_j), 0.0)
    g2 = 2 * (part_i + part_j)
    return np.where(y_i / n_i < y_j / n_j, -g2, g2)


def score_keyness(corpus: pd.DataFrame, stopwords: dict[str, frozenset[str]] | None = None,
                  min_count: int = 2, max_n: int = 2, alpha0: float | None = None,
                  keep_top: int = 100, significance: float = 1.96) -> pd.DataFrame:
    """Keyness of unigrams and bigrams for each outlet against the other outlets of its language.

    In: corpus with ``outlet``, ``language``, ``text``; stopwords per language (default
    :func:`load_stopwords`); ``min_count``: an n-gram needs this many occurrences in the language's
    corpus (outlet + rest) to be scored; ``alpha0`` (see module docstring; None = corpus size).
    Out: table ``keyness``, sorted by outlet, then z descending, then term. Kept per outlet and
    n-gram length: every n-gram with |z| ≥ ``significance`` and the ``keep_top`` n-grams of largest
    |z| (so the table never holds the outlet × vocabulary product; ``keep_top=None`` keeps all).
    Cost: counts are a sparse term × outlet matrix; each outlet is scored in one vectorised pass
    over its language's vocabulary, so time grows with outlets × vocabulary, memory with the
    number of distinct (outlet, n-gram) pairs.
    """
    stopwords = load_stopwords() if stopwords is None else stopwords
    counts = count_ngrams(corpus, max_n)
    parts = []
    for (language, ngram), group in counts.groupby(["language", "ngram"], sort=True):
        outlets = sorted(group["outlet"].unique())
        if len(outlets) < 2:
            continue
        term_code, terms = pd.factorize(group["term"], sort=True)
        outlet_code = group["outlet"].map({o: i for i, o in enumerate(outlets)}).to_numpy()
        matrix = sparse.csc_matrix((group["count"].to_numpy(dtype="float64"), (term_code, outlet_code)),
                                   shape=(len(terms), len(outlets)))
        totals = np.asarray(matrix.sum(axis=0)).ravel()
        term_totals = np.asarray(matrix.sum(axis=1)).ravel()
        stop = stopwords.get(language, frozenset())
        keep = (term_totals >= min_count) & ~np.fromiter((_is_stop(t, ngram, stop) for t in terms),
                                                         dtype=bool, count=len(terms))
        matrix, terms, term_totals = matrix[keep], np.asarray(terms)[keep], term_totals[keep]
        matrix = sparse.csc_matrix(matrix)
        matrix.sort_indices()
        # A term an outlet never uses scores by its corpus total alone: score each distinct total
        # once per outlet and spread it, then overwrite the outlet's own terms.
        distinct_totals, total_of_term = np.unique(term_totals, return_inverse=True)
        for j, outlet in enumerate(outlets):
            used = matrix.indices[matrix.indptr[j]:matrix.indptr[j + 1]]
            n_i, n_j = totals[j], totals.sum() - totals[j]
            delta_unused, z_unused = log_odds_dirichlet(0.0, n_i, distinct_totals, n_j, alpha0)
            y_i = np.zeros(len(terms))
            y_i[used] = matrix.data[matrix.indptr[j]:matrix.indptr[j + 1]]
            delta, z = delta_unused[total_of_term], z_unused[total_of_term]
            delta[used], z[used] = log_odds_dirichlet(y_i[used], n_i, term_totals[used] - y_i[used], n_j, alpha0)
            y_j = term_totals - y_i
            chosen = _kept(z, keep_top, significance)
            parts.append(pd.DataFrame({
                "outlet": outlet, "language": language, "ngram": ngram, "term": terms[chosen],
                "score": delta[chosen], "z": z[chosen],
                "g2": log_likelihood(y_i[chosen], n_i, y_j[chosen], n_j),
                "count_outlet": y_i[chosen].astype("int64"), "count_rest": y_j[chosen].astype("int64")}))
    if not parts:
        return empty_table("keyness")
    out = pd.concat(parts, ignore_index=True)[KEYNESS_COLUMNS]
    return out.sort_values(["outlet", "z", "term"], ascending=[True, False, True]).reset_index(drop=True)


def _kept(z: np.ndarray, keep_top: int | None, significance: float) -> np.ndarray:
    """Indices of the scores kept: |z| ≥ ``significance`` or among the ``keep_top`` largest |z|
    (ties by position, i.e. by term), in term order. A partition, not a sort: linear in terms."""
    if keep_top is None or keep_top >= len(z):
        return np.arange(len(z))
    strength = np.abs(z)
    if keep_top <= 0:
        return np.flatnonzero(strength >= significance)
    cut = np.partition(strength, len(z) - keep_top)[len(z) - keep_top]  # the keep_top-th largest
    above = np.flatnonzero(strength > cut)
    at_cut = np.flatnonzero(strength == cut)[:keep_top - len(above)]
    return np.union1d(np.union1d(above, at_cut), np.flatnonzero(strength >= significance))


def top_keyness(table: pd.DataFrame, top_n: int = 10) -> pd.DataFrame:
    """The ``top_n`` n-grams with the highest ``z`` per outlet (only positive z: over-used)."""
    positive = table[table["z"] > 0]
    return (positive.sort_values(["outlet", "z", "term"], ascending=[True, False, True])
            .groupby("outlet", sort=True).head(top_n).reset_index(drop=True))
