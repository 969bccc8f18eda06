"""Aliases merged into entities: the second stage of entity discovery (analysis/entities.py).

Names found by :mod:`analysis.entities_names` are merged across documents and outlets
(:func:`canonical_names`): spelling variants (one edit in a word of five letters or more:
Massoud / Masoud), middle initials ("Donald J. Trump"), a surname alone ("Massoud", to the full
name it ends, preferring one in the same document), and an acronym to the name whose initials it
spells ("NRF" = National Resistance Front).

Cost: alias merging compares each distinct name with the others of the same first letter.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

import pandas as pd

from analysis.entities_groups import given_name, group_prefix, name_group, split_linked
from analysis.entities_names import _fold, _is_acronym, bare_name
from analysis.languages import language_resources
from analysis.marks import WORD_APOSTROPHES
from analysis.matcher import phrase_form

VARIANT_MIN_LETTERS = 5  # words this long may differ by one edit and still be one name
_SLUG = re.compile(r"[^0-9a-z]+")
# O'Neill, D'Souza: the apostrophe is inside one surname, which must stay one word to stand for
# "Terry O'Neill" alone (a lower-case elision, l'Élysée or d'Afghanistan, is not a name part)
_INNER_APOSTROPHE = re.compile(r"\b([OD])[" + re.escape(WORD_APOSTROPHES) + "](?=[A-Z])")
# the Arabic article of a transliterated name is written or left out ("al-Qaeda", "Al Qaeda",
# "Qaeda"; "al-Baghdadi", "Baghdadi"): spellings of one name, compared without it
_ARABIC_ARTICLE = re.compile(r"(?<![\w-])[AaEe][lL][-\u2011](?=[A-Z])")


@lru_cache(maxsize=65536)  # a pure function of the name, asked for every row
def _key(name: str) -> str:
    """Comparison form: folded, separators as spaces, middle initials dropped; an acronym's
    letters ("U.S." -> "us")."""
    if _is_acronym(name.replace(" ", "")):
        return _fold(name.replace(".", "").replace(" ", "")).casefold()
    words = phrase_form(_ARABIC_ARTICLE.sub("", _INNER_APOSTROPHE.sub(r"\1", name)).replace(".", " ")).split(" ")
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return " ".join(w for w in words if w)


def _bare(name: str, language: str) -> str:
    """The name without titles; a group word as its entity ("Americans" -> United States,
    "GOP" -> Republican Party)."""
    bare = bare_name(name, language)
    return name_group(bare, language)[0] or bare


def _place(name: str, language: str) -> bool:
    """Whether ``name`` is a place or group the language resources list ("U.S.", "Arizona")."""
    return bool(name) and bool(name_group(name, language)[0])


def _acronym(name: str) -> str:
    """An acronym's letters, and its number when one follows ("SB 1062" -> "SB1062"), else ""."""
    letters, _, number = name.rpartition(" ")
    if not (number.isdigit() and letters):
        letters, number = name, ""
    letters = letters.replace(".", "").replace(" ", "")
    return letters + number if _is_acronym(letters) else ""


def _initials(key: str, particles: set[str]) -> str:
    return "".join(w if w.isdigit() else w[0] for w in key.split(" ") if w not in particles).upper()


def _mostly(keys: list[str], flags) -> set[str]:
    """The keys whose rows are flagged (e.g. written after a determiner) more often than not."""
    if flags is None:
        return set()
    count: Counter = Counter()
    for k, flag in zip(keys, flags):
        count[k] += 1 if flag else -1
    return {k for k, c in count.items() if c > 0}


def _titles_by_key(keys: list[str], docs: list[str], titles) -> dict:
    """key -> the titles written before it anywhere, and (key, doc) -> those of one document
    (folded, final period dropped: "Sen." = "Sen")."""
    found: dict = defaultdict(set)
    if titles is None:
        return found
    for k, d, title in zip(keys, docs, titles):
        if title:
            found[k].add(_fold(title).casefold().rstrip("."))
            found[(k, d)].add(_fold(title).casefold().rstrip("."))
    return found


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one insertion, deletion or substitution."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def _variants(k1: str, k2: str) -> bool:
    w1, w2 = k1.split(" "), k2.split(" ")
    if len(w1) != len(w2) or k1 == k2:
        return k1 == k2
    return all(x == y or (min(len(x), len(y)) >= VARIANT_MIN_LETTERS and x[0] == y[0] and _one_edit(x, y))
               for x, y in zip(w1, w2))


class _Clusters:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def slug(name: str) -> str:
    """A stable id for a name: folded, runs of other characters as ``_``."""
    return _SLUG.sub("_", _fold(name).casefold()).strip("_") or "name"


def _merge_spellings(distinct: list[str], clusters: "_Clusters") -> None:
    """Spelling variants: same first letter and word count, one edit per word ("Massoud" / "Masoud")."""
    by_letter: dict[tuple[str, int], list[str]] = defaultdict(list)
    for k in distinct:
        clusters.find(k)
        by_letter[(k[0], k.count(" "))].append(k)
    for (_, spaces), group in by_letter.items():
        group = sorted(group, key=lambda k: (len(k), k))
        for i, k1 in enumerate(group):
            for k2 in group[i + 1:]:
                if len(k2) - len(k1) > spaces + 1:  # one edit per word at most: longer ones cannot be
                    break
                if _variants(k1, k2):
                    clusters.union(k1, k2)


def _merge_middle_names(distinct: list[str], doc_count: dict, thing: set[str], particles: set[str],
                        clusters: "_Clusters") -> None:
    """A person's name with middle names and the same name without them ("Hillary Rodham
    Clinton" = "Hillary Clinton"), when nothing says they are two people: no document writes
    both (one that does, "Ahmad Massoud, son of Ahmad Shah Massoud", names two), and no other
    middle name goes with the same first name and surname."""
    longer: dict[str, list[str]] = defaultdict(list)
    for k in distinct:
        words = k.split(" ")
        if 3 <= len(words) <= 4 and k not in thing and not set(words) & particles:
            longer[f"{words[0]} {words[-1]}"].append(k)
    for short, forms in longer.items():
        if short in doc_count and short not in thing and len(forms) == 1 \
                and not doc_count[short] & doc_count[forms[0]]:
            clusters.union(short, forms[0])


def _merge_affiliated(distinct: list[str], doc_count: dict, thing: set[str], language: dict,
                      clusters: "_Clusters") -> set[str]:
    """A full name after a listed group's member word, and the name alone ("Republican Mitt
    Romney" = "Mitt Romney", "Democrat Joe Sestak" = "Joe Sestak"): the word says the person's
    party or nation, it is not a first name. The rest must be written alone somewhere, as a
    person's name is (two words or more, not mostly after a determiner): "American Airlines" is
    not "Airlines", the "American Civil Liberties Union" not "the Civil Liberties Union". Returns
    the merged long forms (never an entity's name while the name alone is one of its forms)."""
    merged = set()
    for k in distinct:
        first, _, rest = k.partition(" ")
        if " " in rest and rest in doc_count and rest not in thing and name_group(first, language[k])[0]:
            clusters.union(k, rest)
            merged.add(k)
    return merged


def _merge_given_names(distinct: list[str], thing: set[str], language: dict, clusters: "_Clusters") -> None:
    """A person named with a short form of a given name and with the name itself, same surname
    ("Liz Cheney" = "Elizabeth Cheney", "Dave Brat" = "David Brat"; the language's ``given_names``)."""
    people: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k in distinct:
        first, _, rest = k.partition(" ")
        if rest and k not in thing:
            people[(given_name(first, language[k]), rest)].append(k)
    for keys in people.values():
        for k in keys[1:]:
            clusters.union(keys[0], k)


def canonical_names(names: pd.DataFrame) -> pd.DataFrame:
    """The same rows plus ``entity_id`` and ``canonical``: names of one entity share both.

    In: ``name``, ``language``; optional ``doc_id`` (a surname alone goes to a full name of
    the same document first) and ``outlet``. A title in ``name`` is removed first
    (:func:`split_title`). ``canonical`` is the entity's full name as most often written (most
    documents, then mentions, then alphabetical); ``entity_id`` is its :func:`slug`.
    Deterministic: the result depends only on the set of rows, not their order.
    """
    if names.empty:
        return names.assign(entity_id=pd.Series(dtype="str"), canonical=pd.Series(dtype="str"))
    languages = names["language"].astype(str).tolist()
    bare = [_bare(str(n), lang) for n, lang in zip(names["name"].tolist(), languages)]
    keys = [_key(group_prefix(b, lang)) for b, lang in zip(bare, languages)]
    docs = names["doc_id"].astype(str).tolist() if "doc_id" in names else ["" for _ in bare]
    doc_count: dict[str, set] = defaultdict(set)
    written: dict[str, Counter] = defaultdict(Counter)
    language: dict[str, str] = {}
    for b, k, d, lang in zip(bare, keys, docs, languages):
        doc_count[k].add(d)
        written[k][b] += 1
        language.setdefault(k, lang)
    # a name mostly written after a determiner ("the White House", "the House") is not a person's
    thing = _mostly(keys, names["determiner"].tolist() if "determiner" in names else None)
    titles = _titles_by_key(keys, docs, names["title"].fillna("").astype(str).tolist() if "title" in names else None)
    particles = {_fold(w) for lang in set(languages)
                 for w in language_resources(lang).quote_words("name_particles")}
    clusters = _Clusters()
    distinct = sorted(k for k in doc_count if k)
    _merge_spellings(distinct, clusters)
    for k in distinct:  # "Department of Justice" = "Justice Department"
        head, of, rest = split_linked(k, language[k])
        if of and " " not in head and rest and f"{rest} {head}" in doc_count:
            clusters.union(k, f"{rest} {head}")
    _merge_middle_names(distinct, doc_count, thing, particles, clusters)
    affiliated = _merge_affiliated(distinct, doc_count, thing, language, clusters)
    _merge_given_names(distinct, thing, language, clusters)
    if "expansion" in names:  # an acronym the text defines: "Islamic State (ISIS)"
        for k, expansion, lang in zip(keys, names["expansion"].fillna("").astype(str).tolist(), languages):
            if k and expansion:
                linked = _key(group_prefix(_bare(expansion, str(lang)), str(lang)))
                if linked in doc_count:
                    clusters.union(k, linked)
    full = [k for k in distinct if " " in k]
    rank = lambda k: (-len(doc_count[k]), -sum(written[k].values()), k)  # noqa: E731
    by_initials: dict[str, list[str]] = defaultdict(list)
    by_surname: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    by_place: dict[str, list[str]] = defaultdict(list)
    by_opening: dict[str, list[str]] = defaultdict(list)
    for k in full:
        words = k.split(" ")
        by_opening[words[0]].append(k)
        form = max(written[k].items(), key=lambda item: (item[1], item[0]))[0].split(" ")
        # a listed place and the rest: "Arizona Legislature", "U.S. Constitution", "U.S. Supreme Court"
        place = next((i for i in range(len(form) - 1, 0, -1) if _place(" ".join(form[:i]), language[k])), 0)
        if place:
            by_place[_key(" ".join(form[place:]))].append(k)
        # a person's name: up to three words, no particle ("Front of Afghanistan"), no determiner
        if len(words) <= 3 and not set(words) & particles and k not in thing:
            by_surname[words[-1]].append(k)
            if len(words) == 2 and words[1] in doc_count:  # its surname also stands alone: a person
                by_first[words[0]].append(k)
        initials = _initials(k, particles)
        # a person is not named by initials here ("DC" is not Dick Cheney nor Dan Cathy): not a
        # name of two words without a determiner, nor one of three whose last word also stands
        # alone as a surname
        person = k not in thing and not set(words) & particles and (
            len(words) == 2 or (len(words) == 3 and words[-1] in doc_count))
        if len(initials) >= 2 and not person:
            by_initials[initials].append(k)
            with_particles = _initials(k, set())  # "DOMA" = Defense of Marriage Act
            if with_particles != initials:
                by_initials[with_particles].append(k)
    # a word written after a determiner is the short form of the one institution of a listed
    # place or the one "X of ..." it heads ("the Legislature" = "Arizona Legislature", "the House"
    # = "U.S. House" = "House of Representatives"), never a surname ("the House" is not "the
    # White House"); two candidates of a kind ("Arizona Legislature", "Kansas Legislature"): none
    heads: dict[str, list[str]] = defaultdict(list)
    for k in full:
        head, of, rest = split_linked(k, language[k])
        if of and " " not in head and k in thing:
            heads[head].append(k)
    for k in distinct:
        places = by_place.get(k, [])
        if k in thing and len(places) <= 1 and len(heads.get(k, ())) <= 1:
            for f in places + (heads.get(k, []) if " " not in k else []):
                if 3 * len(doc_count[f]) >= len(doc_count[k]):
                    clusters.union(k, f)
    for k in distinct:  # acronyms spell a full name's initials, a number kept: "SB 1062" = "Senate Bill 1062"
        acronym = next((_acronym(w) for w in written[k] if _acronym(w)), "")
        if acronym and by_initials.get(acronym):
            clusters.union(k, min(by_initials[acronym], key=rank))
    # a surname alone: to the full name it ends in the same document, else the most used one; a
    # title written with it picks the full names written with that title ("President Obama" is
    # Barack Obama, not Malia Obama of the same document)
    resolved = []
    acronyms = {k for k in distinct if any(_acronym(w) for w in written[k])}
    for k, d in zip(keys, docs):
        # a full name used in at least a third as many documents as the word alone: "Syria" is not
        # the surname of "Greater Syria", nor "ISIS" of "British-born ISIS"
        eligible = [f for f in by_surname.get(k, ()) if 3 * len(doc_count[f]) >= len(doc_count[k])]
        titled = [f for f in eligible if titles[f] & titles.get((k, d), set())]
        eligible = titled or eligible
        # a first name opens one name of its document, a person's: "Georgetown" beside "Georgetown
        # University" and "Georgetown Jesuit" is no one's first name
        first = [f for f in by_opening.get(k, ()) if d in doc_count[f]]
        person = k and " " not in k and k not in acronyms and k not in thing
        if person and eligible:
            here = [f for f in eligible if d in doc_count[f]]
            resolved.append(clusters.find(min(here or eligible, key=rank)))
        elif person and k not in by_surname and len(first) == 1 and first[0] in by_first[k]:
            resolved.append(clusters.find(first[0]))  # a first name alone: "Malia" = "Malia Obama" here
        else:
            resolved.append(clusters.find(k) if k else "")
    members: dict[str, list[str]] = defaultdict(list)
    for k in distinct:
        members[clusters.find(k)].append(k)
    for k, r in zip(keys, resolved):
        if k and r != clusters.find(k) and k not in members[r]:
            members[r].append(k)
    # the full name's spelling that its surname alone also has wins ("Massoud" over "Masoud"),
    # where that surname is one of the entity's names ("Syria" alone, another entity, does not
    # make "Greater Syria" the name of the Islamic State)
    def support(k: str, ks: list[str]) -> tuple:
        last = k.rsplit(" ", 1)[-1]
        return (-len(doc_count[k] | (doc_count.get(last, set()) if last in ks else set())), *rank(k))

    canonical = {}
    for root, ks in members.items():
        best = min([k for k in ks if " " in k and k not in acronyms | affiliated] or [k for k in ks if " " in k] or ks,
                   key=lambda k: support(k, ks))  # a full name over its acronym ("Senate Bill 1062", not "SB 1062")
        form = min(written[best].items(), key=lambda item: (-item[1], item[0]))[0]
        canonical[root] = form
    names_out = [canonical.get(r, b) for r, b in zip(resolved, bare)]
    return names.assign(entity_id=[slug(n) for n in names_out], canonical=names_out)
