"""Which kind a quoted span is, from its words and the sentence around them: the tests
:mod:`analysis.quotes.extraction` applies before it looks for a speaker (direct or scare), and
the ones :func:`analysis.quotes.links.link_mixed` reads to decide whether reported words around a
short quoted phrase make it the reported speaker's."""
from __future__ import annotations

import re

from analysis.quotes.rules import QuoteRules

_LAST_WORD = re.compile(r"(\w+)\s*$")


def title_words(words: list[str], rules: QuoteRules) -> bool:
    """Capitalised words, as a name or a title is written ("The Apprentice", “Bill Maher”). In a
    headline written in title case every phrase is, but reading such headlines as sentences gave
    speakers like "Axl Rose Death Hoax" on FNC-1 bodies: they stay titles."""
    return bool(words) and all(w[0].isupper() or w.casefold() in rules.particles for w in words)


def after_possessive(masked: str, at: int, rules: QuoteRules) -> bool:
    """Whether the word just before ``at`` is a possessive determiner ("his “concerns!”")."""
    before = _LAST_WORD.search(masked, max(0, at - 30), at)
    return bool(before) and before.group(1).casefold() in rules.possessives


def classify(words: list[str], has_verb: bool, introduced: bool, rules: QuoteRules) -> str:
    """direct or scare, from the quoted words alone: no words, a short run of capitalised words
    nothing introduces (a name or a title), or a few words without a verb near are scare quotes."""
    if not words:
        return "scare"
    capitalised = title_words(words, rules)
    if len(words) <= rules.name_max_words and capitalised and words[0][0].isupper() and not introduced:
        return "scare"
    if len(words) <= rules.scare_max_words and not has_verb:
        return "scare"
    return "direct"
