"""Who a pronoun or a surname stands for: the people a document has quoted or named so far.

A singular pronoun resolves to the last person quoted before it, else the last person named as
the subject of a reporting verb; a one-word name is completed from the one longer name of the
document that ends with it. Lookups are by bisection over offsets in text order.
"""
from __future__ import annotations

import bisect

from analysis.quotes.speakers import Mention, Verb, is_person


class Speakers:
    """The people a document has quoted or named so far, for pronouns and surnames."""

    def __init__(self, verbs: list[Verb]):
        named = [(v.start, v.mention.text) for v in verbs if v.mention.kind == "name"]
        self.titles = {v.mention.text: v.mention.title for v in verbs if v.mention.title}
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
