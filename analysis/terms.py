"""Find loaded terms in a corpus: one pass per document for every term, spans in the original text.

Terms are matched by the one phrase matcher (:mod:`analysis.matcher`: folded case and accents,
one separator class, whole words, leftmost-longest) with the plural rules of each language's
resources (rebel → rebels, entité → entités). Variants of language ``xx`` match documents whose
``language`` is ``xx``; variants under ``"*"`` match every document. A form shared by two terms
counts for the first term in lexicon order.

Cost: per document one fold and one Aho-Corasick scan for all terms at once; work per document is
independent, so :func:`analysis.scale.map_documents` distributes :func:`find_terms` as it is (see
``benchmarks/bench_terms.py``).
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.languages import language_resources
from analysis.lexicons import ANY_LANGUAGE, LexiconError
from analysis.matcher import PhraseMatcher
from analysis.text import locate_sentences, split_corpus_sentences
from analysis.schemas import row_tuples

MATCH_COLUMNS = ["doc_id", "outlet", "language", "term", "category", "target", "direction",
                 "matched_text", "start", "end"]


@dataclass(frozen=True)
class TermMatcher:
    """A lexicon compiled for matching: ``terms`` (one row per term: term, category, target,
    direction; the row number is the matcher's key) and the :class:`PhraseMatcher`."""

    terms: pd.DataFrame
    matcher: PhraseMatcher


def compile_lexicon(lexicon: pd.DataFrame, inflect: bool = True) -> TermMatcher:
    """Compile a lexicon table (from :func:`analysis.lexicons.load_lexicons`) for matching.

    Each variant is inflected by the plural rules of its language's resources (``inflect=False``
    matches the variants exactly as listed). Raises ``LexiconError`` for a variant that is only
    separators.
    """
    terms = (lexicon[["term", "category", "target", "direction"]].drop_duplicates("term")
             .reset_index(drop=True))
    term_id = {t: i for i, t in enumerate(terms["term"])}
    entries = [(term_id[r.term], r.language, r.variant) for r in lexicon.itertuples(index=False)]
    inflections = None
    if inflect:
        inflections = {lang: language_resources(lang).inflections
                       for lang in sorted(set(lexicon["language"]) - {ANY_LANGUAGE})}
    try:
        matcher = PhraseMatcher(entries, inflections=inflections)
    except ValueError as err:
        raise LexiconError(f"lexicon variant without letters: {err}") from None
    return TermMatcher(terms, matcher)


def match_document(text: str, language: str, matcher: TermMatcher) -> list[tuple[int, int, int]]:
    """Loaded-term matches in one text: ``(term_id, start, end)`` with offsets into ``text``,
    in text order, whole words, leftmost-longest, never overlapping."""
    return [(min(m.keys), m.start, m.end) for m in matcher.matcher.find(text, language)]


def find_terms(corpus: pd.DataFrame, lexicon: pd.DataFrame | TermMatcher) -> pd.DataFrame:
    """Every loaded-term match in the corpus, without sentences (the fast path for counting).

    In: corpus with ``doc_id``, ``outlet``, ``language``, ``text``; a lexicon table or a compiled
    :class:`TermMatcher`. Out: ``MATCH_COLUMNS``: doc_id, outlet, language, term, category,
    target, direction, matched_text (as written in the text), start, end (offsets into ``text``).
    """
    matcher = lexicon if isinstance(lexicon, TermMatcher) else compile_lexicon(lexicon)
    terms = matcher.terms
    rows = []
    for doc in row_tuples(corpus[["doc_id", "outlet", "language", "text"]]):
        for term, a, b in match_document(doc.text, doc.language, matcher):
            rows.append((doc.doc_id, doc.outlet, doc.language, term, doc.text[a:b], a, b))
    found = pd.DataFrame(rows, columns=["doc_id", "outlet", "language", "term_id", "matched_text",
                                        "start", "end"])
    info = terms.iloc[found["term_id"].to_numpy()].reset_index(drop=True)
    return pd.concat([found.drop(columns="term_id"), info], axis=1)[MATCH_COLUMNS].astype(
        {"start": "int64", "end": "int64"})


def match_terms(corpus: pd.DataFrame, lexicon: pd.DataFrame | TermMatcher) -> pd.DataFrame:
    """Every loaded-term match with its sentence: the evidence behind every count.

    In: corpus with ``doc_id``, ``outlet``, ``language``, ``text``; a lexicon table (see
    :func:`analysis.lexicons.load_lexicons`) or a compiled :class:`TermMatcher`.
    Out: doc_id, outlet, language, term, category, target, direction, matched_text, start, end
    (offsets into the corpus ``text``), sentence_id, sentence (from
    :func:`analysis.text.split_corpus_sentences`), in corpus then text order.
    Cost: matching is one pass per document; sentences are split only for documents with a
    match, which dominates the time on large corpora (use :func:`find_terms` to count only).
    """
    found = find_terms(corpus, lexicon)
    with_matches = corpus[corpus["doc_id"].isin(found["doc_id"])]
    sentences = split_corpus_sentences(with_matches)
    return locate_sentences(found, sentences).reset_index(drop=True)


def count_terms(matches: pd.DataFrame, corpus: pd.DataFrame,
                lexicon: pd.DataFrame | None = None) -> pd.DataFrame:
    """Loaded-term counts and rates per 1,000 words, per outlet.

    In: matches from :func:`match_terms` / :func:`find_terms`; corpus with ``outlet``,
    ``language`` and ``n_words`` (words per document); optionally the lexicon.
    Out: ``outlet``, ``term``, ``category``, ``count`` (matches), ``words`` (the outlet's words,
    sum of ``n_words``), ``per_1k_words`` (``count / words * 1000``). With ``lexicon``, a term the
    outlet never uses gets a row with count 0 when the lexicon has a variant in one of the
    outlet's languages (or under "*"); a term with no variant in its languages gets no row,
    because its absence says nothing. Sorted by outlet then term.
    """
    words = corpus.groupby("outlet")["n_words"].sum()
    counts = matches.groupby(["outlet", "term", "category"]).size().rename("count").reset_index()
    if lexicon is not None:
        languages = corpus[["outlet", "language"]].drop_duplicates()
        lex = lexicon[["term", "category", "language"]].drop_duplicates()
        direct = languages.merge(lex, on="language")
        anywhere = languages[["outlet"]].drop_duplicates().merge(
            lex[lex["language"] == ANY_LANGUAGE], how="cross")
        possible = pd.concat([direct, anywhere])[["outlet", "term", "category"]].drop_duplicates()
        counts = possible.merge(counts, on=["outlet", "term", "category"], how="outer")
    counts["count"] = counts["count"].fillna(0).astype("int64")
    counts["words"] = counts["outlet"].map(words).astype("int64")
    counts["per_1k_words"] = counts["count"] / counts["words"] * 1000
    return counts.sort_values(["outlet", "term"]).reset_index(drop=True)
