"""Quotation rules of one language, compiled from its resources (:mod:`analysis.languages`)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from analysis.languages import QUOTE_NUMBERS, language_resources
from analysis.matcher import FoldedText, Match, PhraseMatcher, inflect, list_matcher

_NEXT_WORD = re.compile(r"\s+(\w+)")  # the word after a phrase


@dataclass(frozen=True)
class QuoteRules:
    """What quotation extraction knows of a language: matchers for reporting verbs (keyed by the
    verb as listed; a compound verb also matches with a skip word inside), ``as saying`` and
    ``according to`` phrases, and word sets for speaker descriptions. ``found`` is False for a
    language without resources: no verb is ever found, every speaker stays unknown."""

    language: str
    found: bool
    verbs: PhraseMatcher
    verb_role: dict
    as_saying: PhraseMatcher
    according_to: PhraseMatcher
    quoting: frozenset
    conjunctions: frozenset
    skip: frozenset
    singular: frozenset
    plural: frozenset
    group_pronouns: frozenset
    subjects: frozenset
    determiners: frozenset
    quantifiers: frozenset
    roles: frozenset
    particles: frozenset
    breakers: frozenset
    prepositions: frozenset
    scare_max_words: int
    name_max_words: int
    titles: PhraseMatcher
    title_words: frozenset
    title_abbreviations: frozenset
    name_suffixes: frozenset
    coordinators: frozenset
    told: PhraseMatcher
    apposition_ends: frozenset
    relatives: frozenset
    agents: frozenset
    auxiliaries: frozenset
    continuers: frozenset
    documents: frozenset
    organisations: frozenset
    colon_cues: tuple
    indirect_min_words: int
    participles: frozenset
    infinitive_verbs: frozenset
    infinitive_markers: frozenset
    naming_articles: frozenset
    anaphoric: frozenset
    role_modifiers: frozenset
    naming_words: PhraseMatcher
    idioms: PhraseMatcher
    participle_endings: tuple
    plural_endings: tuple  # the language's plural inflections ("s", "es", "ies"; « s », « x », « aux »)
    stopwords: frozenset
    name_stopwords: frozenset
    not_names: frozenset = frozenset()  # days, months: capitalised words that name nobody
    weekdays: frozenset = frozenset()  # no name ends in one ("Speaking Sunday"; months may: "Theresa May")
    possessives: frozenset = frozenset()  # his, her, their: a short quotation after one is the author's
    noun_markers: frozenset = frozenset()  # a, the, his: a listed verb after one is a noun
    places: frozenset = frozenset()  # in, at: a capitalised word right after one is a place ("in Salem")
    media: frozenset = frozenset()  # on: capitalised quoted words after one name a show ("said on “Meet the Press”")
    works: frozenset = frozenset()  # book, movie, show: capitalised quoted words after one are its title
    minor_words: frozenset = frozenset()  # to, with, a: lower-case words inside a title of a work
    title_roles: dict = field(default_factory=dict)  # "sen" -> senator: the role noun of an abbreviated title
    genders: dict = field(default_factory=dict)  # pronoun, title or noun (folded, no final period) -> female, male
    before_name: frozenset = frozenset()  # per: names a source only before "the" or a name, not "per person"
    # read: a neutral reporting verb only right after a quotation (compiled once, searched per document)
    after_quotation: PhraseMatcher = field(default_factory=lambda: list_matcher([]))
    organisation_heads: frozenset = frozenset()  # house: an organisation's name only as its last word

    def gender(self, word: str) -> str:
        """female, male or "" for a pronoun, title or noun ("She", "Mrs.", "spokesman", "Mme")."""
        return self.genders.get(word.casefold().rstrip("."), "")

    def sources_named(self, text: str) -> list[Match]:
        """The ``according to`` phrases of ``text`` that name a source: one listed in
        ``according_to_before_name`` counts only before a determiner or a capitalised word."""
        found = []
        for m in self.according_to.find(FoldedText.of(text), "*"):
            after = _NEXT_WORD.match(text, m.end)
            if m.key.casefold() not in self.before_name or (after and (
                    after.group(1)[:1].isupper() or after.group(1).casefold() in self.determiners)):
                found.append(m)
        return found

    def evaluates(self, verb: str) -> bool:
        """A verb that judges someone or something ("called", "endorsed"): what follows is its object."""
        return self.verb_role.get(verb) == "evaluating"

    def compounds(self, before: str, verb: str) -> bool:
        """A work noun's singular ("show") after a singular noun that cannot be its subject makes a
        compound ("his radio show", "a talk show host"), not a verb; not after a plural ("polls
        show"), a function word ("to show", "will show"), nor the singular subject's form ("shows")."""
        folded = before.casefold()
        return verb in self.works and not verb.endswith(self.plural_endings) and before.isalpha() \
            and folded not in self.stopwords and not folded.endswith(self.plural_endings)

    def tells(self, verb: str) -> bool:
        """A verb whose object is the person told ("told", "a dit à")."""
        return bool(self.told.search(verb, "*"))

    @property
    def resources(self) -> str:
        """For the ``resources`` column: where the rules came from."""
        return f"data/languages/{self.language}/" if self.found else "none"


@lru_cache(maxsize=None)
def quote_rules(language: str) -> QuoteRules:
    """The compiled rules of ``language`` (once per process)."""
    res = language_resources(language)
    low = lambda key: frozenset(w.casefold() for w in res.quote_words(key))  # noqa: E731
    skip = res.quote_words("skip_words")
    return QuoteRules(
        language=language, found=res.found,
        verbs=list_matcher(res.verbs(), insertions=skip + res.quote_words("passive_auxiliaries")),
        verb_role={**res.verb_role(), **dict.fromkeys(res.quote_words("after_quotation_verbs"), "neutral")},
        as_saying=list_matcher(res.quote_words("as_saying")),
        according_to=list_matcher(res.quote_words("according_to")), before_name=low("according_to_before_name"),
        quoting=low("quoting_verbs"), conjunctions=low("conjunctions"), skip=low("skip_words"),
        singular=low("singular_pronouns"), plural=low("plural_pronouns"), group_pronouns=low("group_pronouns"),
        subjects=low("subject_pronouns"),
        determiners=low("determiners"), quantifiers=low("quantifiers"), roles=low("role_nouns"), particles=low("name_particles"),
        breakers=low("phrase_breakers"), prepositions=low("object_prepositions"),
        scare_max_words=res.quotes.get("scare_max_words", QUOTE_NUMBERS["scare_max_words"]),
        name_max_words=res.quotes.get("name_max_words", QUOTE_NUMBERS["name_max_words"]),
        titles=list_matcher(res.titles), title_words=frozenset(t.casefold().rstrip(".") for t in res.titles),
        title_abbreviations=frozenset(t.casefold().rstrip(".") for t in res.titles if t.endswith(".")),
        name_suffixes=low("name_suffixes"), coordinators=low("coordinators"), told=list_matcher(res.quote_words("told_verbs")),
        apposition_ends=low("apposition_ends"), relatives=low("relative_pronouns"), agents=low("agent_markers"),
        auxiliaries=low("passive_auxiliaries"),
        continuers=low("object_continuers"),
        documents=frozenset(f for w in low("document_nouns") for f in inflect(w, res.inflections)),  # "polls", "studies"
        organisations=low("organisation_words"), colon_cues=res.quote_words("colon_cues"),
        participles=low("participles"), infinitive_verbs=low("infinitive_verbs"),
        infinitive_markers=low("infinitive_markers"), naming_articles=low("naming_articles"),
        anaphoric=low("anaphoric_determiners"), role_modifiers=low("role_modifiers"), title_roles=res.title_roles,
        naming_words=list_matcher(res.quote_words("naming_words")), idioms=list_matcher(res.quote_words("idioms")),
        participle_endings=tuple(low("participle_endings")), plural_endings=tuple(sorted({added for _, added in res.inflections if added})), stopwords=frozenset(res.stopwords),
        name_stopwords=frozenset(w.casefold() for w in res.name_stopwords),
        not_names=frozenset(w.casefold() for w in res.not_names), weekdays=frozenset(w.casefold() for w in res.weekdays),
        possessives=low("possessive_determiners"), after_quotation=list_matcher(sorted(low("after_quotation_verbs"))),
        organisation_heads=low("organisation_heads"),
        noun_markers=low("noun_markers"), works=low("work_nouns"), media=low("medium_prepositions"),
        places=low("place_prepositions"), minor_words=low("title_minor_words"),
        genders={w.casefold().rstrip("."): gender for gender in ("female", "male")
                 for w in res.quote_words(f"{gender}_words")},
        indirect_min_words=res.quotes.get("indirect_min_words", QUOTE_NUMBERS["indirect_min_words"]))
