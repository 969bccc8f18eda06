"""Evaluative language, distancing and reported speech inside one sentence, read for target stance.

The words come from the language resources (``evaluative``: delegitimising, legitimising,
dehumanising, intensifier; ``cues.distancing``; the reporting verbs), never from code, and are
found by the one phrase matcher. A language without resources finds nothing here.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from analysis.languages import VERB_ROLES, language_resources
from analysis.matcher import PhraseMatcher

# Direction of each evaluative category toward the actor it is aimed at.
EVALUATIVE_DIRECTION = {"delegitimising": -1, "dehumanising": -1, "legitimising": +1}
EVALUATIVE_WEIGHT = 0.5      # one story-independent evaluative word (a story's loaded term counts 1)
INTENSIFIED = 1.5            # an evaluative word right after an intensifier ("utterly failed")
DISTANCED_NAME_WEIGHT = -0.5  # "so-called X", "X claims to be", 'X' in scare quotes
DISTANCED_PRAISE = -0.5      # positive sentiment under distancing counts this many times, negated
AIM_WORDS = 6                # an evaluative word is aimed at a target named this many words away


@dataclass(frozen=True)
class Cue:
    kind: str   # delegitimising, legitimising, dehumanising, intensifier, distancing, reporting
    #             (a reporting verb or an attitude phrase)
    phrase: str
    start: int  # offsets in the sentence
    end: int


@lru_cache(maxsize=32)
def _matcher(language: str) -> PhraseMatcher:
    res = language_resources(language)
    entries = [((kind, p), language, p) for kind, phrases in res.evaluative.items() for p in phrases]
    entries += [(("distancing", p), language, p) for p in res.cues.get("distancing", ())]
    entries += [(("reporting", v), language, v) for v in res.verbs(*VERB_ROLES)]
    entries += [(("reporting", p), language, p) for p in res.cues.get("attitude", ())]
    return PhraseMatcher(entries, inflections={language: res.inflections})


def sentence_cues(sentence: str, language: str) -> list[Cue]:
    """Evaluative words, distancing words and reporting verbs of ``sentence`` in text order
    (leftmost-longest: "claims to be" is one distancing cue, not the verb "claims")."""
    return [Cue(m.key[0], m.key[1], m.start, m.end) for m in _matcher(language).find(sentence, language)]


def reported_start(cues: list[Cue], quote_spans) -> int | None:
    """Where reported speech begins in a sentence: the first reporting verb or attitude phrase
    (``cues.attitude``: "has drawn criticism from", "who view X as") outside a direct quotation;
    what follows it is the speaker's, not the author's. None when the sentence reports nobody."""
    for c in cues:
        if c.kind == "reporting" and not any(a <= c.start < b for a, b in quote_spans):
            return c.start  # the verb or phrase too ("drawn criticism") is the speaker's act
    return None


def words_between(text: str, a: int, b: int) -> int:
    """Number of words between offsets ``a`` and ``b`` (either order)."""
    lo, hi = min(a, b), max(a, b)
    return len(text[lo:hi].split())


def aimed_at(cue: Cue, mentions, text: str) -> object | None:
    """The mention a cue is aimed at: the nearest mention before it within ``AIM_WORDS`` words
    (an evaluation usually follows the name: "Washington's hasty exit", "Massoud and his
    treacherous team"), else the nearest after it within that distance; None when no target is
    that close. ``mentions``: rows with ``rel_start``/``rel_end`` (offsets in the sentence)."""
    before = [m for m in mentions if m.rel_end <= cue.start and words_between(text, m.rel_end, cue.start) <= AIM_WORDS]
    if before:
        return max(before, key=lambda m: m.rel_end)
    after = [m for m in mentions if m.rel_start >= cue.end and words_between(text, cue.end, m.rel_start) <= AIM_WORDS]
    return min(after, key=lambda m: m.rel_start) if after else None
