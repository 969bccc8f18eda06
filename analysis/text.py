"""Text basics shared by every stage: folding with offsets, sentences, words, keyword in context.

Nothing here changes a text in place. Folding returns a new string plus an offset array that maps
every folded character back to the original, so a match found in folded text is reported as a span
of the original text.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.languages import language_resources
from analysis.marks import (
    APOSTROPHES,
    CLOSING_AFTER_SENTENCE_END,
    DOUBLE_QUOTES,
    OPENING_A_SENTENCE,
    WORD_APOSTROPHES,
    QuotedRegions,
    scan_quote_marks,
)
from analysis.schemas import row_tuples

DASHES = "-‐‑‒–—―−"
# Typographic variants folded to one ASCII form, one character for one character.
_SPECIAL_FOLDS = {
    **{c: "'" for c in APOSTROPHES},
    **{c: '"' for c in DOUBLE_QUOTES},
    **{c: "-" for c in DASHES},
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\t": " ", "\r": " ", "\n": " ",
    "\u0640": "",  # Arabic tatweel: decorative elongation, not part of a word
}

# Abbreviations of every language that end in a period without ending a sentence (lower case,
# without the final period); each language adds its own (data/languages/<code>/language.yaml).
SHARED_ABBREVIATIONS = frozenset({
    "u.s", "u.k", "u.n", "e.g", "i.e", "etc", "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "st", "dr", "prof", "gen", "col", "lt", "capt", "sgt",
    "gov", "sen", "rep"})

_WORD = re.compile(r"[^\W_]+(?:[" + WORD_APOSTROPHES + r"\-‐][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?…]+")
_SPACES = re.compile(r"\s+")
_WORD_BEFORE = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*$")
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")


@lru_cache(maxsize=None)
def _fold_char(char: str) -> str:
    if char in _SPECIAL_FOLDS:
        return _SPECIAL_FOLDS[char]
    decomposed = unicodedata.normalize("NFKD", char)
    kept = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return kept.casefold()


# ``str.translate`` table learnt on demand: code point -> its one-character fold. Characters that
# fold to zero or several characters (ligatures, combining marks, tatweel) go to _MULTI instead;
# a text holding one takes the per-character path, which can shift offsets.
_FOLD_TABLE: dict[int, str] = {}
_MULTI: set[str] = set()
_SEEN: set[str] = set()


def _learn_folds(chars: set[str]) -> None:
    for char in chars - _SEEN:
        folded = _fold_char(char)
        if len(folded) == 1:
            _FOLD_TABLE[ord(char)] = folded
        else:
            _MULTI.add(char)
        _SEEN.add(char)


def fold_text(text: str) -> tuple[str, np.ndarray]:
    """Fold case, accents, quote marks, dashes and spaces; return the folded text and its offsets.

    ``offsets[i]`` is the index in ``text`` of the character that produced folded character ``i``;
    ``offsets[len(folded)] == len(text)``, so a folded span ``[a, b)`` maps to
    ``text[offsets[a]:offsets[b - 1] + 1]``. Use :func:`original_span` for that. Combining marks
    are dropped (é → e, Arabic harakat removed), ligatures expand (ﬁ → fi), curly apostrophes,
    « » and “ ” become ' and ", every dash becomes -, line breaks and no-break spaces become spaces.
    Cost: one ``str.translate`` when every character folds to one character (offsets are then
    the identity); otherwise one cached look-up per character.
    """
    chars = set(text)
    if not chars <= _SEEN:
        _learn_folds(chars)
    if _MULTI.isdisjoint(chars):
        return text.translate(_FOLD_TABLE), np.arange(len(text) + 1, dtype=np.int64)
    # "…" → "...", combining marks → "": translate with the multi-character folds too, then
    # give each of those characters its folded length (every other character folds to one)
    multi = chars & _MULTI
    codes = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
    lengths = np.ones(len(text), dtype=np.int64)
    for char in multi:
        lengths[codes == ord(char)] = len(_fold_char(char))
    offsets = np.append(np.repeat(np.arange(len(text), dtype=np.int64), lengths), len(text))
    return text.translate({**_FOLD_TABLE, **{ord(c): _fold_char(c) for c in multi}}), offsets


@lru_cache(maxsize=1 << 17)
def fold_word(word: str) -> str:
    """``fold_text(word)[0]``, cached: words and names are folded again and again over a corpus."""
    return fold_text(word)[0]


def original_span(offsets: np.ndarray, start: int, end: int) -> tuple[int, int]:
    """Map a span ``[start, end)`` of folded text back to the original text."""
    if end <= start:
        at = int(offsets[start])
        return at, at
    return int(offsets[start]), int(offsets[end - 1]) + 1


def _abbreviations(language: str) -> frozenset[str]:
    return SHARED_ABBREVIATIONS | language_resources(language).abbreviations


def _is_abbreviation(text: str, period_at: int, language: str) -> bool:
    """True when the period at ``period_at`` closes an abbreviation or an initial ("A.")."""
    match = _WORD_BEFORE.search(text, max(0, period_at - 40), period_at)
    if not match:
        return False
    word = match.group()
    return word.casefold() in _abbreviations(language) or (len(word) == 1 and word.isupper()) \
        or bool(_INITIALS.fullmatch(word))  # "J.D. Vance", "E.J. Dionne": initials, like "U.S."


def _split_line(line: str, language: str, quoted: QuotedRegions,
                offset: int) -> list[tuple[int, int]]:
    """Sentence spans within one line (paragraph) that starts at ``offset`` in the text."""
    length = len(line)
    spans, start = [], 0
    for end_mark in _SENTENCE_END.finditer(line):
        end = end_mark.end()
        while end < length and line[end] in CLOSING_AFTER_SENTENCE_END:
            end += 1
        space = _SPACES.match(line, end)
        if not space or space.end() == length:
            continue  # no space after the mark ("U.S.A", "3.5") or end of line
        following = line[space.end()]
        if not (following.isupper() or following.isdigit() or following in OPENING_A_SENTENCE):
            continue
        if end_mark.group() == "." and _is_abbreviation(line, end_mark.start(), language):
            continue
        if quoted.inside(offset + end - 1):
            continue  # still inside a quotation: the sentence goes on
        spans.append((start, end))
        start = space.end()
    last = len(line.rstrip())
    if start < last:
        spans.append((start, last))
    return spans


# a dateline opening an article's body: "WASHINGTON —", "KANSAS CITY, Mo. --", "DENVER (AP) –"
_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Z. " + WORD_APOSTROPHES + r"]+(?:, [A-Z][A-Za-z. " + WORD_APOSTROPHES
                       + r"]+)?[ \t]*(?:\([A-Z]+\))?[ \t]*(?:\u2014|\u2013|--|(?<=[ \t])-)", re.M)  # not "AP-GfK Poll:"


def find_dateline(text: str) -> tuple[int, int] | None:
    """Where the dateline opening ``text`` lies (in its first 400 characters), or None: where the
    reporter filed from names no actor and no speaker ("WASHINGTON — Michael Steele said")."""
    found = next((m for m in _DATELINE.finditer(text, 0, 400) if m.group().strip(" -\u2013\u2014")), None)
    return (found.start(), found.end()) if found else None


def split_sentences(text: str, language: str = "en", pairs=None) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``.

    A line break always ends a sentence (scraped articles put one paragraph per line). Within a
    line a sentence ends at ., !, ? or … (with any closing quote or bracket after it) followed by a
    space and an upper-case letter, digit or opening quote, except after an abbreviation of
    ``language`` (its language resources) or of every language (``SHARED_ABBREVIATIONS``), after an initial, or inside an open
    double quotation (“ ”, « », straight quotes, reversed guillemets). Spans exclude surrounding
    white space; empty lines give no sentence. ``pairs``: the text's quotation marks from
    :func:`analysis.marks.scan_quote_marks`, when already scanned.
    """
    quoted = QuotedRegions(scan_quote_marks(text)[0] if pairs is None else pairs)
    spans = []
    line_start = 0
    for line in text.split("\n"):
        stripped_left = len(line) - len(line.lstrip())
        for a, b in _split_line(line[stripped_left:], language, quoted, line_start + stripped_left):
            spans.append((line_start + stripped_left + a, line_start + stripped_left + b))
        line_start += len(line) + 1
    return spans


def word_spans(text: str, language: str = "en") -> list[tuple[int, int]]:
    """Character spans of the words of ``text``: letters and digits, with inner hyphens and
    apostrophes ("anti-Taliban", "won’t"); French elisions ("l’aide", "qu’il") split off the
    elided article as a word of its own. Any script; punctuation and quote marks are not words."""
    elisions = language_resources(language).elisions
    if not elisions:
        return [match.span() for match in _WORD.finditer(text)]
    spans = []
    for match in _WORD.finditer(text):
        start, end = match.span()
        word = match.group()
        if not any(mark in word for mark in WORD_APOSTROPHES):
            spans.append((start, end))
            continue
        word = word.casefold()
        for prefix in elisions:
            if len(word) > len(prefix) + 1 and word.startswith(prefix) and word[len(prefix)] in WORD_APOSTROPHES:
                spans.append((start, start + len(prefix) + 1))
                start += len(prefix) + 1
                break
        spans.append((start, end))
    return spans


def tokenize_words(text: str, language: str = "en") -> list[str]:
    """The words of ``text`` (see :func:`word_spans`), as they appear."""
    if not language_resources(language).elisions:
        return _WORD.findall(text)
    return [text[a:b] for a, b in word_spans(text, language)]


def count_words(text: str, language: str = "en") -> int:
    """Number of words in ``text`` (see :func:`word_spans`)."""
    if not language_resources(language).elisions:
        return sum(1 for _ in _WORD.finditer(text))
    return len(word_spans(text, language))


def split_corpus_sentences(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence of every document.

    In: ``doc_id``, ``outlet``, ``language``, ``text``.
    Out: ``doc_id``, ``outlet``, ``language``, ``sentence_id`` (0-based within the document),
    ``start``, ``end`` (character offsets into ``text``), ``sentence``.
    """
    rows = []
    for doc in row_tuples(corpus):
        for i, (a, b) in enumerate(split_sentences(doc.text, doc.language)):
            rows.append((doc.doc_id, doc.outlet, doc.language, i, a, b, doc.text[a:b]))
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "language", "sentence_id", "start",
                                       "end", "sentence"])


def locate_sentences(occurrences: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Add ``sentence_id`` and ``sentence`` to occurrence rows from their ``doc_id`` and ``start``.

    In: occurrences with ``doc_id``, ``start``; sentences from :func:`split_corpus_sentences`.
    An occurrence that starts between sentences (in white space) gets the next sentence. Cost:
    linear in the rows of both tables (the sentences are indexed by document once).
    """
    if occurrences.empty:
        return occurrences.assign(sentence_id=pd.Series(dtype="int64"),
                                  sentence=pd.Series(dtype="str"))
    # One search over (document, end) keys for every occurrence, not a table per document.
    doc_code, docs = pd.factorize(sentences["doc_id"])
    ends = sentences["end"].to_numpy(dtype="int64")
    order = np.lexsort((ends, doc_code))
    width = int(max(ends.max(), occurrences["start"].max())) + 2
    keys = doc_code[order].astype("int64") * width + ends[order]
    occ_code = pd.Index(docs).get_indexer(occurrences["doc_id"])
    if (occ_code < 0).any():
        missing = occurrences["doc_id"].to_numpy()[occ_code < 0][0]
        raise KeyError(f"document {missing!r} has occurrences but no sentences")
    last = np.searchsorted(doc_code[order], occ_code, side="right") - 1
    at = np.minimum(np.searchsorted(keys, occ_code * width + occurrences["start"].to_numpy(dtype="int64"),
                                    side="right"), last)
    rows = order[at]
    return occurrences.assign(sentence_id=sentences["sentence_id"].to_numpy()[rows],
                              sentence=sentences["sentence"].to_numpy()[rows])


def keyword_in_context(occurrences: pd.DataFrame, corpus: pd.DataFrame, width: int = 60) -> pd.DataFrame:
    """Concordance lines for occurrence rows: the one keyword-in-context helper of the suite.

    In: occurrences with ``doc_id``, ``start``, ``end`` (offsets into the document's ``text``) and
    any other columns; corpus with ``doc_id``, ``text``.
    Out: the occurrence columns plus ``left``, ``match``, ``right`` (``width`` characters of
    context each side, line breaks shown as spaces). Cost: linear in the occurrences.
    """
    # Python strings, taken out of the table once: a lookup in an Arrow-backed column copies the
    # whole article each time, which made this quadratic in an article's length.
    texts = dict(zip(corpus["doc_id"].tolist(), corpus["text"].tolist()))

    def context(row) -> tuple[str, str, str]:
        text = texts[row.doc_id]
        left = text[max(0, row.start - width):row.start].replace("\n", " ")
        right = text[row.end:row.end + width].replace("\n", " ")
        return left, text[row.start:row.end], right

    parts = [context(r) for r in row_tuples(occurrences)]
    return occurrences.assign(
        left=[p[0] for p in parts], match=[p[1] for p in parts], right=[p[2] for p in parts])
