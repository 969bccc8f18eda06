"""Who said it: reporting verbs outside quotations, the speaker named around each, pronouns
resolved to the last person quoted or named.

Every search is bounded to a window before the verb (``WINDOW`` characters), so the cost per
verb does not grow with the length of a sentence; a document's cost is linear in its length.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from analysis.marks import WORD_APOSTROPHES, strip_marks
from analysis.matcher import FoldedText
from analysis.quotes.rules import QuoteRules

WINDOW = 300  # characters before a verb searched for its speaker
_WORD = re.compile(r"[^\W_][\w" + WORD_APOSTROPHES + r"\-]*")
_SEGMENT = re.compile(r"[,;:()]")
_TOKEN = re.compile(r"(?<!\w)([\w" + WORD_APOSTROPHES + r"]+)(?!\w)")
_POSSESSIVE = re.compile("[" + WORD_APOSTROPHES + "]s$")


@dataclass(frozen=True)
class Mention:
    text: str
    kind: str  # name, role, pronoun, plural, none


NO_MENTION = Mention("", "none")


@dataclass
class Verb:
    start: int
    end: int
    verb: str
    mention: Mention
    source: str = ""


def _role_phrase(words: list[str], folded: list[str], i: int, rules: QuoteRules) -> str:
    """The description headed by role noun ``words[i]``: "a spokesperson of the group",
    "le chef du Front de résistance nationale"."""
    begin = i
    while begin > 0 and i - begin < 2 and (folded[begin - 1] in rules.determiners
                                           or words[begin - 1][0].isupper()):
        begin -= 1
        if folded[begin] in rules.determiners:
            break
    end = i + 1
    if end < len(words) and folded[end] in rules.particles:
        while (end < len(words) and end - i <= 6 and folded[end] not in rules.breakers
               and folded[end] not in rules.skip):
            end += 1
        while end > i + 1 and folded[end - 1] in rules.particles | rules.determiners:
            end -= 1
    return " ".join(words[begin:end])


def _capitalised_runs(words: list[str], folded: list[str], rules: QuoteRules) -> list[list[str]]:
    runs, run = [], []
    for w, f in zip(words, folded):
        if w[0].isupper() and f not in rules.determiners and f not in rules.singular | rules.plural:
            run.append(w)
        elif run and f in rules.particles:
            run.append(w)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def mention_in(region: str, rules: QuoteRules) -> Mention:
    """The speaker named in the words before a reporting verb (its clause only)."""
    words = _WORD.findall(strip_marks(region))
    while words and words[-1].casefold() in rules.skip:
        words.pop()
    if not words:
        return NO_MENTION
    last = words[-1].casefold()
    if last in rules.singular:
        return Mention(words[-1], "pronoun")
    if last in rules.plural:
        return Mention(words[-1], "plural")
    folded = [w.casefold() for w in words]
    for i, w in enumerate(folded):
        if w in rules.roles:
            return Mention(_role_phrase(words, folded, i, rules), "role")
    for run in _capitalised_runs(words, folded, rules):
        while run and run[-1].casefold() in rules.particles:
            run.pop()
        if run:
            return Mention(_POSSESSIVE.sub("", " ".join(run)), "name")
    return NO_MENTION


def is_person(name: str) -> bool:
    """A name a singular pronoun may refer to: not an all-capitals acronym (NRF, UN)."""
    return any(not w.isupper() for w in name.split())


def _clause_start(masked: str, floor: int, at: int, rules: QuoteRules) -> int:
    """Where the clause ending at ``at`` begins: after the last , ; : or conjunction."""
    cut = floor
    for match in _SEGMENT.finditer(masked, floor, at):
        cut = match.end()
    for match in _TOKEN.finditer(masked, cut, at):
        if match.group(1).casefold() in rules.conjunctions:
            cut = match.end()
    return cut


def _previous_segment(masked: str, floor: int, at: int) -> int:
    commas = [m.start() for m in _SEGMENT.finditer(masked, floor, at)]
    return commas[-2] + 1 if len(commas) >= 2 else floor


def _quoting_phrase(verb: Verb, tail: str, rules: QuoteRules) -> Verb:
    """"<source> claimed quoting <speaker> as saying": the speaker is the one quoted, the verb's
    subject becomes the source."""
    closing = rules.as_saying.find(tail, "*")
    if not closing:
        return verb
    region = tail[:closing[0].start].lstrip().lstrip(",").strip()
    first, _, rest = region.partition(" ")
    if first.casefold() in rules.quoting:
        region = rest.strip()
    elif verb.verb.casefold() not in rules.quoting:
        return verb
    quoted = mention_in(region, rules)
    if not (0 < len(region) <= 40) or quoted.kind == "none":
        return verb
    end = verb.end + closing[0].end
    return Verb(verb.start, end, verb.verb, quoted, source=verb.mention.text)


def find_verbs(text: str, masked: str, sentences: list[tuple[int, int]], rules: QuoteRules) -> list[Verb]:
    """Every reporting verb outside quotations, with the speaker named before it, in text order.

    ``masked`` blanks every quotation (no verb is found inside one); ``text`` blanks only long
    quotations, so a short quoted title ("le « chef du Front … » a déclaré") can name a speaker.
    """
    verbs = []
    ends = [b for _, b in sentences]
    for match in rules.verbs.find(FoldedText.of(masked), "*"):
        s = bisect.bisect_right(ends, match.start)
        floor = max(sentences[s][0] if s < len(sentences) else 0, match.start - WINDOW)
        cut = _clause_start(masked, floor, match.start, rules)
        mention = mention_in(text[cut:match.start], rules)
        if mention.kind == "none" and cut > floor:
            mention = mention_in(text[_previous_segment(masked, floor, cut - 1):cut - 1], rules)
        found = Verb(match.start, match.end, match.key, mention)
        tail = masked[match.end:match.end + 80]
        next_word = tail.split(None, 1)[0].strip(",").casefold() if tail.strip() else ""
        if match.key.casefold() in rules.quoting or next_word in rules.quoting:
            found = _quoting_phrase(found, tail, rules)
        verbs.append(found)
    return verbs


class Speakers:
    """The people a document has quoted or named so far, for pronouns and surnames."""

    def __init__(self, verbs: list[Verb]):
        named = [(v.start, v.mention.text) for v in verbs if v.mention.kind == "name"]
        self.named_at = [p for p, _ in named]
        self.named = [n for _, n in named]
        self.quoted_at: list[int] = []
        self.quoted: list[str] = []
        self.by_surname: dict[str, set[str]] = {}
        for name in self.named:
            if " " in name:
                self.by_surname.setdefault(name.rsplit(" ", 1)[1], set()).add(name)

    def add_quoted(self, at: int, speaker: str) -> None:
        self.quoted_at.append(at)
        self.quoted.append(speaker)

    @staticmethod
    def _last_person(positions: list[int], names: list[str], at: int) -> str | None:
        for i in range(bisect.bisect_left(positions, at) - 1, -1, -1):
            if is_person(names[i]):
                return names[i]
        return None

    def resolve(self, mention: Mention, at: int) -> str:
        """The speaker a mention stands for: a name or description as written; a singular
        pronoun resolved to the last person quoted before it, or failing that the last person
        named as the subject of a reporting verb; otherwise ``unknown``."""
        if mention.kind in ("name", "role"):
            return mention.text
        if mention.kind == "pronoun":
            for positions, names in ((self.quoted_at, self.quoted), (self.named_at, self.named)):
                person = self._last_person(positions, names, at)
                if person:
                    return person
        return "unknown"

    def full_name(self, name: str) -> str:
        """A one-word name completed from a longer name of the same document ("Massoud" →
        "Ahmad Massoud" when a reporting verb had "Ahmad Massoud" as its subject)."""
        if " " in name:
            return name
        longer = self.by_surname.get(name, set())
        return next(iter(longer)) if len(longer) == 1 else name
