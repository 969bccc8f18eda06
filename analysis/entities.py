"""The people, organisations and places a corpus talks about, found without configuration.

A *name* is a run of capitalised words in a sentence ("Ahmad Massoud", "Turning Point USA",
"Bank of England"; lower-case ``name_particles`` of the language allowed inside), or an acronym
("NRF", "U.S."). Titles of the language resources (``titles``: "President", "Sen.",
"Former President") are kept apart from the name; a possessive ("Massoud's") is the name. A
capitalised word is not a name when it is a stopword, a listed ``not_names`` word (months, days)
or a word the corpus mostly writes in lower case (a sentence-initial "Police").

Aliases are merged across documents and outlets (:func:`canonical_names`): spelling variants
(one edit in a word of five letters or more: Massoud / Masoud), middle initials ("Donald J.
Trump"), a surname alone ("Massoud", to the full name it ends, preferring one in the same
document), and an acronym to the name whose initials it spells ("NRF" = National Resistance
Front). Each entity is named by its most used full form and ranked by outlets, then documents,
then mentions (:func:`discover_entities`). Languages without letter case (Arabic) yield no names.

Cost: one pass over the words of each sentence plus one title match per candidate; alias merging
compares each distinct name with the others of the same first letter.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

import pandas as pd

from analysis.languages import language_resources
from analysis.marks import WORD_APOSTROPHES
from analysis.matcher import list_matcher, phrase_form
from analysis.text import SHARED_ABBREVIATIONS, fold_text, split_sentences, word_spans

ACRONYM_MAX = 6         # an all-capitals word up to this length is an acronym (NRF, NATO)
VARIANT_MIN_LETTERS = 5  # words this long may differ by one edit and still be one name
_POSSESSIVE = re.compile("[" + WORD_APOSTROPHES + "]s?$")
_SLUG = re.compile(r"[^0-9a-z]+")
NAME_COLUMNS = ["doc_id", "outlet", "language", "sentence_id", "start", "end", "name", "title"]


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    return fold_text(text)[0]


@lru_cache(maxsize=None)
def _word_sets(language: str) -> tuple[frozenset, frozenset, frozenset, frozenset]:
    """A language's name particles, stopwords, not-names and short words (titles and
    abbreviations that end in a period inside a name), folded once."""
    resources = language_resources(language)
    particles = frozenset({_fold(w) for w in resources.quote_words("name_particles")}
                          - {_fold(w) for w in resources.name_conjunctions})
    not_names = frozenset(_fold(w) for w in resources.not_names)
    short = frozenset({_fold(t).rstrip(".") for t in resources.titles} | set(resources.abbreviations)
                      | SHARED_ABBREVIATIONS)
    return particles, resources.stopwords, not_names, short


def _titles(language: str):
    titles = language_resources(language).titles
    return list_matcher(titles) if titles else None


def split_title(name: str, language: str, inner: bool = True) -> tuple[str, str]:
    """``(title, bare name)``: the leading titles of ``name`` listed in the language resources
    (longest listed form: "Former President Barack Obama" -> ("Former President", "Barack
    Obama")), or a listed title after modifiers ("Arizona Sheriff Joe Arpaio" -> ("Arizona
    Sheriff", "Joe Arpaio")); ``("", name)`` when it holds none. A name that is only a title
    gives ``(title, "")``. ``inner=False``: leading titles only."""
    name = name.strip()
    matcher = _titles(language)
    title_end = 0
    while matcher is not None:
        rest = name[title_end:]
        matches = matcher.find(rest, language)
        lead = len(rest) - len(rest.lstrip())
        if not matches or matches[0].start != lead:
            break
        end = title_end + matches[0].end
        if end < len(name) and name[end] == ".":
            end += 1  # "Sen." when the list holds "Sen"
        title_end = end
    if matcher is not None and not title_end and inner:
        # a title after a modifier: "Arizona Sheriff Joe Arpaio", "Supreme Court Justice Anthony Kennedy"
        inner = [m for m in matcher.find(name, language) if m.start > 0 and name[m.end:].strip()[:1].isupper()]
        if inner:
            title_end = inner[-1].end + (name[inner[-1].end:inner[-1].end + 1] == ".")
    return name[:title_end].strip(), name[title_end:].strip()


def _is_capitalised(word: str) -> bool:
    # "R-Iowa" (party and state) is an affiliation, not a name
    return word[:1].isupper() and not (len(word) > 2 and word[1] == "-")


def _title_case(text: str, words: list[tuple[int, int]], stopwords: frozenset) -> bool:
    """A headline-style line ("Trump Signals He Has Investigators In Hawaii") tells nothing about
    which words are names: its small words (stopwords after the first word) are capitalised."""
    small = [text[s:e] for s, e in words[1:] if _fold(text[s:e]) in stopwords and len(text[s:e]) > 1]
    capitalised = sum(w[:1].isupper() for w in small)
    return capitalised >= 2 and 2 * capitalised >= len(small)


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return 2 <= len(letters) <= ACRONYM_MAX and letters.isupper() and letters.isalpha()


def _joinable(gap: str, previous: str, short_words: set[str]) -> bool:
    """Whether two capitalised words separated by ``gap`` belong to one name."""
    if gap == " ":
        return True
    # initials, abbreviated titles and abbreviations: "U.S.", "J. K.", "Sen. Ted Cruz", "St. Louis"
    short = len(previous) == 1 or _fold(previous) in short_words
    return short and gap in (".", ". ")


def _sentence_names(text: str, a: int, b: int, language: str, lowercase: Counter,
                    capitalised: Counter) -> list[tuple[int, int]]:
    """Spans (into ``text``) of the candidate names of sentence ``text[a:b]``."""
    particles, stop, not_names, titles = _word_sets(language)
    words = [(a + s, a + e) for s, e in word_spans(text[a:b], language)]
    if _title_case(text, words, stop):
        return []
    runs, run = [], []
    for i, (s, e) in enumerate(words):
        word = text[s:e]
        if _is_capitalised(word):
            if run and not _joinable(text[run[-1][1]:s], text[run[-1][0]:run[-1][1]], titles):
                runs.append(run)
                run = []
            run.append((s, e))
            if _POSSESSIVE.search(word) and len(word) > 2:  # "Netanyahu's Likud Party": two names
                runs.append(run)
                run = []
        elif run and _fold(word) in particles and text[run[-1][1]:s] == " " \
                and i + 1 < len(words) and _is_capitalised(text[words[i + 1][0]:words[i + 1][1]]) \
                and text[e:words[i + 1][0]] == " ":
            run.append((s, e))
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    spans = []
    first = words[0][0] if words else a
    for run in runs:
        def common(k: int, end: bool = False) -> bool:
            word = text[run[k][0]:run[k][1]]
            folded = _fold(re.split("[" + WORD_APOSTROPHES + "]", word)[0])  # "I'm", "Obama's"
            if _is_acronym(word) and folded not in not_names:
                return False
            # a stopword ends a name only alone: "National Resistance Front" keeps "Front"
            if folded in particles or (folded in stop and (not end or len(run) == 1)) \
                    or (k == 0 and folded in not_names):
                return True
            # a word the corpus mostly writes in lower case is not a name ("Police said"),
            # unless it stands inside a longer name mid-sentence ("White House")
            alone = len(run) == 1 or (k == 0 and run[0][0] == first)
            return alone and lowercase[folded] > capitalised[folded]
        while run and common(0) and not split_title(text[run[0][0]:run[-1][1]], language, inner=False)[0]:
            run = run[1:]
        while run and common(len(run) - 1, end=True):
            run = run[:-1]
        if len(run) == 1 and _fold(text[run[0][0]:run[0][1]]) in not_names:
            run = []
        if run:
            spans.append((run[0][0], run[-1][1]))
    return spans


def _case_counts(corpus: pd.DataFrame) -> tuple[Counter, Counter]:
    """Folded word -> occurrences in lower case, and capitalised not at a sentence start."""
    lowercase, capitalised = Counter(), Counter()
    for doc in corpus.itertuples(index=False):
        for a, b in split_sentences(doc.text, doc.language):
            for k, (s, e) in enumerate(word_spans(doc.text[a:b], doc.language)):
                word = doc.text[a + s:a + e]
                if word[:1].islower():
                    lowercase[_fold(word)] += 1
                elif k and word[:1].isupper():
                    capitalised[_fold(_POSSESSIVE.sub("", word))] += 1
    return lowercase, capitalised


def find_names(corpus: pd.DataFrame) -> pd.DataFrame:
    """Table ``entity_names``: every candidate name in every sentence.

    In: ``doc_id``, ``outlet``, ``language``, ``text``. Out: ``doc_id``, ``outlet``,
    ``language``, ``sentence_id``, ``start``, ``end`` (the name, title excluded:
    text[start:end] is the name as written, possessive included), ``name`` (possessive removed),
    ``title`` (as written, or empty).
    """
    lowercase, capitalised = _case_counts(corpus)
    rows = []
    for doc in corpus.itertuples(index=False):
        text = doc.text
        for sid, (a, b) in enumerate(split_sentences(text, doc.language)):
            for s, e in _sentence_names(text, a, b, doc.language, lowercase, capitalised):
                title, bare = split_title(text[s:e], doc.language)
                if not bare:
                    continue
                folded = _fold(bare)
                if title and " " not in bare and lowercase[folded] > capitalised[folded]:
                    title, bare = "", text[s:e]  # "Justice Department": a title word inside a name
                if e < b and text[e] == "." and "." in bare and _is_acronym(bare + "."):
                    e, bare = e + 1, bare + "."  # "U.S."
                start = e - len(bare)
                name = _POSSESSIVE.sub("", bare) if len(bare) > 2 else bare
                if name.isupper() and len(name.replace(".", "")) > ACRONYM_MAX:
                    name = name.title()  # "WASHINGTON" in a dateline
                rows.append((doc.doc_id, doc.outlet, doc.language, sid, start, e, name, title))
    return pd.DataFrame(rows, columns=NAME_COLUMNS)


def _key(name: str) -> str:
    """Comparison form: folded, separators as spaces, middle initials dropped; an acronym's
    letters ("U.S." -> "us")."""
    if _is_acronym(name.replace(" ", "")):
        return _fold(name.replace(".", "").replace(" ", "")).casefold()
    words = phrase_form(name.replace(".", " ")).split(" ")
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return " ".join(w for w in words if w)


def _acronym(name: str) -> str:
    letters = name.replace(".", "").replace(" ", "")
    return letters if _is_acronym(name.replace(" ", "")) else ""


def _initials(key: str, particles: set[str]) -> str:
    return "".join(w[0] for w in key.split(" ") if w not in particles).upper()


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
    bare = [split_title(str(n), str(lang))[1] or str(n) for n, lang in zip(names["name"], names["language"])]
    keys = [_key(b) for b in bare]
    docs = names["doc_id"].astype(str).tolist() if "doc_id" in names else ["" for _ in bare]
    doc_count: dict[str, set] = defaultdict(set)
    written: dict[str, Counter] = defaultdict(Counter)
    for b, k, d in zip(bare, keys, docs):
        doc_count[k].add(d)
        written[k][b] += 1
    particles = {_fold(w) for lang in set(names["language"].astype(str))
                 for w in language_resources(lang).quote_words("name_particles")}
    clusters = _Clusters()
    distinct = sorted(k for k in doc_count if k)
    by_letter: dict[tuple[str, int], list[str]] = defaultdict(list)
    for k in distinct:
        clusters.find(k)
        by_letter[(k[0], k.count(" "))].append(k)
    for group in by_letter.values():  # spelling variants, same first letter and word count
        for i, k1 in enumerate(group):
            for k2 in group[i + 1:]:
                if _variants(k1, k2):
                    clusters.union(k1, k2)
    full = [k for k in distinct if " " in k]
    rank = lambda k: (-len(doc_count[k]), -sum(written[k].values()), k)  # noqa: E731
    by_initials: dict[str, list[str]] = defaultdict(list)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for k in full:
        words = k.split(" ")
        if len(words) <= 3 and not set(words) & particles:  # a person's name, not "Front of Afghanistan"
            by_surname[words[-1]].append(k)
        initials = _initials(k, particles)
        if len(initials) >= 2:
            by_initials[initials].append(k)
    for k in distinct:  # acronyms spell a full name's initials
        acronym = next((_acronym(w) for w in written[k] if _acronym(w)), "")
        if acronym and by_initials.get(acronym):
            clusters.union(k, min(by_initials[acronym], key=rank))
    # a surname alone: to the full name it ends in the same document, else the most used one
    resolved = []
    acronyms = {k for k in distinct if any(_acronym(w) for w in written[k])}
    for k, d in zip(keys, docs):
        # a full name used in at least a third as many documents as the word alone: "Syria" is not
        # the surname of "Greater Syria", nor "ISIS" of "British-born ISIS"
        eligible = [f for f in by_surname.get(k, ()) if 3 * len(doc_count[f]) >= len(doc_count[k])]
        if k and " " not in k and k not in acronyms and eligible:
            here = [f for f in eligible if d in doc_count[f]]
            resolved.append(clusters.find(min(here or eligible, key=rank)))
        else:
            resolved.append(clusters.find(k) if k else "")
    members: dict[str, list[str]] = defaultdict(list)
    for k in distinct:
        members[clusters.find(k)].append(k)
    for k, r in zip(keys, resolved):
        if k and r != clusters.find(k) and k not in members[r]:
            members[r].append(k)
    # the full name's spelling that its surname alone also has wins ("Massoud" over "Masoud")
    support = lambda k: (-len(doc_count[k] | doc_count.get(k.rsplit(" ", 1)[-1], set())),  # noqa: E731
                         *rank(k))
    canonical = {}
    for root, ks in members.items():
        best = min([k for k in ks if " " in k] or ks, key=support)
        form = min(written[best].items(), key=lambda item: (-item[1], item[0]))[0]
        canonical[root] = form
    names_out = [canonical.get(r, b) for r, b in zip(resolved, bare)]
    return names.assign(entity_id=[slug(n) for n in names_out], canonical=names_out)


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
