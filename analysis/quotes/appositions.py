"""Appositions between a name and its reporting verb: "Ahmad Massoud, the leader of the NRF, said",
"Jane Doe, 45, of Springfield, Mo., said", "J.J. Goldberg, editor at large of The Forward, an
influential newspaper, wrote". Which segments between commas describe the name before them, and
where the chain of them starts: the name before it is who speaks."""
from __future__ import annotations

import re

from analysis.marks import WORD_APOSTROPHES
from analysis.matcher import FoldedText
from analysis.quotes.mentions import NO_MENTION, PARENTHESES, Mention, mention_in
from analysis.quotes.rules import QuoteRules

_PARTY_STATE = re.compile(r"[RDI]-[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?")  # "R-TX", "D-N.Y.", "R-Wis."
_TOKEN = re.compile(r"(?<!\w)([\w" + WORD_APOSTROPHES + r"]+)(?!\w)")


def describes_between(apposition: list[str], named: Mention, rules: QuoteRules) -> bool:
    """Whether the words between commas after ``named`` describe it rather than open a clause of
    their own: "Hamish de Bretton-Gordon, ex-head of … for the Army and Nato, said", "De Blasio,
    speaking on WOR710, called"; not a clause ("On Wednesday, he seemed to …, warning", "Ahmed
    Masoud, a demandé l’aide d’Israël, c’est ce qu’a révélé": a stopword first, or a reporting
    verb), nor after a time only ("Sunday")."""
    if not apposition[0][:1].islower() or apposition[0].casefold() in rules.stopwords | rules.coordinators:
        return False
    if all(w.casefold() in rules.not_names or w.casefold() in rules.stopwords for w in named.text.split()):
        return False
    return not rules.verbs.find(FoldedText.of(" ".join(apposition)), "*")


def before_hometown(text: str, masked: str, floor: int, commas: list[int], rules: QuoteRules) -> Mention:
    """Who is named before a hometown written the news way, city then state between commas, with
    an age before it ("Jane Doe, 45, of Springfield, Mo., said"): the segments of the state, the
    city ("of Springfield", "in Columbus") and the age are passed over, back to the first other one,
    and so are asides that open with a preposition ("Mr. Santorum, at another appearance on
    Saturday, in Columbus, Ohio, called")."""
    k = len(commas) - 2  # the segment before the state
    while k >= 0:
        start = commas[k - 1] + 1 if k else floor
        words = masked[start:commas[k]].split()
        first = words[0].casefold() if words else ""
        origin = len(words) >= 2 and first in rules.particles and words[1][:1].isupper()
        aside = k > 0 and len(words) >= 2 and opens_with_preposition(words, rules)
        if not (origin or aside or len(words) == 1 and words[0].isdigit()):
            return mention_in(text[start:commas[k]], rules)
        k -= 1
    return NO_MENTION


def ends_on_name(segment: str, rules: QuoteRules) -> bool:
    """Whether a segment ends on a capitalised word, as a name an apposition follows does ("J.J.
    Goldberg, editor at large …"); not a date, not a clause ("After the mayors of Chicago and Boston heaped
    scorn upon the company, the mayor of Washington, DC, suggested")."""
    words = _TOKEN.findall(PARENTHESES.sub(" ", segment))  # "Sen. Ron Johnson (R-Wis.), …"
    if not words or words[-1].casefold() in rules.weekdays or (  # "… on Wednesday", "In December"
            words[-1].casefold() in rules.not_names and words[0].casefold() in rules.stopwords):
        return False  # but "Theresa May"
    return words[-1][:1].isupper() or words[-1].casefold() in rules.name_suffixes


def appositions_start(masked: str, floor: int, commas: list[int], rules: QuoteRules,
                       circumstances: bool = False) -> int:
    """Index of the comma that ends the name before a chain of appositions running up to the
    verb: "J.J. Goldberg, editor at large of The Forward, an influential newspaper, wrote" (two
    appositions, each opening with a determiner or a lower-case word). With ``circumstances``
    (the verb right after the chain's last comma) and a last link that opens with a preposition,
    asides opening with one are links too ("Mr. Santorum, at another appearance on Saturday, in
    Columbus, called"; not "At a rally in Portsmouth, N.H., on Tuesday, Sanders endorsed Clinton,
    saying")."""
    j = len(commas) - 2
    last = masked[floor + commas[j] + 1:floor + commas[j + 1]].split()
    circumstances = circumstances and opens_with_preposition(last, rules)
    while j >= 1 and len(commas) - j <= 4:
        words = masked[floor + commas[j - 1] + 1:floor + commas[j]].split()
        if not words or not (circumstances and opens_with_preposition(words, rules)
                             or opens_apposition(words, rules)):
            break
        j -= 1
    return j


def opens_with_preposition(words: list[str], rules: QuoteRules) -> bool:
    """The words between commas are an aside saying where or when: a lower-case preposition first
    ("at another appearance on Saturday", "in Columbus", « lors d'une autre apparition »)."""
    return bool(words) and words[0][:1].islower() and words[0].casefold() in rules.prepositions


def opens_apposition(words: list[str], rules: QuoteRules) -> bool:
    """The words between commas describe the name before them: a determiner or a lower-case word
    that is no stopword first ("the former Florida governor", "becoming president of …"), or a
    party and state ("Sen. John Cornyn, R-TX, who heads …, said")."""
    first = words[0].casefold()
    return first in rules.determiners or words[0][:1].islower() and first not in rules.stopwords \
        or bool(_PARTY_STATE.fullmatch(" ".join(words)))


def role_after_modifier(words: list[str], rules: QuoteRules) -> bool:
    """A lower-case role noun second or third, after a capitalised modifier or a joining word, and
    no name at the end: "U.S. special representative for North Korean policy", "and director on
    the series" describe the name before a relative clause (not "NASA expert Don Yeomans", who speaks).
    Not a link of the chain :func:`appositions_start` reads: there "Mr. Trump's campaign chairman,
    Paul Manafort," would pass the name by."""
    return any(w[:1].islower() and w.casefold() in rules.roles for w in words[1:3]) and words[-1][:1].islower()
