"""How capitalised words make a name: runs of capitalised words, a title or honorific split off
("Sen. Sheldon Whitehouse", "Director of National Intelligence James Clapper"), a place after
"of" left out of a person's name. :mod:`analysis.quotes.mentions` decides which words to read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.entities_groups import split_linked
from analysis.marks import WORD_APOSTROPHES
from analysis.quotes.rules import QuoteRules

POSSESSIVE = re.compile("[" + WORD_APOSTROPHES + "]s$")
CONTRACTION = re.compile("[" + WORD_APOSTROPHES + "].*$")  # "I'm", "She'd", "They're": a pronoun, no name
WORD = re.compile(r"[^\W_][\w" + WORD_APOSTROPHES + r"\-]*")  # a word, apostrophes and hyphens kept


@dataclass(frozen=True)
class Mention:
    text: str
    kind: str  # name, role (a description), pronoun, plural, none
    title: str = ""  # a title or honorific kept apart from the name (Sen., President, le ministre)


NO_MENTION = Mention("", "none")


def capitalised(word: str, rules: QuoteRules) -> bool:
    """A capitalised word, or a name particle joined to one ("al-Sheikh", "el-Sisi")."""
    particle, _, rest = word.partition("-")
    return word[:1].isupper() or bool(rest) and rest[:1].isupper() and particle.casefold() in rules.particles


def capitalised_runs(words: list[str], folded: list[str], rules: QuoteRules) -> list[tuple[int, int]]:
    """Word bounds of each run of capitalised words (lower-case particles allowed inside)."""
    runs, begin = [], None
    for k, (w, f) in enumerate(zip(words, folded)):
        # a capitalised stopword alone is no name ("In 2009, …", "Another posted"); before another
        # capitalised word it may be one ("Bill Clinton", "De Blasio")
        alone = f in rules.stopwords and f not in rules.name_stopwords \
            and not (k + 1 < len(words) and words[k + 1][:1].isupper())
        if capitalised(w, rules) and f not in rules.determiners and CONTRACTION.sub("", f) not in rules.singular | rules.plural \
                and (begin is not None or not alone):
            begin = k if begin is None else begin
        elif begin is not None and (f in rules.particles or w[0].isupper() and f in rules.determiners
                                    and folded[k - 1] in rules.particles):
            continue  # "Bank of England"; "Hopping of Our Lady of Guadalupe"
        else:
            if begin is not None:
                runs.append((begin, k))
            begin = None
    if begin is not None:
        runs.append((begin, len(words)))
    trimmed = []
    for a, b in runs:
        while b > a and folded[b - 1] in rules.particles:
            b -= 1
        while b - a > 1 and _opens_no_name(folded, a, b, rules):
            a += 1  # "on Wednesday Williams admitted", "As Axelrod said", "But Ramos", "As The Post's Dana Milbank"
        while b - a > 1 and folded[b - 1] in rules.weekdays:
            b -= 1  # "his interview with Santorum Sunday": no name ends in a day
        if b > a and not (b - a == 1 and folded[a] in rules.weekdays):
            trimmed.append((a, b))
    return trimmed


def _opens_no_name(folded: list[str], a: int, b: int, rules: QuoteRules) -> bool:
    """Whether the capitalised word opening the run folded[a:b] is no name's first word: a day or a
    month, a stopword that is neither a first name nor a name particle ("Bill Clinton", "De Blasio"
    keep theirs), a conjunction or a preposition ("And", « Et »), or an article after one ("As The
    Post's …": no run opens on an article); never a title's first word ("Former President")."""
    word = folded[a]
    if any(" ".join(folded[a:k]) in rules.title_words for k in range(a + 1, min(b, a + 4) + 1)):
        return False
    return (word in rules.not_names or word in rules.weekdays or word in rules.determiners
            or word in rules.stopwords and word not in rules.name_stopwords and word not in rules.particles
            or word in rules.apposition_ends or word in rules.coordinators or word in rules.prepositions)


def read_name(words: list[str], a: int, b: int, rules: QuoteRules, title: str = "") -> Mention:
    """A name from words[a:b], a leading title or honorific split off (Sen. Sheldon Whitehouse),
    unless the name is an organisation's ("Justice Department": not Justice ``Department``; but
    "Mr. Burman of the Tax Policy Center" is Burman, titled Mr.)."""
    phrase = " ".join(words[a:b])
    if b - a > 1 and words[b - 1].casefold() in rules.organisations \
            and not any(w.casefold() in rules.particles for w in words[a:b]):
        return Mention(POSSESSIVE.sub("", phrase), "name", title)  # "Justice Department": no title
    for written in (phrase, words[a] + ". " + " ".join(words[a + 1:b])):  # the period _WORD left out
        found = [m for m in rules.titles.find(written, "*") if m.start == 0]
        if found:
            rest = written[found[0].end:].strip(" .").split()
            k = _after_complement(rest, 0, rules)  # "Director of National Intelligence | James Clapper"
            title, rest = " ".join([written[:found[0].end].strip(), *rest[:k]]), rest[k:]
            person = POSSESSIVE.sub("", _person(rest, 0, len(rest), rules)) if rest else ""
            if person.strip():
                return Mention(person, "name", title)
            # a title alone ("the President"; "the Queen's gardens": a possessive is no name)
            return Mention(POSSESSIVE.sub("", written[:found[0].end].strip()), "role")
    inner = _title_end(words, a, b, rules)
    if inner is not None:  # "Former Florida Gov. Jeb Bush", "Senate Majority Leader Mitch McConnell"
        written = " ".join(w + "." if w.casefold() in rules.title_abbreviations else w for w in words[a:inner])
        return Mention(POSSESSIVE.sub("", _person(words, inner, b, rules)), "name", " ".join([title, written]).strip())
    return Mention(POSSESSIVE.sub("", _person(words, a, b, rules)), "name", title)


def _title_end(words: list[str], a: int, b: int, rules: QuoteRules) -> int | None:
    """Where the name starts after a title inside words[a:b] ("Texas Lt. Gov. | Dan Patrick"),
    or None. A title at the very end is the person's name ("Robert King"); a name of suffixes
    only ("Jr.") is not a name."""
    folded = [w.casefold() for w in words]
    for j in range(b - 2, a - 1, -1):
        if any(" ".join(folded[k:j + 1]) in rules.title_words for k in range(max(a, j - 3), j + 1)):
            rest = folded[j + 1:b]
            if not any(f not in rules.name_suffixes for f in rest):
                return None
            start = j + 1 + _after_complement(words[j + 1:b], 0, rules)
            return start if start < b else None
    return None


def _after_complement(words: list[str], a: int, rules: QuoteRules) -> int:
    """Where the name starts in ``words[a:]`` after a title: at once, or, when a particle opens
    them ("of Government Affairs Phil Smith"), at the last two words (three with an initial:
    "James R. Clapper"), the title's complement before them; nowhere (``len(words)``) when a
    determiner stands before those or a particle opens them ("President of the Liberal Democrats",
    "Chairman of the Joint Chiefs of Staff")."""
    if len(words) - a <= 3 or words[a].casefold() not in rules.particles:
        return a
    start = max(len(words) - (3 if len(words[-2].rstrip(".")) <= 1 else 2), a + 2)
    return len(words) if words[start - 1].casefold() in rules.determiners or words[start].casefold() in rules.particles \
        else start


def _person(words: list[str], a: int, b: int, rules: QuoteRules) -> str:
    """words[a:b] without a place after "of" when two capitalised words before it name a person
    ("Stephanie Hooton of Derry"; not "Bank of America", not "Federal Bureau of Investigation")."""
    head, linked, _ = split_linked(" ".join(words[a:b]), rules.language)
    head = head.split()
    if linked and len(head) >= 2 and all(w[:1].isupper() for w in head) \
            and not any(w.casefold() in rules.organisations for w in head):
        return " ".join(head)
    return " ".join(words[a:b])


def names_organisation(name: str, rules: QuoteRules) -> bool:
    """Whether a name's words before a particle hold an organisation word ("Justice Department",
    "Department of Justice", « Maison Blanche »; not "Mujtaba Rahman of the Eurasia Group"), or
    end on an organisation head ("White House"; not "House Speaker Paul Ryan")."""
    head = []
    for word in WORD.findall(name):
        if head and word.casefold() in rules.particles:
            break
        head.append(word.casefold())
    return any(w in rules.organisations for w in head) or bool(head) and head[-1] in rules.organisation_heads
