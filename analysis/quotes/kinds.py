"""Which kind a quoted span is, from its words and the sentence around them: the tests
:mod:`analysis.quotes.extraction` applies before it looks for a speaker (direct or scare), and
the ones :func:`analysis.quotes.links.link_mixed` reads to decide whether reported words around a
short quoted phrase make it the reported speaker's."""
from __future__ import annotations

import re

from analysis.quotes.rules import QuoteRules
from analysis.text import tokenize_words

_LAST_WORD = re.compile(r"(\w+)\s*$")


def title_words(words: list[str], headline: bool, rules: QuoteRules) -> bool:
    """Capitalised words, as a name or a title is written ("The Apprentice", “Bill Maher”); in a
    headline written in title case every phrase is, so there it tells nothing."""
    return not headline and bool(words) and all(w[0].isupper() or w.casefold() in rules.particles for w in words)


def headline_case(text: str, sentence: tuple[int, int], p, language: str, rules: QuoteRules) -> bool:
    """A sentence written in title case around the quotation ("Hillary Clinton Calls ISIS Violence
    Against Yazidis ‘Genocide.’"): at least four words outside it, four in five capitalised."""
    outside = text[sentence[0]:p.open_at] + " " + text[p.close_at + 1:sentence[1]]
    words = [w for w in tokenize_words(outside, language) if w[0].isalpha() and w.casefold() not in rules.particles]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def after_possessive(masked: str, at: int, rules: QuoteRules) -> bool:
    """Whether the word just before ``at`` is a possessive determiner ("his “concerns!”")."""
    before = _LAST_WORD.search(masked, max(0, at - 30), at)
    return bool(before) and before.group(1).casefold() in rules.possessives


def classify(words: list[str], has_verb: bool, introduced: bool, headline: bool, rules: QuoteRules) -> str:
    """direct or scare, from the quoted words alone: no words, a short run of capitalised words
    nothing introduces (a name or a title), or a few words without a verb near are scare quotes."""
    if not words:
        return "scare"
    capitalised = title_words(words, headline, rules)
    if len(words) <= rules.name_max_words and capitalised and words[0][0].isupper() and not introduced:
        return "scare"
    if len(words) <= rules.scare_max_words and not has_verb:
        return "scare"
    return "direct"
