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

from analysis.marks import QUOTE_MARKS, WORD_APOSTROPHES
from analysis.matcher import FoldedText
from analysis.quotes.names import POSSESSIVE, names_organisation
from analysis.quotes.rules import QuoteRules
from analysis.quotes.speakers import Mention, Verb, is_person, subject_of

_WORD = re.compile(r"[^\W\d_][\w" + WORD_APOSTROPHES + r"\-]*\.?")
_PAIR = re.compile(r"([^\W\d_][\w" + WORD_APOSTROPHES + r"\-]*)(?= +([^\W\d_][\w" + WORD_APOSTROPHES + r"\-]*))")
_BLANKED = re.compile("(?<=[" + re.escape(QUOTE_MARKS) + "])[ \n]+(?=[" + re.escape(QUOTE_MARKS) + "])")  # a quotation's inside
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
        name = POSSESSIVE.sub("", " ".join(m.group() for m in words[i + 1:j]).rstrip("."))
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
            found.setdefault(POSSESSIVE.sub("", last), set()).add(first)
    return found


def sentence_subjects(text: str, masked: str, sentences: list[tuple[int, int]],
                      rules: QuoteRules) -> list[tuple[int, str]]:
    """(sentence start, name) of each sentence whose subject is a name ("Ms. Nwanguma was
    shocked …", "On Wednesday, Clinton bashed …"), read with quotations blanked (``masked``) but
    the comma that closes a quotation inside the author's clause kept from ``text`` ("When Mr. Biden
    went after the “47 percent,” Mr. Ryan reminded …": the clause before the comma is no subject;
    not "Clinton seemed irritated: “It's done,” she wrote"): a
    pronoun in the next sentence most often continues its subject. A name is kept when it has a
    title or when the document writes its last word capitalised inside a sentence too ("Sandra
    Paradis, 78, arrived"), so a sentence's first word ("Voters think", "Proposals so far",
    "Particularly in") names nobody; an opening
    stopword or capitals are no part of it ("But Fiorina", "CLEVELAND — Donald Trump"); a name after a
    preposition is no subject ("In Philadelphia"), nor one after a determiner (a group: "the
    Taliban claimed")."""
    inside = {m.group(1) for m in _INSIDE.finditer(masked)}
    clauses = list(masked)
    for blank in _BLANKED.finditer(masked):
        before = masked[:blank.start() - 1].rstrip()[-1:]
        if text[blank.end() - 1] == "," and (before.isalnum() or before in WORD_APOSTROPHES):
            clauses[blank.end() - 1] = ","  # the quotation goes on the author's clause: "about the “47 percent,”"
    masked = "".join(clauses)
    subjects = []
    for a, b in sentences:
        mention = subject_of(masked[a:b], rules)
        words = mention.text.split()
        if words and words[0].casefold() in rules.breakers:
            continue  # "In Philadelphia on Monday, Sanders …": a place, and the subject comes later
        while words and (words[0].casefold() in rules.stopwords - rules.name_stopwords or words[0].isupper()):
            words = words[1:]  # "But Fiorina", a dateline ("CLEVELAND —"), a transcript's "Q"
        if mention.kind == "name" and words and (mention.title or words[-1] in inside) \
                and words[-1].casefold() not in rules.weekdays \
                and not _after_determiner(masked[a:b], words[0], rules):  # not "Speaking Sunday"
            subjects.append((a, " ".join(words)))
    return subjects


def _after_determiner(region: str, word: str, rules: QuoteRules) -> bool:
    """The last ``word`` of ``region`` follows a determiner: a group ("the Taliban claimed")."""
    before = None
    for before in re.finditer(r"([^\W\d_]+)\s+" + re.escape(word) + r"(?!\w)", region):
        pass
    return bool(before) and before.group(1).casefold() in rules.determiners


def role_holders(text: str, rules: QuoteRules) -> list[tuple[int, str, str]]:
    """(offset, role noun, name) for each person the document gives a role noun, in text order:
    the noun right before the name ("spokesman Josh Earnest", "President Obama"), or an
    apposition on either side of it ("Le chef des rebelles en Afghanistan, Ahmed Masoud,",
    "Ahmad Massoud, the leader of the NRF,"). Titles are dropped from the name; a name's last
    word must be written capitalised inside a sentence somewhere in the document ("Ensuite, le
    ministre" gives nothing), and a name holds no organisation word, determiner or month."""
    words = list(_WORD.finditer(text))
    inside = {m.group(1) for m in _INSIDE.finditer(text)}
    refused = rules.organisations | rules.determiners | rules.not_names
    starts = [w.start() for w in words]
    found = []
    for i, w in enumerate(words):
        role = w.group().casefold().rstrip(".")
        if role not in rules.roles or role in rules.documents or role in rules.organisations:
            continue  # a person's role: "the statement", "the campaign" are no one's
        name = (_titled(words, i, role, text, rules) or _apposition_after(words, i, text, rules)
                or _apposition_before(words, i, text, rules))
        found.append((w.start(), role, name))
    for title in rules.titles.find(FoldedText.of(text), "*"):  # "ex-Vice President Dick Cheney", "Sen. Ted Cruz"
        found.append((title.start, title_role(title.key, rules), _after_title(words, starts, title.end, text, rules)))
    return sorted((at, role, name) for at, role, name in found if name and is_person(name) and name.split()[-1] in inside
                  and not any(x.casefold() in refused for x in name.split()))


def title_role(title: str, rules: QuoteRules) -> str:
    """The role a listed title gives its bearer, as a description would name it: "Vice President"
    -> vice president, "Former President" -> president, "Sen." -> senator, "le ministre" -> ministre."""
    words = title.casefold().rstrip(".").split()
    while len(words) > 1 and (words[0] in rules.determiners or words[0] in rules.role_modifiers):
        words = words[1:]
    role = " ".join(words)
    return rules.title_roles.get(role, role)


def _after_title(words: list, starts: list[int], end: int, text: str, rules: QuoteRules) -> str | None:
    """The name right after a title that ends at offset ``end`` (``starts``: the words' offsets)."""
    k = bisect.bisect_left(starts, end)
    if k == len(words) or text[end:words[k].start()].strip(" ."):
        return None
    return _capitalised_run(words, k, 1, text, rules)[0]


def _titled(words: list, i: int, role: str, text: str, rules: QuoteRules) -> str | None:
    """The name right after role ``words[i]`` in lower case ("spokesman Josh Earnest"); a
    capitalised one is a title, read by ``rules.titles`` ("President Obama", "Vice President
    Biden"), or no role (a headline's "Newspaper Says Clinton")."""
    w = words[i]
    if i + 1 >= len(words) or text[w.end():words[i + 1].start()].strip() or w.group()[:1].isupper() \
            or w.group().endswith("."):  # "… if elected president.\n\nSanders accused"
        return None
    return _capitalised_run(words, i + 1, 1, text, rules)[0]


def _apposition_after(words: list, i: int, text: str, rules: QuoteRules) -> str | None:
    """The name between commas after role ``words[i]`` and its complement, if any: "Le chef des
    rebelles en Afghanistan, Ahmed Masoud,"; not "the president and the first lady, Michelle Obama,"."""
    comma = text.find(",", words[i].end(), words[i].end() + 80)
    if comma < 0 or any(c in text[words[i].end():comma] for c in ".;:!?\n"):
        return None
    between = text[words[i].end():comma].split()
    if (between and between[0].casefold() not in rules.particles) or any(
            x.casefold() in rules.coordinators for x in between):
        return None
    k = next((j for j in range(i + 1, len(words)) if words[j].start() > comma), None)
    name, end = _capitalised_run(words, k, 1, text, rules) if k is not None else (None, 0)
    return name if name and text[end:].lstrip()[:1] == "," else None


def _apposition_before(words: list, i: int, text: str, rules: QuoteRules) -> str | None:
    """The name before a comma and a determiner before role ``words[i]``: "Ahmad Massoud, the leader"."""
    if i < 2 or words[i - 1].group().casefold() not in rules.determiners \
            or text[words[i - 2].end():words[i - 1].start()].strip() != ",":
        return None
    return _capitalised_run(words, i - 2, -1, text, rules)[0]


def _capitalised_run(words: list, k: int, step: int, text: str, rules: QuoteRules) -> tuple[str | None, int]:
    """(name, end offset) of up to four capitalised words from ``words[k]`` on (``step`` 1) or
    back (``step`` -1), spaces only between them, titles left out; (None, 0) when ``words[k]``
    is no capital."""
    run = []
    while 0 <= k < len(words) and len(run) < 4 and words[k].group()[:1].isupper():
        run.append(words[k])
        nxt = k + step
        if not 0 <= nxt < len(words):
            break
        a, b = (words[k], words[nxt]) if step > 0 else (words[nxt], words[k])
        if text[a.end():b.start()].strip() or (a.group().endswith(".") and len(a.group()) > 3):
            break  # not next to each other, or a sentence ends between them ("Westmacott. He"; not "J.")
        k = nxt
    if not run:
        return None, 0
    run = sorted(run, key=lambda m: m.start())
    kept = [m.group().rstrip(".") if m is run[-1] else m.group() for m in run
            if m.group().casefold().rstrip(".") not in rules.title_words]
    return POSSESSIVE.sub("", " ".join(kept)) or None, run[-1].end()


class Speakers:
    """The people a document has quoted or named so far, for pronouns, surnames and
    descriptions: read from its reporting ``verbs`` and from the document (``text``, ``masked``
    with quotations blanked, ``sentences``): the subjects of its sentences, the genders and the
    roles it gives names."""

    def __init__(self, verbs: list[Verb], rules: QuoteRules, text: str, masked: str,
                 sentences: list[tuple[int, int]]):
        named = [(v.start, v.mention.text) for v in verbs if v.mention.kind == "name" and not
                 _after_determiner(masked[max(0, v.start - 200):v.start], v.mention.text.split()[0], rules)]
        self.rules = rules
        self.genders = name_genders(text, rules)
        self.forenames = forenames(text, rules)
        self.subjects = sentence_subjects(text, masked, sentences, rules)
        self.starts = [a for a, _ in sentences]
        self.titles = {v.mention.text: v.mention.title for v in verbs if v.mention.title}
        self.roles = role_holders(text, rules)
        self.named_at = [p for p, _ in named]
        self.named = [n for _, n in named]
        self.quoted_at: list[int] = []
        self.quoted: list[str] = []
        self.by_surname: dict[str, set[str]] = {}
        for name in (v.mention.text for v in verbs if v.mention.kind == "name"):
            if " " in name and not any(w.casefold() in rules.coordinators for w in name.split()):  # not "Wilcox and Beruff"
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
                if is_person(name) and not names_organisation(name, self.rules))  # no he or she for the State Department

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
        if mention.kind == "role":
            return self._described(mention.text, at) or mention.text
        if mention.kind == "name":
            return self._titled_namesake(mention, at) or mention.text
        if mention.kind == "plural" and mention.text.casefold() in self.rules.group_pronouns:
            return self._group(at) or "unknown"
        if mention.kind == "pronoun":
            wanted = self.rules.gender(mention.text)
            floor = at
            if mention.text.casefold() not in self.rules.subjects and self.starts:
                # an object pronoun is never its own sentence's subject ("Maariv claimed quoting him")
                floor = self.starts[max(bisect.bisect_right(self.starts, at) - 1, 0)]
            for _, name in self._people_before(at, floor, bool(wanted)):
                if self.gender_of(name) in ("", wanted) or not wanted:
                    return name
        return "unknown"

    def _group(self, at: int) -> str | None:
        """The people a plural subject pronoun stands for: the nearest person before ``at`` when
        it is a coordination of names named in this sentence or the one before it ("Mr. Udall and
        Mr. Wyden released a statement. “…,” they said": Mark Udall and Ron Wyden), each name
        completed, titles left out."""
        nearest = next(iter(self._people_before(at, at, True)), None)
        sentence = lambda offset: bisect.bisect_right(self.starts, offset)  # noqa: E731
        if nearest is None or sentence(at) - sentence(nearest[0]) > 1:
            return None  # named in this sentence or the one before it
        parts, joiners = [[]], []
        for word in nearest[1].split():
            if word.casefold() in self.rules.coordinators and parts[-1]:
                parts.append([])
                joiners.append(word)
            elif word.casefold().rstrip(".") not in self.rules.title_words:
                parts[-1].append(word)
        if not joiners or not all(parts) or not all(p[0][:1].isupper() and len(p) <= self.rules.name_max_words
                                                     for p in parts):
            return None  # not "Bernie Sanders And Hillary Clinton Are Actually Fighting", a headline
        names = [self.full_name(" ".join(p)) for p in parts]
        names = [f"{next(iter(self.forenames[n]))} {n}" if " " not in n and len(self.forenames.get(n, ())) == 1 else n
                 for n in names]  # "Udall" after "Sen. Mark Udall"
        return " ".join(x for pair in zip(names, joiners + [""]) for x in pair).strip()

    def _described(self, description: str, at: int) -> str | None:
        """The one person named before ``at`` with the role noun of ``description``, when the
        description points back ("le chef du Front…" after "Le chef des rebelles en Afghanistan,
        Ahmed Masoud"; "the spokesman" after "spokesman Josh Earnest"); None when it opens with
        no anaphoric determiner ("a spokesman"), when a word stands between the determiner and
        the role ("the Florida senator" may be another senator), or when the document gave that
        role to two people."""
        words = [w.casefold() for w in description.split()]
        if len(words) < 2 or words[0] not in self.rules.anaphoric:
            return None
        # the role: the words up to a complement ("the leader of the NRF"), read as a title is
        # ("the former vice president": vice president); "the French president" is no president
        # named before unless the document titled someone "French President"
        end = next((k for k, w in enumerate(words) if k > 1 and w in self.rules.particles), len(words))
        role = title_role(" ".join(words[:end]), self.rules)
        people = {self.full_name(name) for offset, noun, name in self.roles if noun == role and offset < at}
        return people.pop() if len(people) == 1 else None

    def _titled_namesake(self, mention: Mention, at: int) -> str | None:
        """The one person named before ``at`` with the surname and the title's role of a titled
        surname: "Former Vice President Cheney" is "Dick Cheney" (titled "ex-Vice President"
        before) where Mary and Liz Cheney are named too."""
        if not mention.title or " " in mention.text:
            return None
        role = title_role(mention.title, self.rules)
        people = {name for offset, noun, name in self.roles
                  if noun == role and offset < at and " " in name and name.rsplit(" ", 1)[-1] == mention.text}
        return people.pop() if len(people) == 1 else None

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
