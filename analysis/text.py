"""Text basics shared by every stage: folding with offsets, sentences, words, keyword in context.

Nothing here changes a text in place. Folding returns a new string plus an offset array that maps
every folded character back to the original, so a match found in folded text is reported as a span
of the original text.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

import numpy as np
import pandas as pd

# Typographic variants folded to one ASCII form, one character for one character.
APOSTROPHES = "'’‘‛ʼ′`´"
DOUBLE_QUOTES = '"“”„‟«»″'
DASHES = "-‐‑‒–—―−"
_SPECIAL_FOLDS = {
    **{c: "'" for c in APOSTROPHES},
    **{c: '"' for c in DOUBLE_QUOTES},
    **{c: "-" for c in DASHES},
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\t": " ", "\r": " ", "\n": " ",
    "\u0640": "",  # Arabic tatweel: decorative elongation, not part of a word
}

# Opening and closing double-quotation marks (straight quotes open and close by turns).
_OPENERS = set("“«„")
_CLOSERS = set("”»")

# Abbreviations that end in a period without ending a sentence, keyed by ISO 639-1 code;
# the "*" entry applies to every language. Lower case, without the final period.
ABBREVIATIONS: dict[str, set[str]] = {
    "*": {"u.s", "u.k", "u.n", "e.g", "i.e", "etc", "vs", "no", "jan", "feb", "mar", "apr", "jun",
          "jul", "aug", "sep", "sept", "oct", "nov", "dec", "st", "dr", "prof", "gen", "col", "lt",
          "capt", "sgt", "gov", "sen", "rep"},
    "en": {"mr", "mrs", "ms", "jr", "sr", "inc", "ltd", "co", "corp", "approx", "dept", "est"},
    "fr": {"m", "mm", "mme", "mmes", "mlle", "me", "pr", "cf", "env", "av", "ex", "p", "art"},
}

# French elided articles and pronouns are words of their own: "l’aide" is "l’" + "aide".
ELISIONS: dict[str, tuple[str, ...]] = {
    "fr": ("jusqu", "lorsqu", "puisqu", "quoiqu", "qu", "l", "d", "j", "m", "n", "s", "t", "c"),
}

_WORD = re.compile(r"[^\W_]+(?:['’\-‐][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?…]+")
_SPACES = re.compile(r"\s+")
_QUOTE_MARKS = re.compile('["“”«»„]')
_WORD_BEFORE = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*$")
_CLOSING_AFTER_END = set("”»\"’')]")


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
    pieces = [_fold_char(c) for c in text]
    lengths = np.fromiter((len(p) for p in pieces), dtype=np.int64, count=len(pieces))
    offsets = np.append(np.repeat(np.arange(len(text), dtype=np.int64), lengths), len(text))
    return "".join(pieces), offsets


def original_span(offsets: np.ndarray, start: int, end: int) -> tuple[int, int]:
    """Map a span ``[start, end)`` of folded text back to the original text."""
    if end <= start:
        at = int(offsets[start])
        return at, at
    return int(offsets[start]), int(offsets[end - 1]) + 1


def _abbreviations(language: str) -> set[str]:
    return ABBREVIATIONS["*"] | ABBREVIATIONS.get(language, set())


def _is_abbreviation(text: str, period_at: int, language: str) -> bool:
    """True when the period at ``period_at`` closes an abbreviation or an initial ("A.")."""
    match = _WORD_BEFORE.search(text, max(0, period_at - 40), period_at)
    if not match:
        return False
    word = match.group()
    return word.casefold() in _abbreviations(language) or (len(word) == 1 and word.isupper())


def _quote_depths(line: str) -> tuple[list[int], list[int]]:
    """Positions of the double quotation marks of ``line`` and the nesting depth after each.

    An opener (“ « „) nests; a closer (” ») ends the innermost quotation, or opens one when none
    is open (reversed marks, as in the seeds' » … »); a straight quote closes an open straight
    quote or opens one. Only quotation marks are visited, not every character.
    """
    stack: list[str] = []
    positions, depths = [], []
    for mark in _QUOTE_MARKS.finditer(line):
        char = mark.group()
        if char == '"':
            if stack and stack[-1] == '"':
                stack.pop()
            else:
                stack.append(char)
        elif char in _OPENERS or not stack:
            stack.append(char)
        else:
            stack.pop()
        positions.append(mark.start())
        depths.append(len(stack))
    return positions, depths


def _depth_after(positions: list[int], depths: list[int], index: int) -> int:
    """Quotation depth after character ``index``, from :func:`_quote_depths`."""
    i = bisect_right(positions, index) - 1
    return depths[i] if i >= 0 else 0


def _split_line(line: str, language: str) -> list[tuple[int, int]]:
    """Sentence spans within one line (paragraph)."""
    positions, depths = _quote_depths(line)
    length = len(line)
    spans, start = [], 0
    for end_mark in _SENTENCE_END.finditer(line):
        end = end_mark.end()
        while end < length and line[end] in _CLOSING_AFTER_END:
            end += 1
        space = _SPACES.match(line, end)
        if not space or space.end() == length:
            continue  # no space after the mark ("U.S.A", "3.5") or end of line
        following = line[space.end()]
        if not (following.isupper() or following.isdigit() or following in "“«\"'‘(["):
            continue
        if end_mark.group() == "." and _is_abbreviation(line, end_mark.start(), language):
            continue
        if _depth_after(positions, depths, end - 1) > 0:
            continue  # still inside a quotation: the sentence goes on
        spans.append((start, end))
        start = space.end()
    last = len(line.rstrip())
    if start < last:
        spans.append((start, last))
    return spans


def split_sentences(text: str, language: str = "en") -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``.

    A line break always ends a sentence (scraped articles put one paragraph per line). Within a
    line a sentence ends at ., !, ? or … (with any closing quote or bracket after it) followed by a
    space and an upper-case letter, digit or opening quote, except after an abbreviation of
    ``language`` or of every language (``ABBREVIATIONS``), after an initial, or inside an open
    double quotation (“ ”, « », straight quotes, reversed guillemets). Spans exclude surrounding
    white space; empty lines give no sentence.
    """
    spans = []
    line_start = 0
    for line in text.split("\n"):
        stripped_left = len(line) - len(line.lstrip())
        for a, b in _split_line(line[stripped_left:], language):
            spans.append((line_start + stripped_left + a, line_start + stripped_left + b))
        line_start += len(line) + 1
    return spans


def word_spans(text: str, language: str = "en") -> list[tuple[int, int]]:
    """Character spans of the words of ``text``: letters and digits, with inner hyphens and
    apostrophes ("anti-Taliban", "won’t"); French elisions ("l’aide", "qu’il") split off the
    elided article as a word of its own. Any script; punctuation and quote marks are not words."""
    elisions = ELISIONS.get(language, ())
    spans = []
    for match in _WORD.finditer(text):
        start, end = match.span()
        word = match.group().casefold()
        for prefix in elisions:
            if len(word) > len(prefix) + 1 and word.startswith(prefix) and word[len(prefix)] in "'’":
                spans.append((start, start + len(prefix) + 1))
                start += len(prefix) + 1
                break
        spans.append((start, end))
    return spans


def tokenize_words(text: str, language: str = "en") -> list[str]:
    """The words of ``text`` (see :func:`word_spans`), as they appear."""
    return [text[a:b] for a, b in word_spans(text, language)]


def count_words(text: str, language: str = "en") -> int:
    """Number of words in ``text`` (see :func:`word_spans`)."""
    return len(word_spans(text, language))


def split_corpus_sentences(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence of every document.

    In: ``doc_id``, ``outlet``, ``language``, ``text``.
    Out: ``doc_id``, ``outlet``, ``language``, ``sentence_id`` (0-based within the document),
    ``start``, ``end`` (character offsets into ``text``), ``sentence``.
    """
    rows = []
    for doc in corpus.itertuples(index=False):
        for i, (a, b) in enumerate(split_sentences(doc.text, doc.language)):
            rows.append((doc.doc_id, doc.outlet, doc.language, i, a, b, doc.text[a:b]))
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "language", "sentence_id", "start",
                                       "end", "sentence"])


def locate_sentences(occurrences: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Add ``sentence_id`` and ``sentence`` to occurrence rows from their ``doc_id`` and ``start``.

    In: occurrences with ``doc_id``, ``start``; sentences from :func:`split_corpus_sentences`.
    An occurrence that starts between sentences (in white space) gets the next sentence.
    """
    if occurrences.empty:
        return occurrences.assign(sentence_id=pd.Series(dtype="int64"),
                                  sentence=pd.Series(dtype="str"))
    parts = []
    for doc_id, occ in occurrences.groupby("doc_id", sort=False):
        sents = sentences[sentences["doc_id"] == doc_id]
        ends = sents["end"].to_numpy()
        idx = np.minimum(np.searchsorted(ends, occ["start"].to_numpy(), side="right"), len(sents) - 1)
        parts.append(occ.assign(sentence_id=sents["sentence_id"].to_numpy()[idx],
                                sentence=sents["sentence"].to_numpy()[idx]))
    return pd.concat(parts).loc[occurrences.index]


def keyword_in_context(occurrences: pd.DataFrame, corpus: pd.DataFrame, width: int = 60) -> pd.DataFrame:
    """Concordance lines for occurrence rows: the one keyword-in-context helper of the suite.

    In: occurrences with ``doc_id``, ``start``, ``end`` (offsets into the document's ``text``) and
    any other columns; corpus with ``doc_id``, ``text``.
    Out: the occurrence columns plus ``left``, ``match``, ``right`` (``width`` characters of
    context each side, line breaks shown as spaces).
    """
    texts = corpus.set_index("doc_id")["text"]

    def context(row) -> tuple[str, str, str]:
        text = texts[row.doc_id]
        left = text[max(0, row.start - width):row.start].replace("\n", " ")
        right = text[row.end:row.end + width].replace("\n", " ")
        return left, text[row.start:row.end], right

    parts = [context(r) for r in occurrences.itertuples(index=False)]
    return occurrences.assign(
        left=[p[0] for p in parts], match=[p[1] for p in parts], right=[p[2] for p in parts])
