"""Which kind a quoted span is, from its words and the sentence around them: the tests
:mod:`analysis.quotes.extraction` applies before it looks for a speaker (direct or scare), and
the ones :func:`analysis.quotes.links.link_mixed` reads to decide whether reported words around a
short quoted phrase make it the reported speaker's."""
from __future__ import annotations

import re

from analysis.quotes.rules import QuoteRules

_LAST_WORD = re.compile(r"(\w+)\s*$")
_FIRST_WORD = re.compile(r"[ \t]*(\w+)")


def title_words(words: list[str], rules: QuoteRules) -> bool:
    """Capitalised words, as a name or a title is written ("The Apprentice", “Bill Maher”). In a
    headline written in title case every phrase is, but reading such headlines as sentences gave
    speakers like "Axl Rose Death Hoax" on FNC-1 bodies: they stay titles."""
    return bool(words) and all(w[0].isupper() or w.casefold() in rules.particles for w in words)


def after_possessive(masked: str, at: int, rules: QuoteRules) -> bool:
    """Whether the word just before ``at`` is a possessive determiner ("his “concerns!”")."""
    before = _LAST_WORD.search(masked, max(0, at - 30), at)
    return bool(before) and before.group(1).casefold() in rules.possessives


def work_title(words: list[str], masked: str, at: int, after: int, owned: bool, rules: QuoteRules) -> bool:
    """Whether quoted words opening at ``at`` (their closing mark ends before ``after``) are the
    title of a work: written in title case (minor words and numbers aside) and right after a work
    noun ("his book, “Crippled America: How to Make America Great Again”", "the musical
    ''Spotlight''"), right before one ("the “Today” show") or after an owner (``owned``: "CNBC's
    ''Secret Lives of the Super Rich''"), or where someone spoke ("said on “Fox News Sunday”").
    Nobody's words, whoever speaks around them."""
    capitals = [w for w in words if w.casefold() not in rules.minor_words and not w.isdigit()]
    if not capitals or not words[0][0].isupper() or not title_words(capitals, rules):
        return False
    before = _LAST_WORD.search(masked[max(0, at - 40):at].rstrip(" ,"))  # "his book, “…”"
    next_word = _FIRST_WORD.match(masked, after)
    return owned or (before is not None and before.group(1).casefold() in rules.works | rules.media) \
        or (next_word is not None and next_word.group(1).casefold() in rules.works)


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
