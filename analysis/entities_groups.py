"""Other names of an entity, from the language's ``name_groups.yaml``: "America", "U.S." and
"Americans" name the United States, "GOP" and "House Republicans" the Republican Party,
"protesters" a group of people. Entity discovery asks here whether a name is another name of a
listed entity (:func:`name_group`) or opens with one (:func:`group_prefix`).
"""
from __future__ import annotations

from functools import lru_cache

from analysis.languages import language_resources
from analysis.text import fold_word


def _group_form(word: str) -> str:
    return "".join(c for c in fold_word(word).casefold() if c.isalnum())


@lru_cache(maxsize=None)
def _collectives(language: str) -> frozenset[str]:
    """The folded lower-case nouns that name a group of people (``collectives`` of ``name_groups.yaml``)."""
    resources = language_resources(language).name_collectives
    return frozenset(fold_word(w) for name, words in resources.items() for w in (name, *words))


@lru_cache(maxsize=None)
def _given_names(language: str) -> dict[str, str]:
    """A language's short forms of given names, folded -> the folded given name ("liz" -> "elizabeth")."""
    return {fold_word(short).casefold(): fold_word(name).casefold()
            for name, shorts in language_resources(language).given_names.items() for short in shorts}


def given_name(word: str, language: str) -> str:
    """The given name a folded first name is a short form of ("liz" -> "elizabeth"), else the word."""
    return _given_names(language).get(word, word)


@lru_cache(maxsize=None)
def _groups(language: str) -> tuple[dict[str, str], dict[str, str]]:
    """A language's other names and member words (``name_groups.yaml``), compared letters only
    -> the entity each names."""
    resources = language_resources(language)
    names = {_group_form(name): name for name in (*resources.name_groups, *resources.name_members,
                                                  *resources.name_collectives)}
    names.update({_group_form(w): name for name, words in (*resources.name_groups.items(),
                                                            *resources.name_collectives.items()) for w in words})
    members = {_group_form(w): name for name, words in resources.name_members.items() for w in words}
    return names, members


@lru_cache(maxsize=65536)
def name_group(name: str, language: str) -> tuple[str, bool]:
    """``(entity, description)`` for a name listed in the language's ``name_groups.yaml``: the
    entity it names ("America", "Americans" -> "United States"; "House Republicans", a plural
    member word after other capitalised words -> "Republican Party"), else ``""``;
    ``description`` is True for a singular member word after other capitalised words
    ("Missouri Republican"), which describes a person rather than naming anyone."""
    names, members = _groups(language)
    form = _group_form(name)
    whole = names.get(form) or members.get(form, "")
    words = name.split()
    if whole or len(words) < 2 or not words[-1][:1].isupper():
        return whole, False
    last = _group_form(words[-1])
    group = members.get(last, "")
    if not group:
        return "", False
    return (group, False) if last.endswith("s") and members.get(last[:-1]) == group else ("", True)


def group_prefix(name: str, language: str) -> str:
    """``name`` with a leading other name of an entity written in full ("U.S. Constitution" ->
    "United States Constitution"), so both spellings compare equal."""
    first, _, rest = name.partition(" ")
    entity = _groups(language)[0].get(_group_form(first), "") if rest else ""
    return f"{entity} {rest}" if entity and entity != first else name


def described_member(name: str, language: str) -> tuple[int, str] | None:
    """Where in ``name`` the member word of a person's description starts, and the word ("the
    Missouri Republican" -> (9, "Republican"), "Democrat of Massachusetts" -> (0, "Democrat")),
    or None when ``name`` describes no one. The description names the group (a party, a
    country) as much as "a Republican" does; its place only says where the person is from."""
    head, of, place = split_linked(name, language)
    if of and _groups(language)[1].get(_group_form(head)) and name_group(place, language)[0]:
        return 0, head
    if name_group(name, language)[1]:
        return name.rfind(" ") + 1, name[name.rfind(" ") + 1:]
    return None


@lru_cache(maxsize=65536)
def split_linked(name: str, language: str) -> tuple[str, str, str]:
    """``name`` cut at its first linking word (the language's ``name_linkers``): "Department of
    Justice" -> ("Department", " of ", "Justice"); ("name", "", "") when it has none, as in a
    language whose linkers are not listed."""
    for linker in language_resources(language).name_linkers:
        head, link, rest = name.partition(f" {linker} ")
        if link:
            return head, link, rest
    return name, "", ""
