"""Framing devices per outlet: hedges and distancing attribution, attribution verbs per speaker,
naming choices (what each outlet calls each target) and the sources each outlet cites.

Every row keeps an example (the sentence) and, for sources, the offsets of its first occurrence.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analysis.entities_names import bare_name
from analysis.languages import folded_quote_words, language_resources, load_cues
from analysis.marks import QUOTE_MARKS, WORD_APOSTROPHES
from analysis.matcher import FoldedText, PhraseMatcher, list_matcher
from analysis.quotes.rules import quote_rules
from analysis.schemas import check_table, row_tuples, table_columns
from analysis.text import fold_text, locate_sentences

DEVICE_COLUMNS = table_columns("framing_devices")

# Patterns that name a cited source, per language; the named group ``source`` is the source.
# Run on the original text (capitals matter: a source is a proper name or a named role). "per the
# report" and "a statement posted on X" name no source of their own: the report's or the
# statement's author is the source, found as the speaker of what it says.
A = WORD_APOSTROPHES
_NAME = rf"[A-Z][\w{A}-]*(?:\s+[A-Z][\w{A}-]*)*"
SOURCE_PATTERNS: dict[str, list[tuple[str, str]]] = {
    "en": [
        ("according to", rf"\b(?i:according to) (?:the )?(?P<source>{_NAME}(?: leader| spokesman| spokesperson)?)"),
        ("newspaper", rf"\b(?:newspaper|daily|outlet) (?P<source>{_NAME})"),
        ("spokesperson", r"\b(?P<source>(?i:an?|the) (?:[A-Z]\w+ )?(?:spokesperson|spokesman|spokeswoman)(?: of the group)?)"),
    ],
    "fr": [
        ("selon", rf"\bselon (?:le |la |les |l[{A}])?(?P<source>{_NAME})"),
        ("journal", rf"\bjournal (?:israélien |américain |afghan )?(?P<source>{_NAME})"),
        ("porte-parole", r"\b(?P<source>(?:un|le) porte-parole(?: \w+)?)"),
        ("quotidien", r"\b(?P<source>le quotidien (?:israélien|américain|afghan))"),
    ],
}
# Where the text links a description to a name ("Maariv, an Israeli newspaper", "le journal
# israélien Maariv"), the description elsewhere ("le quotidien israélien") is that name.
DESCRIPTION_LINKS: dict[str, list[str]] = {
    "en": [rf"\b(?P<adj>[A-Z]\w+) (?:newspaper|daily) (?P<name>{_NAME})",
           rf"(?P<name>{_NAME}), (?:an?|the) (?P<adj>[A-Z]\w+) (?:newspaper|daily)"],
    "fr": [rf"\b(?:journal|quotidien) (?P<adj>[a-zé]+) (?P<name>{_NAME})"],
}
DESCRIPTIONS: dict[str, str] = {
    "en": r"^(?:the |an? )?(?P<adj>[A-Z]\w+) (?:newspaper|daily)$|^(?:the )?(?:newspaper|daily|report|story)$",
    "fr": r"^(?:le |la )?(?:journal|quotidien)(?: (?P<adj>[a-zé]+))?$",
}
# Speaker before a reporting verb ("Pakistan's officials have repeatedly admitted", "Kouts,
# however, insisted", "Gideon Kouts, who wrote"): an aside or relative pronoun is skipped.
_ASIDE = re.compile(r"(?:,\s*(?:who|which|qui)\s*|,[^,]{1,25},\s*)$")
_WORD = re.compile(rf"[\w{A}-]+$")
# Reporting verbs that give words to a speaker in indirect speech ("his group denies the claim").
INDIRECT_SPEECH_ROLES = ("neutral", "endorsing", "distancing", "refuting")
QUOTE_REACH = 6  # characters between a verb and the words of the quotation it opens (" : « ")
NOT_SOURCES = {"He", "She", "It", "They", "The", "This", "That", "We", "I", "Il", "Elle", "Ils", "Earlier"}


def _words_per_outlet(corpus: pd.DataFrame) -> pd.Series:
    return corpus.groupby("outlet")["n_words"].sum()


def hedge_devices(sentences: pd.DataFrame, corpus: pd.DataFrame, cues: dict | None = None,
                  kinds: tuple[str, ...] = ("hedge", "attribution")) -> pd.DataFrame:
    """Hedges and distancing/neutral attribution cues per outlet, with rates per 1,000 words.

    In: table ``sentences``, corpus (``outlet``, ``n_words``), ``cues`` language -> kind ->
    phrases (default: the language resources, :func:`analysis.stance.load_cues`). Out: table
    ``framing_devices`` with ``device`` = the cue kind, ``value`` = the cue as listed. A language
    without resources gets no cue (see :func:`analysis.languages.resources_note`).
    """
    check_table(sentences, "sentences", "hedge_devices")
    cues = load_cues() if cues is None else cues
    matchers = {(lang, k): list_matcher(kinds_of.get(k, ())) for lang, kinds_of in cues.items() for k in kinds}
    rows = []
    for s in row_tuples(sentences):
        if s.language not in cues:
            continue
        folded = FoldedText.of(s.sentence)
        for kind in kinds:
            for m in matchers[(s.language, kind)].find(folded, "*"):
                rows.append((s.outlet, kind, m.key, s.doc_id, s.sentence_id, s.sentence))
    return _aggregate(pd.DataFrame(rows, columns=["outlet", "device", "value", "doc_id", "sentence_id", "example"]),
                      corpus)


def _aggregate(occ: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    if occ.empty:
        return pd.DataFrame(columns=DEVICE_COLUMNS)
    occ = occ.sort_values(["outlet", "device", "value", "doc_id", "sentence_id"])
    out = (occ.groupby(["outlet", "device", "value"], sort=True)
           .agg(count=("example", "size"), example=("example", "first")).reset_index())
    out["per_1k_words"] = (out["count"] / out["outlet"].map(_words_per_outlet(corpus)) * 1000).round(3)
    return out[DEVICE_COLUMNS]


def naming_devices(mentions: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """What each outlet calls each target: one device row per (outlet, target, name).

    In: mentions from ``find_mentions``. Out: ``DEVICE_COLUMNS`` with ``device`` = ``naming``,
    ``value`` = ``target: name``, and the name in single quotes when the outlet scare-quotes it
    (``israel: 'Israel'``).
    """
    if mentions.empty:
        return pd.DataFrame(columns=DEVICE_COLUMNS)
    names = mentions["name"].where(~mentions["scare_quoted"], "'" + mentions["name"] + "'")
    occ = mentions.assign(device="naming", value=mentions["target"] + ": " + names, example=mentions["sentence"])
    return _aggregate(occ[["outlet", "device", "value", "doc_id", "sentence_id", "example"]], corpus)


def naming_matrix(devices: pd.DataFrame) -> pd.DataFrame:
    """Outlet × (target: name) count matrix from the ``naming`` rows of a devices table."""
    naming = devices[devices["device"] == "naming"]
    return naming.pivot_table(index="outlet", columns="value", values="count", aggfunc="sum", fill_value=0)


def attribution_verbs(mentions: pd.DataFrame, quotes: pd.DataFrame | None = None,
                      corpus: pd.DataFrame | None = None) -> pd.DataFrame:
    """Attribution verbs used for each speaker, per outlet.

    Direct speech: with ``quotes`` (table ``quotes``), each quotation's ``speaker: verb``.
    Indirect speech (every sentence without a direct quotation; every sentence when quotes are
    not given): each reporting verb of the language resources (neutral, endorsing, distancing,
    refuting) in a sentence that mentions a target, credited to the named speaker right before a
    verb that gives words (``Kouts: insisted``; a target when the name is one of its aliases), else
    to the target named last before the verb (``other`` when none): ``massoud_nrf: denies``. In: table ``mentions``. Out: table
    ``framing_devices`` with ``device`` = ``attribution verb``, ``value`` = ``speaker: verb``.
    """
    check_table(mentions, "mentions", "attribution_verbs")
    parts, skip = [], set()
    if quotes is not None and len(quotes):
        check_table(quotes, "quotes", "attribution_verbs", ["doc_id", "outlet", "kind", "speaker", "verb",
                                                             "quote_text", "sentence_id"])
        q = quotes[(quotes["speaker"].fillna("") != "") & (quotes["verb"].fillna("") != "")]
        parts.append(q.assign(device="attribution verb", value=q["speaker"] + ": " + q["verb"],
                              example=q["quote_text"]))
        direct = quotes[quotes["kind"] == "direct"]
        skip = set(zip(direct["doc_id"], direct["sentence_id"]))
    rows = []
    # One pass over the mentions in (document, sentence, start) order: plain tuples, not a
    # pandas group per sentence (which cost ~6 s per MB of text).
    columns = ["doc_id", "sentence_id", "outlet", "language", "sentence", "target", "start", "sentence_start"]
    ordered = mentions.sort_values(["doc_id", "sentence_id"], kind="stable")[columns]
    records = list(ordered.itertuples(index=False, name=None))
    for begin, end in _runs(records):
        group = sorted(records[begin:end], key=lambda r: r[6])  # stable, as sort_values on unique starts
        doc_id, sid, outlet, lang, text = group[0][:5]
        if (doc_id, sid) in skip:
            continue
        verbs = list_matcher(language_resources(lang).verbs(*INDIRECT_SPEECH_ROLES))
        for m in verbs.find(text, "*"):
            before = [r for r in group if r[6] - r[7] < m.start]
            # A named speaker right before a verb that gives words ("Kouts, however, insisted
            # that") is the speaker; else the target named last before the verb.
            span = _speaker_before(text, m.start, lang) if _introduces_words(text, m, lang) else None
            named = [r for r in before if r[6] - r[7] >= span[0]] if span else []
            speaker = (named[-1][5] if named else text[span[0]:span[1]] if span
                       else before[-1][5] if before else "other")
            rows.append((outlet, "attribution verb", f"{speaker}: {m.key}", doc_id, sid, text))
    parts.append(pd.DataFrame(rows, columns=["outlet", "device", "value", "doc_id", "sentence_id", "example"]))
    occ = pd.concat([p[["outlet", "device", "value", "doc_id", "sentence_id", "example"]] for p in parts],
                    ignore_index=True)
    corpus = corpus if corpus is not None else pd.DataFrame({"outlet": [], "n_words": []})
    return _aggregate(occ, corpus)


def _runs(records: list[tuple]) -> list[tuple[int, int]]:
    """(begin, end) positions of the runs of equal (document, sentence) in sorted records."""
    bounds = [i for i in range(1, len(records)) if records[i][:2] != records[i - 1][:2]]
    return list(zip([0] + bounds, bounds + [len(records)])) if records else []


SPEAKER_WINDOW = 300  # characters before a reporting verb searched for its speaker


def _speaker_before(text: str, end: int, language: str) -> tuple[int, int] | None:
    """:func:`_speaker_in` on the ``SPEAKER_WINDOW`` characters before ``end``, offsets into
    ``text``: the cost per verb does not grow with the length of the article."""
    base = max(0, end - SPEAKER_WINDOW)
    span = _speaker_in(text[base:end], end - base, language)
    return (span[0] + base, span[1] + base) if span else None


def _speaker_in(text: str, end: int, language: str) -> tuple[int, int] | None:
    """Offsets of the named speaker just before ``end`` (a reporting verb): capitalised words and
    role nouns (``quotes.role_nouns``), one lower-case word allowed before a role noun ("Israeli
    foreign ministry"), a name particle between capitalised words ("Bank of America", "Critics of
    Chick-fil-A": not America, not Chick-fil-A); skip words ("have repeatedly") and asides are
    passed over. None unless a capitalised word is part of it; a day or a month ends it ("on
    Wednesday Williams admitted")."""
    skip = folded_quote_words(language, "skip_words")
    roles = folded_quote_words(language, "role_nouns")
    determiners = folded_quote_words(language, "determiners")
    particles = folded_quote_words(language, "name_particles") - determiners
    not_names = quote_rules(language).not_names
    i = end
    while True:
        head = text[:i].rstrip()
        aside = _ASIDE.search(head)
        word = _WORD.search(head)
        if aside:
            i = aside.start()
        elif word and fold_text(word.group())[0] in skip:
            i = word.start()
        else:
            break
    stop, start, loose, has_role, capital = len(head), len(head), 0, False, False
    while (word := _WORD.search(text[:start].rstrip())) is not None:
        folded = fold_text(word.group())[0]
        if folded in not_names:
            break
        if word.group()[0].isupper() and folded not in determiners:
            capital = True
        elif capital and folded in particles and (before := _WORD.search(text[:word.start()].rstrip())) \
                and before.group()[0].isupper():
            pass  # "Department of Justice": the particle joins two capitalised words
        elif folded in roles:
            has_role = True
        elif has_role and not capital and not loose and folded not in determiners:
            loose += 1
        else:
            break
        start = word.start()
    return (start, stop) if capital and text[start:stop] not in NOT_SOURCES else None


def find_sources(corpus: pd.DataFrame, sentences: pd.DataFrame, quotes: pd.DataFrame | None = None,
                 targets: list[dict] | None = None, entity_aliases: pd.DataFrame | None = None,
                 entities: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every source an outlet cites, by its canonical name.

    A source is an outlet, official, institution, document or statement the text credits: found
    by ``SOURCE_PATTERNS`` (according to X, newspaper X), as the named speaker of a reporting verb
    (``X said``, ``Pakistan's officials have admitted``), and as the speaker of a direct quotation
    (``quotes``, table ``quotes``; its ``speaker`` column). Names are merged: a name holding a
    target's alias is that target's label ("the Afghani leader", "Massoud" → "Massoud / NRF"); a
    description the text links to a name is that name ("le quotidien israélien" → Maariv); any
    other name is the story's one name for that person or organisation: the quotation's
    ``speaker_canonical`` for its speaker, and for the others the entity whose alias it is in that
    document (tables ``entity_aliases`` and ``entities`` of :func:`discover_entities`: "Obama" →
    Barack Obama, "Johnson" → Jeh Johnson where that document names him).
    Out: ``doc_id``, ``outlet``, ``source`` (canonical), ``name`` (as written), ``pattern``,
    ``start``, ``end`` (offsets of the name, or of the quotation for a quotation's speaker),
    ``sentence_id``, ``sentence``; one row per source and sentence.
    """
    aliases = PhraseMatcher([((t["id"], name), lang, name) for t in targets for lang, names in t["aliases"].items()
                             for name in names], capitals=True) if targets else None
    labels = {t["id"]: t["label"] for t in targets or []}
    label_names = set(labels.values())
    direct = (quotes[quotes["kind"] == "direct"] if quotes is not None and len(quotes)
              else pd.DataFrame(columns=["doc_id", "speaker", "source", "start", "end"]))
    if "speaker_canonical" not in direct:
        direct = direct.assign(speaker_canonical="")
    entity_of = _entity_names(entity_aliases, entities)
    rows = []
    quotes_of: dict = {}  # one pass over plain tuples, not a filter (and a namedtuple class) per document
    for q in zip(direct["doc_id"], direct["speaker"], direct["source"], direct["start"], direct["end"],
                 direct["speaker_canonical"]):
        quotes_of.setdefault(q[0], []).append(q[1:])
    for doc in row_tuples(corpus):
        text, lang = doc.text, doc.language
        links = {m.group("adj").casefold(): m.group("name") for p in DESCRIPTION_LINKS.get(lang, [])
                 for m in re.finditer(p, text)}

        def add(name: str, pattern: str, start: int, end: int, canonical: str = "") -> None:
            name = re.sub(rf"[{A}]s correspondent$", "", name.strip())
            source = _canonical(name, lang, links, aliases, labels) if name else ""
            if source and source not in label_names:  # a target's label stays the analyst's
                source = canonical or entity_of.get((doc.doc_id, bare_name(source, lang)), source)
            if source and name not in NOT_SOURCES and name != "unknown" and not re.search(rf"[{A}]s$", name):
                rows.append({"doc_id": doc.doc_id, "outlet": doc.outlet, "source": source, "name": name,
                             "pattern": pattern, "start": start, "end": end})

        quoted = quotes_of.get(doc.doc_id, [])
        starts = np.sort(np.array([start for _, _, start, _, _ in quoted], dtype="int64"))
        # a source named inside a quotation is the speaker's, not the outlet's ("“… what President
        # Obama said,” Johnson told us"): the speaker is the outlet's source there
        spans = [(int(start), int(end)) for _, _, start, end, _ in quoted]
        inside = lambda at: any(a < at < b for a, b in spans)  # noqa: E731
        for name, pattern in SOURCE_PATTERNS.get(lang, []):
            for m in re.finditer(pattern, text):
                if not inside(m.start("source")):
                    add(m.group("source"), name, m.start("source"),
                        m.start("source") + len(m.group("source").strip()))
        for m in list_matcher(language_resources(lang).verbs(*INDIRECT_SPEECH_ROLES)).find(text, "*"):
            # A verb that opens a quotation leaves its speaker to the quotation (read more fully).
            after = np.searchsorted(starts, m.end, side="right")
            opens = after < len(starts) and starts[after] - m.end <= QUOTE_REACH
            span = (_speaker_before(text, m.start, lang)
                    if _introduces_words(text, m, lang) and not opens and not inside(m.start) else None)
            if span:
                add(text[span[0]:span[1]], "speaker of a reporting verb", *span)
        for speaker, source, start, end, canonical in quoted:
            # the speaker's one name when the quotation table renamed it ("Obama" -> "Barack Obama")
            canonical = canonical if isinstance(canonical, str) and canonical not in ("unknown", speaker) else ""
            add(str(speaker or ""), "quotation speaker", int(start), int(end), canonical)
            if isinstance(source, str) and source:
                add(source, "quotation credited to", int(start), int(end) - 1)
    found = pd.DataFrame(rows, columns=["doc_id", "outlet", "source", "name", "pattern", "start", "end"])
    found = locate_sentences(_surnames_merged(found.drop_duplicates(["doc_id", "start", "name"])), sentences)
    return found.drop_duplicates(["doc_id", "sentence_id", "source"]).reset_index(drop=True)


def _entity_names(entity_aliases: pd.DataFrame | None, entities: pd.DataFrame | None) -> dict:
    """(doc_id, alias as written) -> the canonical name of the discovered entity it names there."""
    if entity_aliases is None or entities is None or entity_aliases.empty:
        return {}
    canonical = dict(zip(entities["entity_id"], entities["canonical"]))
    return {(doc, alias): canonical[entity]
            for entity, alias, docs in zip(entity_aliases["entity_id"], entity_aliases["alias"],
                                           entity_aliases["doc_ids"])
            if entity in canonical for doc in str(docs).split("; ")}


def _introduces_words(text: str, verb, language: str) -> bool:
    """A reporting verb gives words to a speaker when "that", a colon, a comma or a quotation mark
    follows it, or when it is a phrase ("declined to comment"); "Israeli claims regarding" and
    "acknowledged the government" do not."""
    after = text[verb.end:verb.end + 8].lstrip()
    conjunctions = language_resources(language).quote_words("conjunctions")
    return (" " in verb.key or after[:1] in ":," + QUOTE_MARKS
            or any(re.match(rf"{re.escape(c)}\b|{re.escape(c)}$", after, flags=re.IGNORECASE) for c in conjunctions))


def _surnames_merged(found: pd.DataFrame) -> pd.DataFrame:
    """In each document, a one-word source that ends a longer source's name is that source
    ("Kouts" after "Gideon Kouts")."""
    longer = {(d, s.split()[-1]): s for d, s in zip(found["doc_id"], found["source"]) if len(s.split()) > 1}
    return found.assign(source=[longer.get((d, s), s) for d, s in zip(found["doc_id"], found["source"])])


def _canonical(name: str, language: str, links: dict, aliases, labels: dict) -> str:
    """One name per source: a description the text links to a name is that name; a name holding
    a target's alias is the target's label; a person's title goes ("British Prime Minister David
    Cameron" is David Cameron, not the United Kingdom); a leading determiner goes."""
    bare = bare_name(name, language)
    if bare != name and " " in bare:
        name = bare
    described = re.match(DESCRIPTIONS.get(language, "$^"), name, flags=re.IGNORECASE)
    if described:
        adjective = (described.group("adj") or "").casefold()
        if adjective in links:
            return links[adjective]
        if not adjective and len(set(links.values())) == 1:
            return next(iter(links.values()))
        return ""  # "per the report" with nothing in the text saying whose: no source of its own
    found = [m for m in (aliases.find(name, language) if aliases else []) if _speaks_for(name, m, language)]
    if found:
        return labels[found[0].key[0]]
    words = name.split()
    determiners = folded_quote_words(language, "determiners")
    return " ".join(words[1:]) if len(words) > 1 and fold_text(words[0])[0] in determiners else name


def _speaks_for(name: str, alias, language: str) -> bool:
    """Whether a name holding a target's alias (a match in ``name``) speaks for the target: "the
    Taliban spokesman", "NRF leader" do; "One Facebook user", "Critics of Chick-fil-A" do not, their
    head being an outsider noun (``outsider_nouns`` of the language: users, critics, voters …)."""
    outsiders = folded_quote_words(language, "outsider_nouns")
    words = [fold_text(w)[0] for w in re.findall(r"[^\W\d_][\w-]*", name[:alias.start] + " " + name[alias.end:])]
    return not any(w in outsiders for w in words)


def sources_cited(found: pd.DataFrame) -> pd.DataFrame:
    """Outlet → source table: ``outlet``, ``source`` (canonical), ``count`` (sentences citing
    it), ``names`` (as written), ``patterns``, and the first occurrence's ``doc_id``, ``start``,
    ``end``, ``example`` (its sentence)."""
    columns = list(table_columns("sources_cited"))
    if found.empty:
        return pd.DataFrame(columns=columns)
    found = found.sort_values(["outlet", "source", "doc_id", "start"])
    joined = lambda p: ";".join(sorted(set(p)))  # noqa: E731
    return (found.groupby(["outlet", "source"], sort=True)
            .agg(count=("start", "size"), names=("name", joined), patterns=("pattern", joined),
                 doc_id=("doc_id", "first"), start=("start", "first"), end=("end", "first"),
                 example=("sentence", "first")).reset_index())[columns]


def combine_devices(*tables: pd.DataFrame) -> pd.DataFrame:
    """One framing-devices table (``DEVICE_COLUMNS``) from several device tables."""
    tables = [t for t in tables if len(t)]
    return pd.concat(tables, ignore_index=True)[DEVICE_COLUMNS] if tables else pd.DataFrame(columns=DEVICE_COLUMNS)
