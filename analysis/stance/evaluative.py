"""Evaluative language, distancing and reported speech inside one sentence, read for target stance.

The words come from the language resources (``evaluative``: delegitimising, legitimising,
dehumanising, intensifier; ``cues.distancing``; the reporting verbs), never from code, and are
found by the one phrase matcher. A language without resources finds nothing here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.languages import VERB_ROLES, language_resources
from analysis.marks import OPENING_A_SENTENCE, WORD_APOSTROPHES
from analysis.matcher import PhraseMatcher
from analysis.quotes.rules import quote_rules

# Direction of each evaluative category toward the actor it is aimed at.
EVALUATIVE_DIRECTION = {"delegitimising": -1, "dehumanising": -1, "legitimising": +1}
EVALUATIVE_WEIGHT = 0.5      # one story-independent evaluative word (a story's loaded term counts 1)
INTENSIFIED = 1.5            # an evaluative word right after an intensifier ("utterly failed")
DISTANCED_NAME_WEIGHT = -0.5  # "so-called X", "X claims to be", 'X' in scare quotes
DISTANCED_PRAISE = -0.5      # positive sentiment under distancing counts this many times, negated
AIM_WORDS = 6                # an evaluative word is aimed at a target named this many words away
CLAUSE_BREAK = re.compile(r"[,;:—–()]")  # an evaluation before a name does not reach past these
SUBJECT_WORDS = 2            # a verb's subject ends at most this many words before it ("has also")
INVERTED_SPEAKER_WORDS = 4   # "…, warns Ahmad Massoud": at most this many words after a final verb


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


# What follows a verb that introduces someone's words: "claimed that", « a prétendu que », a colon,
# an opening quotation mark ("claimed rule", took possession, introduces nothing).
INTRODUCES_SPEECH = re.compile(r"\s*(?:that\b|que\b|qu(?=[" + re.escape(WORD_APOSTROPHES) + "])|:|["
                               + re.escape(OPENING_A_SENTENCE) + "])", re.IGNORECASE)


def disowns_speech(cue: Cue, sentence: str, language: str) -> bool:
    """Whether ``cue`` is a distancing reporting verb ("claimed", « a prétendu ») that introduces
    its speaker's words: the author reports them without vouching for them."""
    return (cue.kind == "reporting" and quote_rules(language).verb_role.get(cue.phrase) == "distancing"
            and INTRODUCES_SPEECH.match(sentence, cue.end) is not None)


def reported_span(cues: list[Cue], quote_spans, text: str) -> tuple[int, int] | None:
    """The reported speech of a sentence, as offsets: from the first reporting verb or attitude
    phrase (``cues.attitude``: "has drawn criticism from", "who view X as") outside a direct
    quotation to the end ("X said that …"), or, when the verb comes last after a comma with only
    the speaker after it ("… are futile, warns Ahmad Massoud"), everything before the verb. What
    the span holds is the speaker's, not the author's. None when the sentence reports nobody."""
    for c in cues:
        if c.kind == "reporting" and not any(a <= c.start < b for a, b in quote_spans):
            if text[:c.start].rstrip().endswith(",") and len(text[c.end:].split()) <= INVERTED_SPEAKER_WORDS:
                return 0, c.start
            return c.start, len(text)  # the verb or phrase too ("drawn criticism") is the speaker's act
    return None


def words_between(text: str, a: int, b: int) -> int:
    """Number of words between offsets ``a`` and ``b`` (either order)."""
    lo, hi = min(a, b), max(a, b)
    return len(text[lo:hi].split())


def aimed_at(cue: Cue, mentions, text: str, reach: int = AIM_WORDS, forward: bool = True) -> object | None:
    """The mention a cue is aimed at: the nearest mention before it within ``AIM_WORDS`` words
    (an evaluation usually follows the name: "Washington's hasty exit", "Massoud and his
    treacherous team"), else the nearest after it within that distance; None when no target is
    that close, or only after a clause break. ``reach``: the distance in words; ``forward=False``:
    only before it (a verb's subject: ``reach`` = ``SUBJECT_WORDS``). ``mentions``: rows with
    ``rel_start``/``rel_end`` (offsets in the sentence)."""
    before = [m for m in mentions if m.rel_end <= cue.start and words_between(text, m.rel_end, cue.start) <= reach]
    if before or not forward:
        return max(before, key=lambda m: m.rel_end, default=None)
    after = [m for m in mentions if m.rel_start >= cue.end and words_between(text, cue.end, m.rel_start) <= reach
             and not CLAUSE_BREAK.search(text, cue.end, m.rel_start)]  # "hastily arranged …, Sestak said"
    return min(after, key=lambda m: m.rel_start) if after else None
