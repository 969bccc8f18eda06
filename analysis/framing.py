"""Framing devices per outlet: hedges and distancing attribution, attribution verbs per speaker,
naming choices (what each outlet calls each target) and the sources each outlet cites.

Every row keeps an example (the sentence) and, for sources, the offsets of its first occurrence.
"""
from __future__ import annotations

import re

import pandas as pd

from analysis.languages import language_resources, load_cues
from analysis.marks import WORD_APOSTROPHES
from analysis.matcher import FoldedText, list_matcher
from analysis.schemas import check_table, table_columns
from analysis.text import locate_sentences

DEVICE_COLUMNS = table_columns("framing_devices")

# Patterns that name a cited source, per language; the named group ``source`` is the source.
# Run on the original text (capitals matter: a source is a proper name or a named role).
A = WORD_APOSTROPHES
_NAME = rf"[A-Z][\w{A}-]*(?:\s+[A-Z][\w{A}-]*)*"
SOURCE_PATTERNS: dict[str, list[tuple[str, str]]] = {
    "en": [
        ("according to", rf"\b(?i:according to) (?:the )?(?P<source>{_NAME}(?: leader| spokesman| spokesperson)?)"),
        ("X reported/cited/claimed", rf"(?P<source>{_NAME}(?:[{A}]s correspondent)?)\s+(?:reported|cited|quoted|claimed(?= that| quoting|,))\b"),
        ("newspaper", rf"\b(?:newspaper|daily|outlet) (?P<source>{_NAME})"),
        ("spokesperson", r"\b(?P<source>(?i:an?|the) (?:[A-Z]\w+ )?(?:spokesperson|spokesman|spokeswoman)(?: of the group)?)"),
        ("statement on", r"\b(?P<source>statement posted on (?:X|Twitter|Facebook|Telegram))"),
        ("per the report", r"\b(?P<source>per the report)"),
    ],
    "fr": [
        ("selon", rf"\bselon (?:le |la |les |l[{A}])?(?P<source>{_NAME})"),
        ("journal", rf"\bjournal (?:israélien |américain |afghan )?(?P<source>{_NAME})"),
        ("porte-parole", r"\b(?P<source>(?:un|le) porte-parole(?: \w+)?)"),
        ("quotidien", r"\b(?P<source>le quotidien (?:israélien|américain|afghan))"),
    ],
}
# Reporting verbs that give words to a speaker in indirect speech ("his group denies the claim").
INDIRECT_SPEECH_ROLES = ("neutral", "endorsing", "distancing", "refuting")
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
    for s in sentences.itertuples(index=False):
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
    refuting) in a sentence that mentions a target, credited to the target named last before the
    verb (``other`` when none): ``massoud_nrf: denies``. In: table ``mentions``. Out: table
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
    for (doc_id, sid), group in mentions.groupby(["doc_id", "sentence_id"], sort=True):
        if (doc_id, sid) in skip:
            continue
        group = group.sort_values("start")
        first = group.iloc[0]
        verbs = list_matcher(language_resources(first["language"]).verbs(*INDIRECT_SPEECH_ROLES))
        for m in verbs.find(first["sentence"], "*"):
            before = group[group["start"] - group["sentence_start"] < m.start]
            speaker = before.iloc[-1]["target"] if len(before) else "other"
            rows.append((first["outlet"], "attribution verb", f"{speaker}: {m.key}", doc_id, sid, first["sentence"]))
    parts.append(pd.DataFrame(rows, columns=["outlet", "device", "value", "doc_id", "sentence_id", "example"]))
    occ = pd.concat([p[["outlet", "device", "value", "doc_id", "sentence_id", "example"]] for p in parts],
                    ignore_index=True)
    corpus = corpus if corpus is not None else pd.DataFrame({"outlet": [], "n_words": []})
    return _aggregate(occ, corpus)


def find_sources(corpus: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Every source an outlet cites, found by the patterns of ``SOURCE_PATTERNS``.

    Out: ``doc_id``, ``outlet``, ``source``, ``pattern``, ``start``, ``end`` (offsets of the
    source's name in ``text``), ``sentence_id``, ``sentence``. Capitalised pronouns and sentence
    openers (``NOT_SOURCES``) are not sources.
    """
    rows = []
    for doc in corpus.itertuples(index=False):
        for name, pattern in SOURCE_PATTERNS.get(doc.language, []):
            for m in re.finditer(pattern, doc.text):
                source = m.group("source").strip()
                source = re.sub(rf"[{A}]s correspondent$", "", source)
                if source in NOT_SOURCES or not source or re.search(rf"[{A}]s$", source):
                    continue
                rows.append({"doc_id": doc.doc_id, "outlet": doc.outlet, "source": source, "pattern": name,
                             "start": m.start("source"), "end": m.start("source") + len(source)})
    found = pd.DataFrame(rows, columns=["doc_id", "outlet", "source", "pattern", "start", "end"])
    found = found.drop_duplicates(["doc_id", "start"])
    return locate_sentences(found, sentences).reset_index(drop=True)


def sources_cited(found: pd.DataFrame) -> pd.DataFrame:
    """Outlet → source table: ``outlet``, ``source``, ``count``, ``patterns``, and the first
    occurrence's ``doc_id``, ``start``, ``end``, ``example`` (its sentence)."""
    if found.empty:
        return pd.DataFrame(columns=["outlet", "source", "count", "patterns", "doc_id", "start", "end", "example"])
    found = found.sort_values(["outlet", "source", "doc_id", "start"])
    return (found.groupby(["outlet", "source"], sort=True)
            .agg(count=("start", "size"), patterns=("pattern", lambda p: ";".join(sorted(set(p)))),
                 doc_id=("doc_id", "first"), start=("start", "first"), end=("end", "first"),
                 example=("sentence", "first")).reset_index())


def combine_devices(*tables: pd.DataFrame) -> pd.DataFrame:
    """One framing-devices table (``DEVICE_COLUMNS``) from several device tables."""
    tables = [t for t in tables if len(t)]
    return pd.concat(tables, ignore_index=True)[DEVICE_COLUMNS] if tables else pd.DataFrame(columns=DEVICE_COLUMNS)
