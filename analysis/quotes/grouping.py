"""Quotation groups: versions of one utterance across outlets, found without comparing all pairs,
and the per-outlet counts built on them (speakers, scare quotes, shared groups)."""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.schemas import check_table, table_columns
from analysis.text import fold_text, tokenize_words


@lru_cache(maxsize=1 << 16)
def quote_tokens(text: str, language: str = "en") -> tuple[str, ...]:
    """Folded words of a quotation (case, accents, apostrophes folded), the unit of matching;
    cached, since grouping, group summaries and fidelity all read them."""
    return tuple(tokenize_words(fold_text(text)[0], language))


def _distinct_joined(table: pd.DataFrame, by: list[str], column: str) -> pd.Series:
    """Per group of ``by``: the distinct values of ``column``, sorted, "; "-joined (one sort of
    the whole table, not a Python set and sort per group)."""
    distinct = table[by + [column]].drop_duplicates().sort_values(by + [column])
    return distinct.groupby(by, sort=True)[column].agg("; ".join)


def _bigrams(tokens) -> set:
    return set(zip(tokens, tokens[1:]))


def quote_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Similarity of two token sequences, 0 to 1: the mean of word containment and word-pair
    containment, each |A ∩ B| / min(|A|, |B|). Containment keeps a truncated version (a contiguous
    part of the other) at 1; word pairs keep word order in play."""
    ua, ub = set(a), set(b)
    if not ua or not ub:
        return 0.0
    uni = len(ua & ub) / min(len(ua), len(ub))
    ba, bb = _bigrams(a), _bigrams(b)
    bi = len(ba & bb) / min(len(ba), len(bb)) if ba and bb else uni
    return (uni + bi) / 2


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


# Two quotations credited to different named people are one utterance only from this similarity
# on (one outlet then names the wrong speaker); below it, words in common are coincidence: on BASIL
# 2010-2014, "I think the way the vice president handled himself was condescending" (Chaffetz,
# HuffPost) had joined Ryan's "I think the vice president very well knows …" at 0.50
SAME_WORDS = 0.8


def cluster_token_sequences(sequences: list[tuple[str, ...]], threshold: float = 0.5,
                            min_words: int = 4, shingle: int = 3, max_compare: int = 50,
                            speakers: list[frozenset] | None = None):
    """Component label of each token sequence, joining sequences that are the same utterance.

    Candidates: sequences sharing a word ``shingle``-gram (an inverted index: one posting list per
    shingle). Within a posting list a sequence is compared only with one representative of each
    component already in the list (at most ``max_compare``), and not at all when it is already in
    that component, so cost grows with the number of postings, not with their square. A pair is
    joined when both have ≥ ``min_words`` words and :func:`quote_similarity` ≥ ``threshold``,
    and, when ``speakers`` (the named people each sequence is credited to) name different people
    for both, ≥ ``SAME_WORDS``; components by union-find. Returns (labels, number of similarity checks).
    """
    uf = _UnionFind(len(sequences))
    postings: dict[tuple, list[int]] = {}
    for i, seq in enumerate(sequences):
        if len(seq) < min_words:
            continue
        for k in range(max(1, len(seq) - shingle + 1)):
            postings.setdefault(seq[k:k + shingle], []).append(i)
    checks = 0
    for members in postings.values():
        if len(members) < 2:
            continue
        reps: list[int] = []
        for m in members:
            root = uf.find(m)
            roots = {uf.find(r) for r in reps}
            if root in roots:
                continue
            joined = False
            for r in reps[:max_compare]:
                if uf.find(r) == uf.find(m):
                    joined = True
                    break
                checks += 1
                similarity = quote_similarity(sequences[m], sequences[r])
                if similarity >= threshold and (similarity >= SAME_WORDS or speakers is None or not (
                        speakers[m] and speakers[r] and speakers[m].isdisjoint(speakers[r]))):
                    uf.union(m, r)
                    joined = True
            if not joined:
                reps.append(m)
    return [uf.find(i) for i in range(len(sequences))], checks


def all_pairs_matches(sequences: list[tuple[str, ...]], threshold: float = 0.5,
                      min_words: int = 4) -> list[tuple[int, int]]:
    """Every pair (i < j) the verifier judges the same utterance: the quadratic baseline."""
    keep = [i for i, s in enumerate(sequences) if len(s) >= min_words]
    pairs = []
    for x, i in enumerate(keep):
        for j in keep[x + 1:]:
            if quote_similarity(sequences[i], sequences[j]) >= threshold:
                pairs.append((i, j))
    return pairs


def group_quotes(quotes: pd.DataFrame, translated: pd.DataFrame | None = None,
                 threshold: float = 0.5, min_words: int = 4, entities: pd.DataFrame | None = None,
                 aliases: pd.DataFrame | None = None) -> pd.DataFrame:
    """Give each direct quotation a ``group_id``: versions of one utterance across outlets.

    In: quotes from :func:`extract_quotes`; optionally translated quotes from
    :func:`extract_translated_quotes`, whose English text stands in for the original quotation
    it is linked to. Only outermost direct quotations take part; scare quotes and nested
    quotations get ``group_id`` "". Out: the quotes plus ``match_text`` (text compared: the
    quotation, or its pivot translation), ``via_translation`` and ``group_id`` (``gNNNN``,
    numbered by first quote_id; singletons are groups of one), and the speakers' ids
    (:func:`identify_speakers`, given the story's ``entities`` and ``aliases`` when known). See
    :func:`cluster_token_sequences` for cost.
    """
    check_table(quotes, "quotes", "group_quotes", table_columns("quotes", upto="cue_end"))
    out = quotes.copy()
    out["match_text"] = out["quote_text"]
    out["via_translation"] = False
    if translated is not None and not translated.empty:
        pivot = translated[translated["original_quote_id"] != ""].drop_duplicates("original_quote_id")
        pivot = pivot.set_index("original_quote_id")["quote_text"]
        hit = out["quote_id"].isin(pivot.index)
        out.loc[hit, "match_text"] = out.loc[hit, "quote_id"].map(pivot)
        out.loc[hit, "via_translation"] = True
    out = identify_speakers(out, entities, aliases)
    eligible = out[(out["kind"] == "direct") & (out["depth"] == 0)]
    languages = np.where(eligible["via_translation"], "en", eligible["language"])
    tokens = [quote_tokens(t, lang) for t, lang in zip(eligible["match_text"], languages)]
    unique = {}
    index = [unique.setdefault(t, len(unique)) for t in tokens]
    people = [set() for _ in unique]  # the named people each distinct text is credited to
    for i, who in zip(index, np.where(eligible["speaker_type"] == "person", eligible["speaker_id"], "")):
        if who:
            people[i].add(who)
    labels, _ = cluster_token_sequences(list(unique), threshold, min_words, speakers=[frozenset(p) for p in people])
    component = [labels[i] for i in index]
    order = pd.Series(component, index=eligible.index)
    first = eligible.groupby(order.values)["quote_id"].min().sort_values()
    names = {comp: f"g{n + 1:04d}" for n, comp in enumerate(first.index)}
    out["group_id"] = ""
    out.loc[eligible.index, "group_id"] = order.map(names)
    return out


def identify_speakers(quotes: pd.DataFrame, entities: pd.DataFrame | None = None,
                      aliases: pd.DataFrame | None = None) -> pd.DataFrame:
    """Add ``speaker_id`` and ``speaker_canonical``: one id per person or organisation in the
    story, merged across spellings, surnames, titles, outlets and languages by the story's entity
    discovery (:func:`analysis.entities.canonical_names`: Masoud, Massoud, Ahmad Masoud → one id);
    a description ("A Taliban spokesman") is its own speaker, id = its slug, unless it is a
    determiner and the name of a discovered entity ("Les talibans", "the police"). Empty when the
    speaker is unknown. Within a document, pronouns and surnames are already resolved by
    extraction. Given the corpus's discovered ``entities`` and their ``aliases``
    (:func:`analysis.entities.discover_entities`), a speaker one of whose names is an alias of
    an entity takes that entity's id and name: the text's own links then hold for speakers too
    ("the Islamic State (ISIS)" makes the speakers ISIS and Islamic State one)."""
    from analysis.entities import canonical_names, slug

    out = quotes.copy()
    known = ~out["speaker"].isin(["", "unknown"])
    named = known & out["speaker_type"].isin(["person", "organisation"])
    out["speaker_id"] = ""
    out["speaker_canonical"] = ""
    described = known & ~named
    out.loc[described, "speaker_id"] = out.loc[described, "speaker"].map(slug)
    out.loc[described, "speaker_canonical"] = out.loc[described, "speaker"]
    discovered = entities is not None and aliases is not None and not entities.empty
    owners = _alias_owners(aliases) if discovered else {}
    if described.any() and discovered:
        ids, canonicals = _groups_as_entities(out.loc[described], entities, aliases)
        hit = ids != ""
        out.loc[hit[hit].index, "speaker_id"] = ids[hit]
        out.loc[hit[hit].index, "speaker_canonical"] = canonicals[hit]
    if named.any():
        names = out.loc[named, ["speaker", "language", "doc_id", "outlet"]].rename(columns={"speaker": "name"})
        merged = canonical_names(names.reset_index(drop=True))
        if discovered:
            merged = _as_discovered_entities(merged, entities, owners)
        out.loc[named, "speaker_id"] = merged["entity_id"].to_numpy()
        out.loc[named, "speaker_canonical"] = merged["canonical"].to_numpy()
    return out


def _groups_as_entities(described: pd.DataFrame, entities: pd.DataFrame,
                        aliases: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """(entity id, canonical name) per described speaker that is a determiner and an alias, as
    written, of one discovered entity ("Les talibans", "the police": the Taliban, the police),
    else ("", ""); other descriptions ("a Taliban spokesman") stay their own speakers, and so does
    "the source" beside a caption's "SOURCE" (the case differs: a word, not that name)."""
    from analysis.quotes.rules import quote_rules

    canonical = dict(zip(entities["entity_id"], entities["canonical"]))
    owners: dict[str, set] = {}
    for alias, entity in zip(aliases["alias"], aliases["entity_id"]):
        owners.setdefault(str(alias), set()).add(entity)
    ids = []
    for speaker, language in zip(described["speaker"], described["language"]):
        first, _, rest = str(speaker).partition(" ")
        found = owners.get(rest, set()) if rest and \
            first.casefold() in quote_rules(str(language)).determiners else set()
        ids.append(next(iter(found)) if len(found) == 1 else "")
    ids = pd.Series(ids, index=described.index, dtype="str")
    return ids, ids.map(lambda e: canonical.get(e, ""))


def _alias_key(name: str, language: str) -> str:
    """The merge key of a name as entity discovery compares it (title and possessive off)."""
    from analysis.entities import _key
    from analysis.entities_names import bare_name

    return _key(bare_name(str(name), str(language)))


def _alias_owners(aliases: pd.DataFrame) -> dict[str, set]:
    """Merge key of each discovered alias -> the entities it names (two when ambiguous)."""
    owners: dict[str, set] = {}
    for alias, language, entity in zip(aliases["alias"], aliases["language"], aliases["entity_id"]):
        owners.setdefault(_alias_key(alias, language), set()).add(entity)
    return owners


def _as_discovered_entities(speakers: pd.DataFrame, entities: pd.DataFrame, owners: dict[str, set]) -> pd.DataFrame:
    """Speakers (``name``, ``language``, ``entity_id``, ``canonical`` of their own clusters) with
    the id and name of the discovered entity their names are aliases of: per speaker cluster, the
    entity most of its names belong to (an alias of two entities decides nothing; ties go to the
    higher-ranked entity); ``owners``: :func:`_alias_owners` of the discovered aliases."""
    rank = dict(zip(entities["entity_id"], entities["rank"]))
    canonical = dict(zip(entities["entity_id"], entities["canonical"]))
    votes: dict[str, dict[str, int]] = {}
    for name, language, cluster in zip(speakers["name"], speakers["language"], speakers["entity_id"]):
        found = owners.get(_alias_key(name, language), set())
        if len(found) == 1:
            entity = next(iter(found))
            votes.setdefault(cluster, {}).setdefault(entity, 0)
            votes[cluster][entity] += 1
    chosen = {cluster: min(count, key=lambda e: (-count[e], rank.get(e, 0), e)) for cluster, count in votes.items()}
    entity = speakers["entity_id"].map(chosen)
    hit = entity.notna()
    out = speakers.copy()
    out.loc[hit, "entity_id"] = entity[hit]
    out.loc[hit, "canonical"] = entity[hit].map(canonical)
    return out


def summarise_quote_groups(grouped: pd.DataFrame) -> pd.DataFrame:
    """One row per group: ``group_id``, ``outlets`` ("; "-joined), ``n_outlets``, ``n_quotes``,
    ``languages``, ``speakers`` (canonical: "Perry" and "Rick Perry" are one), ``canonical_quote_id``
    and ``canonical_text`` (the longest version in words, as compared: pivot English for
    translated quotations)."""
    g = grouped[grouped["group_id"] != ""].copy()
    g["n_words"] = g["match_text"].map(lambda t: len(quote_tokens(t)))
    canon = g.sort_values(["group_id", "n_words", "quote_id"], ascending=[True, False, True]) \
        .drop_duplicates("group_id").set_index("group_id")
    summary = g.groupby("group_id").agg(n_outlets=("outlet", "nunique"), n_quotes=("quote_id", "size"))
    for column, name in (("outlet", "outlets"), ("language", "languages"), ("speaker_canonical", "speakers")):
        summary[name] = _distinct_joined(g, ["group_id"], column)
    summary = summary[["outlets", "n_outlets", "n_quotes", "languages", "speakers"]]
    summary["canonical_quote_id"] = canon["quote_id"]
    summary["canonical_text"] = canon["match_text"]
    return summary.reset_index()


def quote_overlap(grouped: pd.DataFrame) -> pd.DataFrame:
    """Shared quotation groups per pair of outlets: ``outlet_a`` < ``outlet_b``,
    ``shared_groups``, ``jaccard`` (shared / groups quoted by either). Every pair of outlets
    that quote any group, sharing or not; the counts are one sparse product of the outlet ×
    group incidence matrix with itself (not a set intersection per pair)."""
    g = grouped.loc[grouped["group_id"] != "", ["outlet", "group_id"]].drop_duplicates()
    outlet_code, outlets = pd.factorize(g["outlet"], sort=True)
    group_code, groups = pd.factorize(g["group_id"])
    incidence = sparse.csr_matrix((np.ones(len(g), dtype=np.int64), (outlet_code, group_code)),
                                  shape=(len(outlets), len(groups)))
    shared = (incidence @ incidence.T).toarray()
    sizes = np.diag(shared)
    a, b = np.triu_indices(len(outlets), k=1)
    both = shared[a, b]
    return pd.DataFrame({"outlet_a": np.asarray(outlets)[a], "outlet_b": np.asarray(outlets)[b],
                         "shared_groups": both.astype(int),
                         "jaccard": both / (sizes[a] + sizes[b] - both)},
                        columns=["outlet_a", "outlet_b", "shared_groups", "jaccard"])


def count_scare_quotes(quotes: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """Scare quotes per outlet: ``outlet``, ``documents``, ``words``, ``scare_quotes``,
    ``direct_quotes``, ``per_1k_words`` (scare quotes × 1000 / words), ``examples``
    (distinct scare-quoted texts, "; "-joined)."""
    base = corpus.groupby("outlet").agg(documents=("doc_id", "size"), words=("n_words", "sum"))
    whole = quotes[quotes["part_of"].fillna("") == ""]  # a split quotation, or a mixed one's verbatim words, once
    kinds = whole.pivot_table(index="outlet", columns="kind", values="quote_id", aggfunc="count",
                              fill_value=0)
    examples = quotes[quotes["kind"] == "scare"].groupby("outlet")["quote_text"].agg(
        lambda t: "; ".join(sorted(set(t))))
    out = base.join(kinds).fillna(0)
    for kind in ("scare", "direct"):
        out[kind] = out[kind].astype("int64") if kind in out else 0
    out["indirect_quotes"] = 0
    for kind in ("indirect", "mixed"):
        if kind in out:
            out["indirect_quotes"] += out[kind].astype("int64")
    out = out.rename(columns={"scare": "scare_quotes", "direct": "direct_quotes"})
    out["per_1k_words"] = out["scare_quotes"] * 1000 / out["words"].where(out["words"] > 0)
    out["examples"] = examples.reindex(out.index).fillna("")
    return out.reset_index()[["outlet", "documents", "words", "scare_quotes", "direct_quotes",
                              "per_1k_words", "examples", "indirect_quotes"]]


def count_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotations per outlet and speaker, verbatim beside paraphrased: ``outlet``, ``speaker``
    (canonical), ``quotes`` (direct, first parts only), ``speaker_id``, ``indirect`` (indirect
    and mixed), ``aliases`` (the spellings merged, "; "-joined). Unknown speakers are one row."""
    check_table(quotes, "quotes", "count_speakers", ["outlet", "kind", "speaker", "part_of", "speaker_id"])
    q = quotes[quotes["kind"].isin(["direct", "indirect", "mixed"]) & (quotes["part_of"] == "")].copy()
    q["speaker_id"] = q["speaker_id"].where(q["speaker_id"] != "", "unknown")
    q["canonical"] = q["speaker_canonical"].where(q["speaker_id"] != "unknown", "unknown")
    q["direct"] = q["kind"] == "direct"
    table = q.groupby(["outlet", "speaker_id"]).agg(
        speaker=("canonical", "first"), quotes=("direct", "sum"), n=("direct", "size"))
    table["indirect"] = table["n"] - table["quotes"]
    table["aliases"] = _distinct_joined(q, ["outlet", "speaker_id"], "speaker")
    table = table.reset_index().astype({"quotes": "int64", "indirect": "int64"})
    return (table[["outlet", "speaker", "quotes", "speaker_id", "indirect", "aliases"]]
            .sort_values(["outlet", "quotes", "indirect", "speaker"], ascending=[True, False, False, True])
            .reset_index(drop=True))
