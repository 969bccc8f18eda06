"""Who a pronoun or a surname stands for: the people a document has quoted or named so far.

A singular pronoun resolves to the nearest person before it, quoted, named as the subject of a
reporting verb or (he, she, il, elle) as the subject of a sentence, whose gender does not
contradict the pronoun's. A person's gender is read only from the document (a gendered title or
noun right before the name: "Mrs. Clinton", "spokesman Josh Earnest"), never from a list of first
names; a person of unknown gender fits any pronoun. Names after a determiner ("the Taliban") and
names holding an organisation word stand for no he or she. A one-word name is completed from the
one longer name of the document that ends with it. Lookups are by bisection over offsets in text
order, so a document's cost stays linear in its length and its number of people.

On PolNeAR train, 40 pronoun speakers that changed, read by hand: 24 better, 3 worse, 13 wrong
before and after (the named-speaker score counts none of them: PolNeAR's source of "he said" is "he").
"""
from __future__ import annotations

import bisect
import heapq
import re

from analysis.marks import WORD_APOSTROPHES
from analysis.quotes.rules import QuoteRules
from analysis.quotes.speakers import Mention, Verb, is_person, subject_of

_WORD = re.compile(r"[^\W\d_][\w" + WORD_APOSTROPHES + r"\-]*\.?")
_POSSESSIVE = re.compile("[" + WORD_APOSTROPHES + "]s$")
_PAIR = re.compile(r"([^\W\d_][\w" + WORD_APOSTROPHES + r"\-]*)(?= +([^\W\d_][\w" + WORD_APOSTROPHES + r"\-]*))")
_INSIDE = re.compile(r"(?<=[\w,]) +([^\W\d_][\w" + WORD_APOSTROPHES + r"\-]*)")  # a word after a word or a comma


def name_genders(text: str, rules: QuoteRules) -> dict[str, str]:
    """Name as written -> female or male, from a gendered title or noun right before it in
    ``text`` ("Mrs. Clinton", "spokeswoman Hope Hicks", "Mme Dupont"). Only the name as written:
    "daughter Ivanka Trump" says nothing of "Trump". A pronoun before a capital says nothing
    ("told her Republican rivals"); a name given both genders ("Mr. Clinton", "Mrs. Clinton") is
    left out. Linear in the length of the text."""
    words = list(_WORD.finditer(text))
    seen: dict[str, set[str]] = {}
    for i, w in enumerate(words):
        gender = rules.gender(w.group())
        if not gender or w.group().casefold() in rules.singular:
            continue
        j = i + 1
        while j < len(words) and j - i <= 4 and words[j].group()[:1].isupper() \
                and not text[words[j - 1].end():words[j].start()].strip():
            j += 1
            if words[j - 1].group().endswith(".") and len(words[j - 1].group()) > 2:
                break  # the name ends a sentence ("spokeswoman Hope Hicks. She"); not an initial ("J.")
        name = _POSSESSIVE.sub("", " ".join(m.group() for m in words[i + 1:j]).rstrip("."))
        if name:
            seen.setdefault(name, set()).add(gender)
    return {name: genders.pop() for name, genders in seen.items() if len(genders) == 1}


def forenames(text: str, rules: QuoteRules) -> dict[str, set[str]]:
    """Capitalised word -> the capitalised words written right before it that are no title nor
    gendered noun ("Clinton" -> {"Hillary", "Bill"}; "Mrs. Clinton" adds nothing): how many
    people of the document may share a surname."""
    found: dict[str, set[str]] = {}
    for m in _PAIR.finditer(text):
        first, last = m.group(1), m.group(2)
        if first[:1].isupper() and last[:1].isupper() and first.casefold() not in rules.title_words \
                and not rules.gender(first):
            found.setdefault(_POSSESSIVE.sub("", last), set()).add(first)
    return found


def sentence_subjects(masked: str, sentences: list[tuple[int, int]], rules: QuoteRules) -> list[tuple[int, str]]:
    """(sentence start, name) of each sentence whose subject is a name ("Ms. Nwanguma was
    shocked …", "On Wednesday, Clinton bashed …"), read with quotations blanked (``masked``): a
    pronoun in the next sentence most often continues its subject. A name is kept when it has a
    title or when the document writes its last word capitalised inside a sentence too ("Sandra
    Paradis, 78, arrived"), so a sentence's first word ("Voters think", "Proposals so far",
    "Particularly in") names nobody; an opening
    stopword or capitals are no part of it ("But Fiorina", "CLEVELAND — Donald Trump"); a name after a
    preposition is no subject ("In Philadelphia"), nor one after a determiner (a group: "the
    Taliban claimed")."""
    inside = {m.group(1) for m in _INSIDE.finditer(masked)}
    subjects = []
    for a, b in sentences:
        mention = subject_of(masked[a:b], rules)
        words = mention.text.split()
        if words and words[0].casefold() in rules.breakers:
            continue  # "In Philadelphia on Monday, Sanders …": a place, and the subject comes later
        while words and (words[0].casefold() in rules.stopwords - rules.name_stopwords or words[0].isupper()):
            words = words[1:]  # "But Fiorina", a dateline ("CLEVELAND —"), a transcript's "Q"
        if mention.kind == "name" and words and (mention.title or words[-1] in inside) \
                and not _after_determiner(masked[a:b], words[0], rules):
            subjects.append((a, " ".join(words)))
    return subjects


def _after_determiner(region: str, word: str, rules: QuoteRules) -> bool:
    """The last ``word`` of ``region`` follows a determiner: a group ("the Taliban claimed")."""
    before = None
    for before in re.finditer(r"([^\W\d_]+)\s+" + re.escape(word) + r"(?!\w)", region):
        pass
    return bool(before) and before.group(1).casefold() in rules.determiners


class Speakers:
    """The people a document has quoted or named so far, for pronouns and surnames. With
    ``rules`` and the document (``text``, ``masked`` with quotations blanked, ``sentences``),
    pronouns also take the subjects of sentences and the genders the document gives names."""

    def __init__(self, verbs: list[Verb], rules: QuoteRules | None = None, text: str = "", masked: str = "",
                 sentences: list[tuple[int, int]] = ()):
        named = [(v.start, v.mention.text) for v in verbs if v.mention.kind == "name" and not (
            rules and _after_determiner(masked[max(0, v.start - 200):v.start], v.mention.text.split()[0], rules))]
        self.rules = rules
        self.genders = name_genders(text, rules) if rules else {}
        self.forenames = forenames(text, rules) if rules else {}
        self.subjects = sentence_subjects(masked, sentences, rules) if rules else []
        self.starts = [a for a, _ in sentences]
        self.titles = {v.mention.text: v.mention.title for v in verbs if v.mention.title}
        self.named_at = [p for p, _ in named]
        self.named = [n for _, n in named]
        self.quoted_at: list[int] = []
        self.quoted: list[str] = []
        self.by_surname: dict[str, set[str]] = {}
        for name in (v.mention.text for v in verbs if v.mention.kind == "name"):
            if " " in name:
                self.by_surname.setdefault(name.rsplit(" ", 1)[1], set()).add(name)

    def add_quoted(self, at: int, speaker: str) -> None:
        self.quoted_at.append(at)
        self.quoted.append(speaker)

    def _people_before(self, at: int, floor: int, third: bool):
        """(offset, name) of every person quoted before ``at``, or named as the subject of a
        reporting verb before ``floor``, or (for a ``third`` person pronoun) of a sentence,
        nearest first."""
        q = bisect.bisect_left(self.quoted_at, at)
        n = bisect.bisect_left(self.named_at, floor)
        quoted = zip(reversed(self.quoted_at[:q]), reversed(self.quoted[:q]))
        named = zip(reversed(self.named_at[:n]), reversed(self.named[:n]))
        subjects = reversed(self.subjects[:bisect.bisect_left(self.subjects, (floor,))] if third else [])
        return ((p, name) for p, name in heapq.merge(quoted, named, subjects, key=lambda x: -x[0])
                if is_person(name) and not self._organisation(name))

    def _organisation(self, name: str) -> bool:
        """A name holding an organisation word ("State Department"): no he or she stands for it."""
        return bool(self.rules) and any(w.casefold() in self.rules.organisations for w in name.split())

    def gender_of(self, name: str) -> str:
        """female, male or "" (unknown): what the document's titles and nouns say of ``name`` as
        written, or of its surname when one person only bears it here ("Ms. Hughes" for "Rhonda
        Hughes"; "Mrs. Clinton" says nothing of "Bill Clinton" where Hillary Clinton is named too)."""
        surname = name.rsplit(" ", 1)[-1]
        if name in self.genders or len(self.forenames.get(surname, ())) > 1:
            return self.genders.get(name, "")
        return self.genders.get(surname, "")

    def resolve(self, mention: Mention, at: int) -> str:
        """The speaker a mention stands for: a name or description as written; a singular
        pronoun resolved to the nearest person before it whose gender does not contradict the
        pronoun's (an object pronoun, "him", skips its own sentence's subject); otherwise
        ``unknown``."""
        if mention.kind in ("name", "role"):
            return mention.text
        if mention.kind == "pronoun":
            wanted = self.rules.gender(mention.text) if self.rules else ""
            floor = at
            if self.rules and mention.text.casefold() not in self.rules.subjects and self.starts:
                # an object pronoun is never its own sentence's subject ("Maariv claimed quoting him")
                floor = self.starts[max(bisect.bisect_right(self.starts, at) - 1, 0)]
            for _, name in self._people_before(at, floor, bool(wanted)):
                if self.gender_of(name) in ("", wanted) or not wanted:
                    return name
        return "unknown"

    def title_of(self, name: str) -> str:
        """The title this document gave ``name`` where it named it with one."""
        return self.titles.get(name, "")

    def full_name(self, name: str) -> str:
        """A one-word name completed from a longer name of the same document ("Massoud" →
        "Ahmad Massoud" when a reporting verb had "Ahmad Massoud" as its subject)."""
        if " " in name:
            return name
        longer = self.by_surname.get(name, set())
        return next(iter(longer)) if len(longer) == 1 else name
