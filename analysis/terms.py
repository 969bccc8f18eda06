"""Find loaded terms in a corpus: one pass per document for every term, spans in the original text.

How a lexicon variant matches (the same normalisation is applied to the variant and the text):

- case and accents are folded (:func:`analysis.text.fold_text`): "Entité" = "entite";
- separators are one: any run of spaces, line breaks, hyphens/dashes, apostrophes (curly or
  straight) and double quote marks (" “ ” « ») counts as one space, so "occupation entity" matches
  ``occupation-entity``, ``occupation\\nentity``, ``"occupation" entity``, ``« entité d’occupation »``
  and ``entité d' occupation``; an elided article is a word of its own ("l'occupation" holds
  "occupation", "Israel's" holds "Israel");
- whole words only: the characters just before and after a match must not be letters or digits
  ("legitimate" never matches inside "illegitimate", "rebel" never inside "rebellion");
- simple plurals per language (``INFLECTIONS``): each word of a variant of at least
  ``MIN_INFLECTED`` letters also matches its suffixed forms (rebel → rebels, entity → entities,
  rebelle → rebelles, entité d'occupation → entités d'occupation); other forms are listed as
  variants in the lexicon;
- variants of language ``xx`` match documents whose ``language`` is ``xx``; variants under ``"*"``
  match every document;
- overlapping matches: the leftmost, then longest wins ("occupation entity" is one match, not also
  "occupation").

Cost: per document one fold (``str.translate``; the slow per-character fold only when a character
folds to zero or several characters), a numpy pass to merge runs of separators when there are any, and one
Aho-Corasick scan (pyahocorasick) for all terms at once; work per document is independent, so
``dask.bag.from_sequence(docs).map(lambda d: match_document(d.text, d.language, matcher))``
distributes the same function (see ``benchmarks/bench_terms.py``).
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from html import escape

import ahocorasick
import numpy as np
import pandas as pd
from IPython.display import HTML

from analysis.lexicons import ANY_LANGUAGE, LexiconError
from analysis.text import fold_text, locate_sentences, original_span, split_corpus_sentences

# Plural/inflection suffix rules keyed by ISO 639-1 code: (ending to replace, replacement).
# ("", "s") adds an s; ("y", "ies") turns entity into entities. Languages without rules (ar, fa,
# ps …) list their forms as variants.
INFLECTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("", "s"), ("", "es"), ("y", "ies")),
    "fr": (("", "s"), ("", "x"), ("al", "aux")),
}
MIN_INFLECTED = 3  # shorter words (a, of, de, up) are never inflected
MAX_FORMS = 256  # cap on inflected forms generated per variant
# Characters that separate words after folding (fold_text maps every dash, quote mark and space
# variant to one of these).
SEPARATORS = " -\"'"

MATCH_COLUMNS = ["doc_id", "outlet", "language", "term", "category", "target", "direction",
                 "matched_text", "start", "end"]


_SEPARATOR_TABLE = {ord(c): " " for c in SEPARATORS}


def normalise(text: str) -> tuple[str, np.ndarray]:
    """Fold ``text`` (:func:`fold_text`) and make every run of separators one space.

    Returns ``(normalised, offsets)``: ``offsets[i]`` is the index in ``text`` of normalised
    character ``i`` and ``offsets[len(normalised)] == len(text)``, as for :func:`fold_text`.
    Cost: that of :func:`fold_text` plus one ``str.translate``.
    """
    folded, offsets = fold_text(text)
    normal = folded.translate(_SEPARATOR_TABLE)
    if "  " not in normal:
        return normal, offsets
    codes = np.frombuffer(normal.encode("utf-32-le"), dtype="<u4")
    space = codes == 32
    keep = np.ones(len(codes) + 1, dtype=bool)
    keep[1:-1] = ~(space[1:] & space[:-1])  # drop a space that follows a space
    return codes[keep[:-1]].tobytes().decode("utf-32-le"), offsets[keep]


def _pattern(variant: str) -> str:
    return normalise(variant)[0].strip(" ")


def inflect(pattern: str, language: str, inflections: dict | None = None) -> list[str]:
    """Every form of a normalised variant under ``inflections[language]`` (default
    ``INFLECTIONS``), the pattern first."""
    rules = (INFLECTIONS if inflections is None else inflections).get(language, ())
    options = []
    for word in pattern.split(" "):
        forms = [word]
        if len(word) >= MIN_INFLECTED:
            forms += [word[:len(word) - len(old)] + new for old, new in rules
                      if word.endswith(old) and word[:len(word) - len(old)] + new not in forms]
        options.append(forms)
    return [" ".join(p) for p in itertools.islice(itertools.product(*options), MAX_FORMS)]


@dataclass(frozen=True)
class TermMatcher:
    """A lexicon compiled for matching: ``terms`` (one row per term: term, category, target,
    direction) and one Aho-Corasick automaton per language (``"*"`` for other languages)."""

    terms: pd.DataFrame
    automata: dict

    def automaton(self, language: str):
        return self.automata.get(language, self.automata[ANY_LANGUAGE])


def _automaton(patterns: dict[str, set[int]]):
    automaton = ahocorasick.Automaton()
    for pattern, term_ids in patterns.items():
        automaton.add_word(pattern, (len(pattern), min(term_ids)))
    if len(automaton):
        automaton.make_automaton()
    return automaton


def compile_lexicon(lexicon: pd.DataFrame,
                    inflections: dict[str, tuple[tuple[str, str], ...]] | None = None) -> TermMatcher:
    """Compile a lexicon table (from :func:`analysis.lexicons.load_lexicons`) for matching.

    Each variant is normalised like the text and inflected for its language by ``inflections``
    (default ``INFLECTIONS``; ``{}`` matches the variants exactly as listed); the variants of
    language ``xx`` and of ``"*"`` go into the automaton for ``xx``. A form shared by two terms
    counts for the first term in lexicon order. Raises ``LexiconError`` for a variant that is only
    separators.
    """
    terms = (lexicon[["term", "category", "target", "direction"]].drop_duplicates("term")
             .reset_index(drop=True))
    term_id = {t: i for i, t in enumerate(terms["term"])}
    per_language: dict[str, dict[str, set[int]]] = {}
    for row in lexicon.itertuples(index=False):
        pattern = _pattern(row.variant)
        if not pattern:
            raise LexiconError(f"term {row.term!r}: variant {row.variant!r} has no letters")
        for form in inflect(pattern, row.language, inflections):
            per_language.setdefault(row.language, {}).setdefault(form, set()).add(term_id[row.term])
    shared = per_language.pop(ANY_LANGUAGE, {})
    automata = {ANY_LANGUAGE: _automaton(shared)}
    for language, patterns in per_language.items():
        merged = {p: set(ids) for p, ids in shared.items()}
        for p, ids in patterns.items():
            merged.setdefault(p, set()).update(ids)
        automata[language] = _automaton(merged)
    return TermMatcher(terms, automata)


def match_document(text: str, language: str, matcher: TermMatcher) -> list[tuple[int, int, int]]:
    """Loaded-term matches in one text: ``(term_id, start, end)`` with offsets into ``text``,
    in text order, whole words, leftmost-longest, never overlapping."""
    automaton = matcher.automaton(language)
    if not len(automaton):
        return []
    normal, offsets = normalise(text)
    candidates = []
    for last, (length, term) in automaton.iter(normal):
        start, end = last - length + 1, last + 1
        if start > 0 and normal[start - 1].isalnum():
            continue
        if end < len(normal) and normal[end].isalnum():
            continue
        candidates.append((start, -end, term))
    matches, reached = [], 0
    for start, neg_end, term in sorted(candidates):
        if start >= reached:
            a, b = original_span(offsets, start, -neg_end)
            matches.append((term, a, b))
            reached = -neg_end
    return matches


def find_terms(corpus: pd.DataFrame, lexicon: pd.DataFrame | TermMatcher) -> pd.DataFrame:
    """Every loaded-term match in the corpus, without sentences (the fast path for counting).

    In: corpus with ``doc_id``, ``outlet``, ``language``, ``text``; a lexicon table or a compiled
    :class:`TermMatcher`. Out: ``MATCH_COLUMNS``: doc_id, outlet, language, term, category,
    target, direction, matched_text (as written in the text), start, end (offsets into ``text``).
    """
    matcher = lexicon if isinstance(lexicon, TermMatcher) else compile_lexicon(lexicon)
    terms = matcher.terms
    rows = []
    for doc in corpus[["doc_id", "outlet", "language", "text"]].itertuples(index=False):
        for term, a, b in match_document(doc.text, doc.language, matcher):
            rows.append((doc.doc_id, doc.outlet, doc.language, term, doc.text[a:b], a, b))
    found = pd.DataFrame(rows, columns=["doc_id", "outlet", "language", "term_id", "matched_text",
                                        "start", "end"])
    info = terms.iloc[found["term_id"].to_numpy()].reset_index(drop=True)
    return pd.concat([found.drop(columns="term_id"), info], axis=1)[MATCH_COLUMNS].astype(
        {"start": "int64", "end": "int64"})


def match_terms(corpus: pd.DataFrame, lexicon: pd.DataFrame | TermMatcher) -> pd.DataFrame:
    """Every loaded-term match with its sentence: the evidence behind every count.

    In: corpus with ``doc_id``, ``outlet``, ``language``, ``text``; a lexicon table (see
    :func:`analysis.lexicons.load_lexicons`) or a compiled :class:`TermMatcher`.
    Out: doc_id, outlet, language, term, category, target, direction, matched_text, start, end
    (offsets into the corpus ``text``), sentence_id, sentence (from
    :func:`analysis.text.split_corpus_sentences`), in corpus then text order.
    Cost: matching is one pass per document; sentences are split only for documents with a
    match, which dominates the time on large corpora (use :func:`find_terms` to count only).
    """
    found = find_terms(corpus, lexicon)
    with_matches = corpus[corpus["doc_id"].isin(found["doc_id"])]
    sentences = split_corpus_sentences(with_matches)
    return locate_sentences(found, sentences).reset_index(drop=True)


def count_terms(matches: pd.DataFrame, corpus: pd.DataFrame,
                lexicon: pd.DataFrame | None = None) -> pd.DataFrame:
    """Loaded-term counts and rates per 1,000 words, per outlet.

    In: matches from :func:`match_terms` / :func:`find_terms`; corpus with ``outlet``,
    ``language`` and ``n_words`` (words per document); optionally the lexicon.
    Out: ``outlet``, ``term``, ``category``, ``count`` (matches), ``words`` (the outlet's words,
    sum of ``n_words``), ``per_1k`` (``count / words * 1000``). With ``lexicon``, a term the
    outlet never uses gets a row with count 0 when the lexicon has a variant in one of the
    outlet's languages (or under "*"); a term with no variant in its languages gets no row,
    because its absence says nothing. Sorted by outlet then term.
    """
    words = corpus.groupby("outlet")["n_words"].sum()
    counts = matches.groupby(["outlet", "term", "category"]).size().rename("count").reset_index()
    if lexicon is not None:
        languages = corpus[["outlet", "language"]].drop_duplicates()
        lex = lexicon[["term", "category", "language"]].drop_duplicates()
        direct = languages.merge(lex, on="language")
        anywhere = languages[["outlet"]].drop_duplicates().merge(
            lex[lex["language"] == ANY_LANGUAGE], how="cross")
        possible = pd.concat([direct, anywhere])[["outlet", "term", "category"]].drop_duplicates()
        counts = possible.merge(counts, on=["outlet", "term", "category"], how="outer")
    counts["count"] = counts["count"].fillna(0).astype("int64")
    counts["words"] = counts["outlet"].map(words).astype("int64")
    counts["per_1k"] = counts["count"] / counts["words"] * 1000
    return counts.sort_values(["outlet", "term"]).reset_index(drop=True)


def _names(items) -> str:
    return ", ".join(escape(str(i)) for i in items)


def describe_term_counts(counts: pd.DataFrame, matches: pd.DataFrame,
                         lexicon: pd.DataFrame) -> HTML:
    """Generated narrative (escaped HTML) for the loaded-term figures: totals, each outlet's
    most frequent terms, terms only one outlet uses, terms no outlet uses.

    In: :func:`count_terms` output (with the lexicon), the matches, the lexicon table.
    """
    n_terms = lexicon["term"].nunique()
    used = counts[counts["count"] > 0]
    parts = [f"<p><strong>{len(matches)}</strong> loaded-term matches of "
             f"<strong>{used['term'].nunique()}</strong> of the {n_terms} lexicon terms, in "
             f"{matches['doc_id'].nunique()} document(s) from {matches['outlet'].nunique()} "
             f"outlet(s).</p>"]
    items = []
    for outlet, part in counts.groupby("outlet", sort=True):
        total, words = int(part["count"].sum()), int(part["words"].iloc[0])
        top = part[part["count"] > 0].sort_values(["count", "term"], ascending=[False, True])
        by_category = top.groupby("category")["count"].sum().sort_values(ascending=False)
        listed = ", ".join(f"{escape(t)} ×{c}" for t, c in zip(top["term"], top["count"]))
        categories = ", ".join(f"{escape(c)} {n}" for c, n in by_category.items())
        items.append(f"<li><strong>{escape(outlet)}</strong>: {total} match(es) in {words:,} words "
                     f"({(total / words * 1000) if words else 0:.1f} per 1,000)"
                     + (f"; {listed} (by category: {categories})" if total else "; none") + "</li>")
    parts.append("<ul>" + "".join(items) + "</ul>")
    owners = used.groupby("term")["outlet"].agg(list)
    single = owners[owners.map(len) == 1]
    if len(single):
        parts.append("<p>Used by one outlet only: " + "; ".join(
            f"{escape(t)} ({escape(o[0])})" for t, o in single.items()) + ".</p>")
    unused = sorted(set(lexicon["term"]) - set(used["term"]))
    if unused:
        parts.append(f"<p>No outlet uses {len(unused)} lexicon term(s): {_names(unused)}. "
                     "A cell marked n/a means the lexicon has no variant in that outlet's "
                     "language, so absence there says nothing.</p>")
    return HTML("".join(parts))
