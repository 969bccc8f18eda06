"""The people, organisations and places a corpus talks about, found without configuration.

Three stages: candidate names in sentences (:mod:`analysis.entities_names`: titles kept apart,
possessives removed), aliases merged into entities (:mod:`analysis.entities_merge`), and here
the ranking: each entity is named by its most used full form and ranked by outlets, then
documents, then mentions (:func:`discover_entities`); the first ones become targets
(:func:`entity_targets`).
"""
from __future__ import annotations

from collections import defaultdict

import pandas as pd

from analysis.entities_merge import _key, canonical_names, slug  # noqa: F401  (re-exported)
from analysis.entities_names import _fold, find_names, split_title  # noqa: F401  (re-exported)


def discover_entities(corpus: pd.DataFrame, top_n: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The entities a corpus talks about, ranked, and the aliases behind each.

    In: ``doc_id``, ``outlet``, ``language``, ``text`` (and ``title``: a headline counts as a
    sentence of its document when known).
    Out: ``entities`` (table ``entities``): ``rank`` (1 = most outlets, then documents, then
    mentions), ``entity_id``, ``canonical``, ``outlets``, ``documents``, ``mentions``,
    ``aliases`` ("; "-joined), ``titles`` (titles written before it, "; "-joined), ``outlet_names``;
    the first ``top_n`` only when given. ``aliases`` (table ``entity_aliases``): ``entity_id``,
    ``alias`` (as written, possessive removed), ``language``, ``documents``, ``mentions``,
    ``outlet_names``, ``doc_ids`` (where it was found, "; "-joined).
    """
    names = canonical_names(find_names(_with_titles(corpus)))
    if names.empty:
        return (pd.DataFrame(columns=ENTITY_COLUMNS).astype(ENTITY_DTYPES),
                pd.DataFrame(columns=ALIAS_COLUMNS).astype(ALIAS_DTYPES))
    join = lambda values: "; ".join(sorted(set(v for v in values if v)))  # noqa: E731
    entities = (names.groupby(["entity_id", "canonical"], sort=True)
                .agg(outlets=("outlet", "nunique"), documents=("doc_id", "nunique"),
                     mentions=("name", "size"), aliases=("name", join), titles=("title", join),
                     outlet_names=("outlet", join))
                .reset_index()
                .sort_values(["outlets", "documents", "mentions", "entity_id"],
                             ascending=[False, False, False, True], kind="stable")
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


def _with_titles(corpus: pd.DataFrame) -> pd.DataFrame:
    """Headlines read as a first paragraph of their document (offsets then point into that
    combined text, so names are counted, not located, in headlines)."""
    if "title" not in corpus:
        return corpus
    known = corpus["title"].fillna("").astype(str).map(lambda t: "" if t in ("", "unknown") else t + "\n\n")
    return corpus.assign(text=known + corpus["text"])


ENTITY_COLUMNS = ["rank", "entity_id", "canonical", "outlets", "documents", "mentions", "aliases",
                  "titles", "outlet_names"]
ENTITY_DTYPES = {"rank": "int64", "outlets": "int64", "documents": "int64", "mentions": "int64"}
ALIAS_COLUMNS = ["entity_id", "alias", "language", "documents", "mentions", "outlet_names", "doc_ids"]
ALIAS_DTYPES = {"documents": "int64", "mentions": "int64"}


def entity_targets(entities: pd.DataFrame, aliases: pd.DataFrame, top_n: int) -> list[dict]:
    """The first ``top_n`` entities as targets (the format of ``targets.yaml``: ``id``,
    ``label``, ``aliases`` language -> names, ``evaluative`` empty), so target stance, naming
    and attribution run on them when a story lists no targets."""
    targets = []
    for entity in entities.head(top_n).itertuples(index=False):
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


def _compact(name: str) -> str:
    return "".join(c for c in _fold(name).casefold() if c.isalnum())


def find_named(name: str, entities: pd.DataFrame, aliases: pd.DataFrame) -> str:
    """The ``entity_id`` of the discovered entity that ``name`` (a name from elsewhere, e.g. a
    data set's annotation) refers to, or "": equal after folding and dropping separators
    ("Wal-Mart" = "Walmart"), or every word of one is a word of the other ("Obama
    administration" holds "Obama"; "Donald Trump" holds "Trump"). First entity in rank order."""
    target_words = set(_key(name).split(" ")) - {""}
    compact = _compact(name)
    names = [(e, c) for e, c in zip(entities["entity_id"], entities["canonical"])]
    names += [(e, a) for e, a in zip(aliases["entity_id"], aliases["alias"])]
    order = {e: i for i, e in enumerate(entities["entity_id"])}
    for entity_id, alias in sorted(names, key=lambda pair: order.get(pair[0], len(order))):
        if entity_id not in order:
            continue
        words = set(_key(alias).split(" ")) - {""}
        if _compact(alias) == compact or (words and (words <= target_words or target_words <= words)):
            return entity_id
    return ""
