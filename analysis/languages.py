"""Per-language resources: one folder per language, read once, the only home of every word list.

``data/languages/<code>/language.yaml`` holds a language's reporting verbs (with their role),
cue words (attribution, refutation, hedges, negation), quotation rules, sentence rules
(abbreviations, elisions), plural rules and sentiment resources; ``stopwords.txt`` beside it
holds the keyness stopwords. Every stage takes its words from here, so notebook 02, notebook 04
and the summary count the same hedges.

A language without a folder gets empty resources, never another language's: its documents are
still read (marks, sentences, names, keyness without stopwords) but no verb, cue or hedge is
found in them. :func:`resources_note` says so in words for the tables and pages.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from analysis.paths import DATA

LANGUAGES = DATA / "languages"
VERB_ROLES = ("neutral", "endorsing", "distancing", "refuting", "factive", "questioning", "evaluating",
              "believing")
CUE_KINDS = ("attribution", "refutation", "reported_refutation", "factive", "hedge", "distancing", "attitude",
             "negation")
EVALUATIVE_KINDS = ("delegitimising", "legitimising", "dehumanising", "intensifier")
QUOTE_LISTS = ("quoting_verbs", "as_saying", "according_to", "according_to_before_name", "conjunctions",
               "skip_words",
               "singular_pronouns", "plural_pronouns", "group_pronouns", "subject_pronouns", "determiners", "quantifiers", "possessive_determiners",
               "noun_markers", "outsider_nouns", "role_nouns", "work_nouns", "title_minor_words",
               "name_particles", "phrase_breakers", "object_prepositions",
               "told_verbs", "document_nouns", "organisation_words", "colon_cues", "apposition_ends", "participles",
               "place_prepositions", "infinitive_verbs", "infinitive_markers", "naming_articles", "anaphoric_determiners",
               "naming_words", "idioms", "medium_prepositions", "participle_endings", "name_suffixes", "coordinators", "relative_pronouns", "role_modifiers",
               "agent_markers", "passive_auxiliaries",
               "object_continuers", "female_words", "male_words", "after_quotation_verbs",
               "organisation_heads")
QUOTE_NUMBERS = {"scare_max_words": 3, "name_max_words": 4, "indirect_min_words": 3}
SENTIMENT_METHODS = ("vader", "valence list", "none")


class LanguageResourceError(ValueError):
    """A language resource file that cannot be used; the message names the file and field."""


@dataclass(frozen=True)
class LanguageResources:
    """Everything framelab knows about one language. ``found`` is False for a language without a
    resource folder (every list empty)."""

    code: str
    found: bool
    path: str = ""
    abbreviations: frozenset = frozenset()
    elisions: tuple = ()
    inflections: tuple = ()
    reporting_verbs: dict = field(default_factory=dict)  # role -> tuple of verbs
    cues: dict = field(default_factory=dict)              # cue kind -> tuple of phrases
    evaluative: dict = field(default_factory=dict)        # category -> tuple of phrases (any story)
    titles: tuple = ()                                    # titles and honorifics kept apart from names
    title_roles: dict = field(default_factory=dict)       # abbreviated title (folded, no period) -> its role noun
    not_names: tuple = ()                                 # capitalised words that never name an entity (weekdays included)
    weekdays: tuple = ()                                  # days of the week: no name ends in one ("CNN Friday")
    name_stopwords: tuple = ()                            # stopwords that are also first names ("Bill")
    name_conjunctions: tuple = ()                         # words that join two names, not one name
    name_linkers: tuple = ()                              # the word of "Department of Justice", "McCarthy of California"
    name_groups: dict = field(default_factory=dict)       # entity name -> other names of it ("America")
    name_members: dict = field(default_factory=dict)      # entity name -> words for its members ("Americans")
    name_collectives: dict = field(default_factory=dict)  # group -> lower-case nouns naming it ("protesters")
    given_names: dict = field(default_factory=dict)       # given name -> its short forms ("Elizabeth": Liz)
    quotes: dict = field(default_factory=dict)            # rule -> tuple of words, or a number
    sentiment: str = "none"
    valence: dict = field(default_factory=dict)            # positive/negative -> word -> value
    stopwords: frozenset = frozenset()

    def verbs(self, *roles: str) -> tuple[str, ...]:
        """Reporting verbs of the given roles (every role when none is given)."""
        return tuple(v for role in (roles or VERB_ROLES) for v in self.reporting_verbs.get(role, ()))

    def verb_role(self) -> dict[str, str]:
        """Reporting verb -> its role."""
        return {v: role for role in VERB_ROLES for v in self.reporting_verbs.get(role, ())}

    def claim_cues(self) -> dict[str, tuple[str, ...]]:
        """The cue lists claim stance and framing read, by kind: ``refutation`` (refuting verbs,
        refutation and reported-refutation words), ``reporting_refutation`` (someone else's
        denial), ``hedge`` (hedging adverbs and the distancing phrases: a bare reporting verb such as
        "reported" or a noun such as "claims" is not a hedge), ``distancing`` (words by which the
        author disowns a name or a claim: "so-called", "claims to be"), ``attribution`` (attribution words and
        neutral, endorsing and distancing verbs), ``factive``, ``negation``."""
        cue = lambda kind: tuple(self.cues.get(kind, ()))  # noqa: E731
        return {
            "refutation": self.verbs("refuting") + cue("refutation") + cue("reported_refutation"),
            "reporting_refutation": self.verbs("refuting") + cue("reported_refutation"),
            "hedge": cue("hedge") + cue("distancing"),
            "distancing": cue("distancing"),
            "attribution": cue("attribution") + self.verbs("neutral", "endorsing", "distancing"),
            "factive": self.verbs("factive") + cue("factive"),
            "negation": cue("negation"),
        }

    def quote_words(self, rule: str) -> tuple[str, ...]:
        return tuple(self.quotes.get(rule, ()))


def _words(value, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise LanguageResourceError(f"{where}: expected a list of words, e.g. [said, told]")
    return tuple(w.strip() for w in value)


def _mapping(data: dict, key: str, names, where: str) -> dict:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        raise LanguageResourceError(f"{where}: '{key}' must map names to lists")
    unknown = sorted(set(map(str, value)) - set(names))
    if unknown:
        raise LanguageResourceError(f"{where}: unknown {key} {', '.join(unknown)}; allowed: "
                                    + ", ".join(names))
    return {name: _words(value.get(name), f"{where}, {key}.{name}") for name in names}


def _title_roles(data: dict, where: str) -> dict[str, str]:
    """``title_roles``: an abbreviated title -> the role noun it stands for ("Sen." -> senator)."""
    value = data.get("title_roles") or {}
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) and v.strip()
                                              for k, v in value.items()):
        raise LanguageResourceError(f"{where}, title_roles: expected a mapping of titles to role nouns, e.g. {{Sen.: senator}}")
    return {k.casefold().rstrip("."): v.strip().casefold() for k, v in value.items()}


def _quotes(data: dict, where: str) -> dict:
    rules = data.get("quotes") or {}
    if not isinstance(rules, dict):
        raise LanguageResourceError(f"{where}: 'quotes' must be a mapping of rules")
    out = {name: _words(rules.get(name), f"{where}, quotes.{name}") for name in QUOTE_LISTS}
    for name, default in QUOTE_NUMBERS.items():
        value = rules.get(name, default)
        if not isinstance(value, int) or value < 0:
            raise LanguageResourceError(f"{where}, quotes.{name}: expected a whole number ≥ 0")
        out[name] = value
    return out


def _valence(data: dict, where: str) -> dict:
    valence = data.get("valence") or {}
    out = {}
    for part in ("positive", "negative"):
        values = valence.get(part, {})
        if not isinstance(values, dict) or not all(isinstance(v, (int, float)) for v in values.values()):
            raise LanguageResourceError(f"{where}, valence.{part}: expected word -> number")
        out[part] = dict(values)
    out["negators"] = _words(valence.get("negators"), f"{where}, valence.negators")
    return out


def _stopwords(path: Path) -> frozenset[str]:
    from analysis.text import fold_text  # text reads its sentence rules from here

    if not path.is_file():
        return frozenset()
    words = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return frozenset(fold_text(w)[0] for w in words if w and not w.startswith("#"))


def _name_groups(path: Path) -> dict[str, dict[str, tuple[str, ...]]]:
    """``name_groups.yaml``: ``names`` (entity name -> its other names: "United States" <-
    America, U.S.), ``members`` (entity name -> words for its members: "United States" <-
    American, Americans), ``collectives`` (a group -> the lower-case nouns naming it:
    "protesters" <- protester, protestors) and ``given_names`` (a given name -> its short forms:
    "Elizabeth" <- Liz). A word listed under two entries is an error."""
    parts = {"names": "name_groups", "members": "name_members", "collectives": "name_collectives",
             "given_names": "given_names"}
    if not path.is_file():
        return {field_name: {} for field_name in parts.values()}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        raise LanguageResourceError(f"{path}: not valid YAML ({err}); fix the file") from None
    if not isinstance(data, dict) or not all(isinstance(data.get(k) or {}, dict) for k in parts):
        raise LanguageResourceError(f"{path}: expected 'names:', 'members:', 'collectives:' and "
                                    "'given_names:' mapping names to lists of words")
    out, owner = {part: {} for part in parts}, {}
    for part in parts:
        for name, words in (data.get(part) or {}).items():
            out[part][str(name)] = _words(words, f"{path}, {part}.{name}")
            for word in out[part][str(name)]:
                if owner.setdefault(word.casefold(), str(name)) != str(name):
                    raise LanguageResourceError(f"{path}, {part}.{name}: {word!r} is also listed under "
                                                f"{owner[word.casefold()]!r}; list each word once")
    return {field_name: out[part] for part, field_name in parts.items()}


def read_language(folder: Path | str) -> LanguageResources:
    """Read one language folder (``language.yaml`` + optional ``stopwords.txt``); the folder's
    name is the language code. Raises :class:`LanguageResourceError` naming file and field."""
    folder = Path(folder)
    path = folder / "language.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        raise LanguageResourceError(f"{path}: not valid YAML ({err}); fix the file") from None
    if not isinstance(data, dict):
        raise LanguageResourceError(f"{path}: expected a mapping of resources")
    where = str(path)
    inflections = data.get("inflections") or []
    if not all(isinstance(r, list) and len(r) == 2 and all(isinstance(x, str) for x in r)
               for r in inflections):
        raise LanguageResourceError(f"{where}, inflections: expected [ending, replacement] pairs")
    sentiment = data.get("sentiment", "none")
    if sentiment not in SENTIMENT_METHODS:
        raise LanguageResourceError(f"{where}, sentiment: {sentiment!r} is not one of "
                                    + ", ".join(SENTIMENT_METHODS))
    titles = _words(data.get("titles"), f"{where}, titles")
    weekdays = _words(data.get("weekdays"), f"{where}, weekdays")
    return LanguageResources(
        code=folder.name, found=True, path=str(path),
        # a title written with a period ("Rev.", "Adm.") is an abbreviation too: one list says so
        abbreviations=frozenset(w.casefold() for w in _words(data.get("abbreviations"), f"{where}, abbreviations"))
        | {t[:-1].casefold() for t in titles if t.endswith(".") and " " not in t},
        elisions=_words(data.get("elisions"), f"{where}, elisions"),
        inflections=tuple(tuple(r) for r in inflections),
        reporting_verbs=_mapping(data, "reporting_verbs", VERB_ROLES, where),
        cues=_mapping(data, "cues", CUE_KINDS, where),
        evaluative=_mapping(data, "evaluative", EVALUATIVE_KINDS, where),
        titles=titles, title_roles=_title_roles(data, where),
        not_names=_words(data.get("not_names"), f"{where}, not_names")
        + weekdays,
        weekdays=weekdays,
        name_stopwords=_words(data.get("name_stopwords"), f"{where}, name_stopwords"),
        name_conjunctions=_words(data.get("name_conjunctions"), f"{where}, name_conjunctions"),
        name_linkers=_words(data.get("name_linkers"), f"{where}, name_linkers"),
        **_name_groups(folder / "name_groups.yaml"),
        quotes=_quotes(data, where), sentiment=sentiment,
        valence=_valence(data, where) if sentiment == "valence list" else {},
        stopwords=_stopwords(folder / "stopwords.txt"))


@lru_cache(maxsize=None)
def _cached(folder: str, code: str) -> LanguageResources:
    path = Path(folder) / code
    if not (path / "language.yaml").is_file():
        return LanguageResources(code=code, found=False)
    return read_language(path)


def language_resources(code: str, folder: Path | str = LANGUAGES) -> LanguageResources:
    """The resources of language ``code`` (read once per process); empty, with ``found`` False,
    when ``folder`` has no ``<code>/language.yaml``."""
    return _cached(str(folder), str(code))


def available_languages(folder: Path | str = LANGUAGES) -> list[str]:
    """Codes of the languages that have resources."""
    return sorted(p.parent.name for p in Path(folder).glob("*/language.yaml"))


@lru_cache(maxsize=None)
def folded_quote_words(code: str, rule: str) -> frozenset[str]:
    """A quotation-rule word list of a language, folded like the text (once per process: callers
    look words up for every verb)."""
    from analysis.text import fold_text

    return frozenset(fold_text(w)[0] for w in language_resources(code).quote_words(rule))


def load_cues(folder: Path | str = LANGUAGES) -> dict[str, dict[str, tuple[str, ...]]]:
    """Claim-stance and framing cues of every language with resources: language -> cue kind
    (``refutation``, ``reporting_refutation``, ``hedge``, ``attribution``, ``factive``,
    ``negation``) -> phrases, from :meth:`LanguageResources.claim_cues`."""
    return {code: language_resources(code, folder).claim_cues() for code in available_languages(folder)}


def resources_note(code: str, folder: Path | str = LANGUAGES) -> str:
    """One line for tables and pages: which resources a language's documents were read with."""
    resources = language_resources(code, folder)
    if resources.found:
        return f"{code}: data/languages/{code}/"
    return (f"{code}: no language resources (no data/languages/{code}/language.yaml): reporting "
            "verbs, hedges, cues, quotation rules, stopwords and sentiment are not applied to "
            "these documents; their counts of those devices are 0 because nothing was looked for")


def languages_table(corpus, folder: Path | str = LANGUAGES):
    """Table ``languages``: per language of ``corpus``, documents and where its word lists come
    from (or what is not applied without them)."""
    import pandas as pd

    counts = corpus["language"].value_counts().sort_index()
    return pd.DataFrame({"language": counts.index, "documents": counts.to_numpy(dtype="int64"),
                         "resources": [resources_note(c, folder) for c in counts.index]})


def resource_lexicon(languages, kinds: tuple[str, ...] = ("hedge",), folder: Path | str = LANGUAGES):
    """The language resources' lists of ``kinds`` (a claim-cue kind such as ``hedge``, or an
    ``evaluative`` category) as a lexicon table (one term per phrase, category = the kind), so
    notebook 02 counts the same hedges as notebook 04 and the summary."""
    import pandas as pd

    def phrases(resources: LanguageResources, kind: str) -> tuple[str, ...]:
        return resources.evaluative.get(kind) or resources.claim_cues().get(kind, ())

    rows = [(phrase, kind, "", "", code, phrase) for code in sorted(set(languages))
            for kind in kinds for phrase in phrases(language_resources(code, folder), kind)]
    table = pd.DataFrame(rows, columns=["term", "category", "target", "direction", "language", "variant"])
    return table.drop_duplicates(["term", "language"]).assign(file=f"data/languages (by language: {', '.join(kinds)})")
