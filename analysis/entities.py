"""The people, organisations and places a corpus talks about, found without configuration.

Three stages: candidate names in sentences (:mod:`analysis.entities_names`: titles kept apart,
possessives removed, a person's description counted as naming their party or country: "the Missouri
Republican"), aliases merged into entities (:mod:`analysis.entities_merge`), and here
the ranking: each entity is named by its most used full form and ranked by salience (headline,
lead and mentions per document naming it, summed: :func:`salience`), then mentions
(:func:`discover_entities`); the first ones become targets (:func:`entity_targets`).
"""
from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
import pandas as pd

from analysis.entities_merge import _key, _one_edit, canonical_names, slug  # noqa: F401  (re-exported)
from analysis.entities_groups import name_group  # noqa: F401  (re-exported)
from analysis.entities_names import _fold, find_names, split_title  # noqa: F401  (re-exported)
from analysis.marks import WORD_APOSTROPHES

LEAD_SENTENCES = 3  # a headline (read as sentence 0 when known) and the first two sentences
# per document naming an entity: presence, then one point each for its lead and its headline
PRESENCE = 0.5
SETTING_WEIGHT = 0.5  # a name after a place preposition ("in Atlanta") counts half: a setting, not an actor
_POSSESSIVE_WORD = re.compile("[" + WORD_APOSTROPHES + "]s?(?=\\s|$)")


def discover_entities(corpus: pd.DataFrame, top_n: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The entities a corpus talks about, ranked, and the aliases behind each.

    In: ``doc_id``, ``outlet``, ``language``, ``text`` (and ``title``: a headline counts as a
    sentence of its document when known).
    Out: ``entities`` (table ``entities``): ``rank`` (1 = most salient: ``salience``, then
    mentions, then ``entity_id``), ``entity_id``, ``canonical``, ``outlets``, ``documents``,
    ``mentions``, ``lead_documents``, ``headline_documents``, ``salience`` (:func:`salience`),
    ``aliases`` ("; "-joined), ``titles`` (titles written before it, "; "-joined), ``outlet_names``;
    the first ``top_n`` only when given. ``aliases`` (table ``entity_aliases``): ``entity_id``,
    ``alias`` (as written, possessive removed), ``language``, ``documents``, ``mentions``,
    ``outlet_names``, ``doc_ids`` (where it was found, "; "-joined).
    """
    titled = _with_titles(corpus)
    names = canonical_names(find_names(titled, affiliations=True))
    if names.empty:
        return (pd.DataFrame(columns=ENTITY_COLUMNS).astype(ENTITY_DTYPES),
                pd.DataFrame(columns=ALIAS_COLUMNS).astype(ALIAS_DTYPES))
    join = lambda values: "; ".join(sorted(set(v for v in values if v)))  # noqa: E731
    added = dict(zip(titled["doc_id"], titled["headline_end"].where(titled["headline_added"], 0)))
    names = names.assign(in_text=names["start"] >= names["doc_id"].map(added).fillna(0))
    entities = (names.groupby(["entity_id", "canonical"], sort=True)
                .agg(outlets=("outlet", "nunique"), documents=("doc_id", "nunique"),
                     mentions=("name", "size"), text_mentions=("in_text", "sum"),
                     aliases=("name", join), titles=("title", join),
                     outlet_names=("outlet", join))
                .reset_index()
                .join(salience(names, titled), on="entity_id")
                .sort_values(["salience", "mentions", "entity_id"], ascending=[False, False, True], kind="stable")
                .reset_index(drop=True))
    entities.insert(0, "rank", range(1, len(entities) + 1))
    if top_n is not None:
        entities = entities.head(top_n)
    aliases = (names[names["entity_id"].isin(entities["entity_id"])]
               .groupby(["entity_id", "name", "language"], sort=True)
               .agg(documents=("doc_id", "nunique"), mentions=("doc_id", "size"),
                    outlet_names=("outlet", join), doc_ids=("doc_id", join))
               .reset_index().rename(columns={"name": "alias"}))
    order = dict(zip(entities["entity_id"], entities["rank"]))
    aliases = (aliases.assign(_rank=aliases["entity_id"].map(order))
               .sort_values(["_rank", "documents", "mentions", "alias"], ascending=[True, False, False, True])
               .drop(columns="_rank").reset_index(drop=True))
    return entities[ENTITY_COLUMNS].astype(ENTITY_DTYPES), aliases[ALIAS_COLUMNS].astype(ALIAS_DTYPES)


def salience(names: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """How much a corpus is about each entity: per document naming it, ``PRESENCE`` + 1 when
    named in its first three sentences (headline included) + 1 when named in its headline +
    log2(1 + its mentions there), a mention after a place preposition ("in Atlanta") counting
    ``SETTING_WEIGHT`` (the presence too when every mention there is one); summed over documents.

    In: ``names`` (:func:`canonical_names` of :func:`find_names`: ``entity_id``, ``doc_id``,
    ``sentence_id``, ``start``, ``setting``), ``corpus`` (``doc_id``, ``headline_end``: see
    :func:`_with_titles`). Out: indexed by ``entity_id``: ``lead_documents``,
    ``headline_documents``, ``salience`` (rounded to 3 decimals).
    Why: where an entity is first named and how often are the strongest signs that a news
    article is about it (Dunietz & Gillick 2014, who find the headline among the best places); a
    passing mention in each of two documents weighs less than the headline of one. On BASIL
    2010-2014, 62 % of the entities named in an article's headline and lead were among its
    annotated main entities, 2 % of those named elsewhere and once.
    """
    ends = dict(zip(corpus["doc_id"], corpus["headline_end"])) if "headline_end" in corpus else {}
    weight = np.where(names["setting"].astype(bool), SETTING_WEIGHT, 1.0) if "setting" in names else 1.0
    per_mention = names.assign(lead=names["sentence_id"] < LEAD_SENTENCES, weight=weight,
                               headline=names["start"] < names["doc_id"].map(ends).fillna(0))
    per_doc = per_mention.groupby(["entity_id", "doc_id"], sort=True).agg(
        lead=("lead", "any"), headline=("headline", "any"), weight=("weight", "max"), mentions=("weight", "sum"))
    per_doc["salience"] = (PRESENCE * per_doc["weight"] + per_doc["lead"].astype(int)
                           + per_doc["headline"].astype(int) + np.log2(1 + per_doc["mentions"]))
    return (per_doc.groupby(level="entity_id")
            .agg(lead_documents=("lead", "sum"), headline_documents=("headline", "sum"), salience=("salience", "sum"))
            .assign(salience=lambda t: t["salience"].round(3)))


def _with_titles(corpus: pd.DataFrame) -> pd.DataFrame:
    """Headlines read as a first paragraph of their document (offsets then point into that
    combined text, so names are counted, not located, in headlines), unless the text already
    opens with its headline (scraped pages often do: it would be counted twice); columns
    ``headline_end``: where the headline ends in the text (0 when unknown), ``headline_added``:
    whether it was put there here (the other analyses read the text without it)."""
    if "title" not in corpus:
        return corpus.assign(headline_end=0, headline_added=False)
    texts, ends, added = [], [], []
    for title, text in zip(corpus["title"].fillna("").astype(str).str.strip(), corpus["text"].astype(str)):
        if title in ("", "unknown"):
            texts.append(text)
            ends.append(0)
        elif text.lstrip().startswith(title):
            texts.append(text)
            ends.append(len(text) - len(text.lstrip()) + len(title))
        else:
            texts.append(title + "\n\n" + text)
            ends.append(len(title))
        added.append(len(texts[-1]) != len(text))
    return corpus.assign(text=texts, headline_end=ends, headline_added=added)


ENTITY_COLUMNS = ["rank", "entity_id", "canonical", "outlets", "documents", "mentions", "text_mentions",
                  "lead_documents", "headline_documents", "salience", "aliases", "titles", "outlet_names"]
ENTITY_DTYPES = {"rank": "int64", "outlets": "int64", "documents": "int64", "mentions": "int64", "text_mentions": "int64",
                 "lead_documents": "int64", "headline_documents": "int64", "salience": "float64"}
ALIAS_COLUMNS = ["entity_id", "alias", "language", "documents", "mentions", "outlet_names", "doc_ids"]
ALIAS_DTYPES = {"documents": "int64", "mentions": "int64"}


def entity_targets(entities: pd.DataFrame, aliases: pd.DataFrame, top_n: int) -> list[dict]:
    """The first ``top_n`` entities the texts name as targets (the format of ``targets.yaml``:
    ``id``, ``label``, ``aliases`` language -> names, ``evaluative`` empty), so target stance,
    naming and attribution run on them when a story lists no targets. An entity named only in
    headlines the texts do not repeat is passed over: those analyses read the texts, so it
    would be a target with nothing to measure."""
    targets = []
    for entity in named_in_texts(entities).head(top_n).itertuples(index=False):
        rows = aliases[aliases["entity_id"] == entity.entity_id]
        by_language: dict[str, list[str]] = defaultdict(list)
        for row in rows.itertuples(index=False):
            if row.alias not in by_language[row.language]:
                by_language[row.language].append(row.alias)
        ident = entity.entity_id if entity.entity_id[:1].isalpha() else f"e_{entity.entity_id}"
        targets.append({"id": ident, "label": entity.canonical,
                        "aliases": {lang: sorted(names) for lang, names in sorted(by_language.items())},
                        "evaluative": {}})
    return targets


def named_in_texts(entities: pd.DataFrame) -> pd.DataFrame:
    """The entities a text names, not only a headline kept apart from it, in rank order."""
    return entities[entities["text_mentions"] > 0]


def _compact(name: str) -> str:
    return "".join(c for c in _fold(name).casefold() if c.isalnum())


def _singular(compact: str) -> str:
    return compact[:-1] if len(compact) > 3 and compact.endswith("s") else compact


def name_parts(name: str) -> list[str]:
    """The names an annotated entity (e.g. a data set's "main entity") refers to: without the
    lower-case head that follows a name ("Obama's administration" -> "Obama", "Republican
    lawmakers" -> "Republican", "SB 1062 bill" -> "SB 1062"), one per conjunct ("Nebraska and
    Oklahoma officials" -> Nebraska, Oklahoma; "Sasha and Malia Obama" -> Sasha Obama, Malia
    Obama). A name written wholly in lower case is kept whole ("supreme court", "police")."""
    name = _POSSESSIVE_WORD.sub("", name.strip())
    words = name.split()
    if not any(w[:1].isupper() for w in words):
        return [" ".join(words)] if words else []
    parts = [" ".join(w for w in part.split() if not w[:1].islower()) for part in re.split(r"\s+and\s+", name)]
    parts = [p for p in parts if p]
    if len(parts) > 1 and " " in parts[-1] and all(" " not in p for p in parts[:-1]):
        surname = parts[-1].rsplit(" ", 1)[-1]
        parts = [f"{p} {surname}" for p in parts[:-1]] + parts[-1:]
    return parts


def _same_person(a: str, b: str) -> bool:
    """Two keys of two words or more with one surname and a first name that is a variant: one
    edit ("Kevil" / "Kevin") or a short form ("Dave" / "David", same first three letters)."""
    wa, wb = a.split(" "), b.split(" ")
    if len(wa) < 2 or len(wb) < 2 or wa[-1] != wb[-1]:
        return False
    fa, fb = wa[0], wb[0]
    return fa == fb or (min(len(fa), len(fb)) >= 3 and (fa[:3] == fb[:3] or _one_edit(fa, fb)))


def _refers_to(part: str, canonical: str, names: list[str], language: str = "en", loose: bool = True) -> bool:
    """Whether ``part`` (one of :func:`name_parts`) names the entity called ``canonical`` with
    aliases ``names``: an alias equal to it (folded, separators dropped, singular or plural:
    "Wal-Mart" = "Walmart", "Republicans" = "Republican"; same surname and a variant first
    name), an alias it is the last word of ("Obama" -> "Barack Obama"), or a canonical name
    that is its last word ("U.S. Congress" -> "Congress"); a group word names the entity the
    language resources give it ("Senate Democrats", "Democratic" -> "Democratic Party")."""
    group = name_group(part, language)[0]
    if group and _compact(group) == _compact(canonical):
        return True
    compact, key = _singular(_compact(part)), _key(part)
    last = key.rsplit(" ", 1)[-1]
    for alias in [canonical, *names]:
        alias_key = _key(alias)
        if _singular(_compact(alias)) == compact or alias_key == key or _same_person(alias_key, key):
            return True
        if loose and " " not in key and alias_key.rsplit(" ", 1)[-1] == key:
            return True
    return loose and " " in key and _singular(_compact(canonical)) == _singular(last)


def find_named(name: str, entities: pd.DataFrame, aliases: pd.DataFrame) -> str:
    """The ``entity_id`` of the discovered entity that ``name`` (a name from elsewhere, e.g. a
    data set's annotation) refers to, or "": each of its :func:`name_parts` must name an entity
    of ``entities`` (:func:`_refers_to`; an entity that has it as an alias first, then the first
    in rank order that has it as a surname or head); the ids of several parts
    are "; "-joined. A surname alone is never matched to someone else's full name: "Liz
    Cheney" is not "Mary Cheney"."""
    by_entity: dict[str, list[str]] = defaultdict(list)
    for entity_id, alias in zip(aliases["entity_id"], aliases["alias"]):
        by_entity[entity_id].append(alias)
    languages = sorted(set(aliases["language"])) or ["en"]
    found = []
    for part in name_parts(name):
        match = next((e for loose in (False, True) for e, c in zip(entities["entity_id"], entities["canonical"])
                      if any(_refers_to(part, c, by_entity[e], lang, loose) for lang in languages)), "")
        if not match:
            return ""
        found.append(match)
    return "; ".join(dict.fromkeys(found))
