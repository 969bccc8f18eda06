"""The one phrase matcher: lists of words and phrases found in text, whole words, any case.

Every stage that looks for listed phrases uses it: loaded terms, target aliases, claim cues,
hedges and attribution cues, reporting verbs and the other quotation rules. How a phrase matches
(the same normalisation is applied to the phrase and the text):

- case and accents are folded (:func:`analysis.text.fold_text`): "Entité" = "entite";
- separators are one: any run of spaces, line breaks, hyphens/dashes, apostrophes and quotation
  marks counts as one space, so "occupation entity" matches ``occupation-entity``,
  ``occupation\\nentity`` and ``"occupation" entity``; an elided article is a word of its own
  ("l'occupation" holds "occupation", "Israel's" holds "Israel");
- whole words only: the characters just before and after a match are not letters or digits
  ("legitimate" never matches inside "illegitimate");
- optional simple inflection per language (``inflections`` of the language resources): each word
  of at least ``MIN_INFLECTED`` letters also matches its suffixed forms (rebel → rebels);
- optional inserted words: a multi-word phrase also matches with one of the given words between
  two of its words ("a déclaré" matches "a également déclaré");
- optional capitals rule: a phrase written in capitals only, of at most ``CAPITALS_MAX`` letters
  (``US``, ``NRF``), matches only the same capitals ("us" is not the United States);
- phrases of language ``xx`` apply to texts in ``xx``; phrases under ``"*"`` to every text;
- overlapping matches: the leftmost, then the longest wins.

Cost: a text is folded once (:class:`FoldedText`) and each matcher scans it in one Aho-Corasick
pass (pyahocorasick) for all its phrases at once.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache
from typing import Hashable, Iterable

import ahocorasick
import numpy as np

from analysis.marks import straight_apostrophes
from analysis.text import fold_text, original_span

ANY_LANGUAGE = "*"
MIN_INFLECTED = 3   # shorter words (a, of, de, up) are never inflected
MAX_FORMS = 256     # cap on the forms generated per phrase
CAPITALS_MAX = 5    # longest all-capitals phrase held to the capitals rule
SEPARATORS = " -\"'"  # what fold_text makes of every space, dash, apostrophe and quote mark
_SEPARATOR_TABLE = {ord(c): " " for c in SEPARATORS}


def normalise(text: str) -> tuple[str, np.ndarray]:
    """Fold ``text`` (:func:`fold_text`) and make every run of separators one space.

    Returns ``(normalised, offsets)``: ``offsets[i]`` is the index in ``text`` of normalised
    character ``i`` and ``offsets[len(normalised)] == len(text)``, as for :func:`fold_text`.
    """
    folded, offsets = fold_text(text)
    normal = folded.translate(_SEPARATOR_TABLE)
    if "  " not in normal:
        return normal, offsets
    codes = np.frombuffer(normal.encode("utf-32-le"), dtype="<u4")
    space = codes == 32
    keep = np.ones(len(codes) + 1, dtype=bool)
    keep[1:-1] = ~(space[1:] & space[:-1])  # drop a space that follows a space
    return codes[keep[:-1]].tobytes().decode("utf-32-le"), offsets[keep]


@dataclass(frozen=True)
class FoldedText:
    """A text folded once for any number of matchers: ``text`` as given, ``normal`` (see
    :func:`normalise`) and ``offsets`` from normal back to ``text``."""

    text: str
    normal: str
    offsets: np.ndarray

    @classmethod
    def of(cls, text: str) -> "FoldedText":
        if len(text) <= SHORT_TEXT:
            return _short_folded(text)
        normal, offsets = normalise(text)
        return cls(text, normal, offsets)


SHORT_TEXT = 64  # names, titles and phrases recur across a corpus: fold them once


@lru_cache(maxsize=1 << 16)
def _short_folded(text: str) -> FoldedText:
    normal, offsets = normalise(text)
    offsets.flags.writeable = False  # shared by every caller
    return FoldedText(text, normal, offsets)


def phrase_form(phrase: str) -> str:
    """The normalised form of a listed phrase ("" when it holds no letter or digit)."""
    return normalise(phrase)[0].strip(" ")


def inflect(form: str, rules: Iterable[tuple[str, str]]) -> list[str]:
    """Every form of a normalised phrase under suffix ``rules`` ((ending, replacement) pairs:
    ``("", "s")`` adds an s, ``("y", "ies")`` turns entity into entities), the form first."""
    rules = tuple(rules)
    options = []
    for word in form.split(" "):
        forms = [word]
        if len(word) >= MIN_INFLECTED:
            forms += [word[:len(word) - len(old)] + new for old, new in rules
                      if word.endswith(old) and word[:len(word) - len(old)] + new not in forms]
        options.append(forms)
    return [" ".join(p) for p in itertools.islice(itertools.product(*options), MAX_FORMS)]


def with_insertions(form: str, words: Iterable[str]) -> list[str]:
    """``form`` and, for a multi-word form, each form with one of ``words`` between two words."""
    parts = form.split(" ")
    out = [form]
    for word in sorted({phrase_form(w) for w in words} - {""}):
        for i in range(1, len(parts)):
            out.append(" ".join(parts[:i] + [word] + parts[i:]))
    return out


@dataclass(frozen=True)
class Match:
    """One match: ``start``, ``end`` (offsets into the original text), ``keys`` (every key
    listed with this form, in the order given), ``form`` (the normalised text matched)."""

    start: int
    end: int
    keys: tuple
    form: str

    @property
    def key(self) -> Hashable:
        """The first key listed with this form."""
        return self.keys[0]


class PhraseMatcher:
    """Phrases compiled for matching.

    ``entries``: ``(key, language, phrase)`` triples; the key is what a match reports (a term id,
    a target id, a cue kind …); language is an ISO 639-1 code or ``"*"``. ``inflections``:
    language -> suffix rules (off when None); ``insertions``: language -> words that may stand
    between the words of a phrase (off when None); ``capitals``: apply the capitals rule.
    A phrase without letters or digits raises ``ValueError`` naming it.
    """

    def __init__(self, entries: Iterable[tuple[Hashable, str, str]],
                 inflections: dict[str, Iterable[tuple[str, str]]] | None = None,
                 insertions: dict[str, Iterable[str]] | None = None, capitals: bool = False):
        self.keys: list = []
        key_index: dict = {}
        per_language: dict[str, dict[str, list[int]]] = {}
        self._exact: dict[tuple[str, int], str] = {}  # (form, key index) -> capitals required
        for key, language, phrase in entries:
            form = phrase_form(phrase)
            if not form:
                raise ValueError(f"phrase {phrase!r} (for {key!r}) has no letters or digits")
            k = key_index.setdefault(key, len(self.keys))
            if k == len(self.keys):
                self.keys.append(key)
            forms = inflect(form, inflections.get(language, ())) if inflections else [form]
            if insertions:
                forms = [f for base in forms for f in with_insertions(base, insertions.get(language, ()))]
            if capitals and phrase.isupper() and len(phrase) <= CAPITALS_MAX:
                self._exact[(form, k)] = phrase
            patterns = per_language.setdefault(language, {})
            for f in forms:
                if k not in patterns.setdefault(f, []):
                    patterns[f].append(k)
        shared = per_language.pop(ANY_LANGUAGE, {})
        self._automata = {ANY_LANGUAGE: self._automaton(shared)}
        for language, patterns in per_language.items():
            merged = {f: list(ks) for f, ks in shared.items()}
            for f, ks in patterns.items():
                merged.setdefault(f, []).extend(k for k in ks if k not in merged[f])
            self._automata[language] = self._automaton(merged)

    @staticmethod
    def _automaton(patterns: dict[str, list[int]]):
        automaton = ahocorasick.Automaton()
        for form, keys in patterns.items():
            automaton.add_word(form, (form, tuple(keys)))
        if len(automaton):
            automaton.make_automaton()
        return automaton

    def __len__(self) -> int:
        return len(self.keys)

    def find(self, text: str | FoldedText, language: str) -> list[Match]:
        """Matches in ``text`` (a string or a :class:`FoldedText`), in text order, whole words,
        leftmost-longest, never overlapping."""
        automaton = self._automata.get(language, self._automata[ANY_LANGUAGE])
        if not len(automaton):
            return []
        folded = text if isinstance(text, FoldedText) else FoldedText.of(text)
        normal = folded.normal
        candidates = []
        for last, (form, keys) in automaton.iter(normal):
            start, end = last - len(form) + 1, last + 1
            if start > 0 and normal[start - 1].isalnum():
                continue
            if end < len(normal) and normal[end].isalnum():
                continue
            candidates.append((start, -end, form, keys))
        matches, reached = [], 0
        for start, neg_end, form, keys in sorted(candidates):
            if start < reached:
                continue
            a, b = original_span(folded.offsets, start, -neg_end)
            if self._exact:
                written = straight_apostrophes(folded.text[a:b])
                keys = tuple(k for k in keys if self._exact.get((form, k), written) == written)
                if not keys:
                    continue
            matches.append(Match(a, b, tuple(self.keys[k] for k in keys), form))
            reached = -neg_end
        return matches

    def search(self, text: str | FoldedText, language: str) -> bool:
        """True when any phrase matches ``text``."""
        return bool(self.find(text, language))


@lru_cache(maxsize=4096)
def _list_matcher(phrases: tuple[str, ...], capitals: bool, insertions: tuple[str, ...]) -> PhraseMatcher:
    return PhraseMatcher([(p, ANY_LANGUAGE, p) for p in phrases if phrase_form(p)], capitals=capitals,
                         insertions={ANY_LANGUAGE: insertions} if insertions else None)


def list_matcher(phrases: Iterable[str], capitals: bool = False,
                 insertions: Iterable[str] = ()) -> PhraseMatcher:
    """A matcher for a plain list of phrases, each its own key (compiled once per list and kept):
    the common case of a cue list, an alias list or a verb list."""
    return _list_matcher(tuple(phrases), capitals, tuple(insertions))
