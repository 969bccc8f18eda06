"""Target-stance evidence units: the sentences and quotations that say something about a
story's actors (targets), each with a score and the reasons behind it.

Evidence units are the sentences that name a target (any alias), sentences holding a loaded term
that evaluates it, and quotations of the target introduced by an endorsing or distancing verb. A
sentence's score mixes the sentiment of the author's own words (quotations and reported speech
left to their speakers), evaluative names, loaded terms, story-independent evaluative words aimed
at the target and distancing (:mod:`analysis.stance.evaluative`). Aggregation per document and
per outlet is in :mod:`analysis.stance.target_tables`.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.marks import is_scare_quoted
from analysis.matcher import PhraseMatcher
from analysis.schemas import check_table, empty_table, row_tuples
from analysis.stance.evaluative import (
    EVALUATIVE_DIRECTION,
    EVALUATIVE_WEIGHT,
    INTENSIFIED,
    SUBJECT_WORDS,
    DISTANCED_NAME_WEIGHT,
    DISTANCED_PRAISE,
    aimed_at,
    disowns_speech,
    reported_span,
    sentence_cues,
    words_between,
)
from analysis.stance.sentiment import sentence_sentiment
from analysis.stance.voice import blank, quote_spans, voice_note
from analysis.text import fold_text

TARGET_LABELS = ("favour", "against", "neutral")
QUOTE_UNIT_WEIGHT = {"endorsing": 0.5, "distancing": -0.5}
QUOTE_COLUMNS_READ = ["doc_id", "kind", "start", "end", "speaker", "verb", "verb_role", "quote_text",
                      "sentence_id"]
TERM_COLUMNS_READ = ["doc_id", "outlet", "language", "target", "direction", "start", "end", "sentence_id"]


def english_pivot(corpus: pd.DataFrame) -> pd.DataFrame:
    """The corpus as target stance reads it: a non-English document that carries an English pivot
    translation is read in that translation (VADER is English-only).

    In: corpus with ``doc_id``, ``outlet``, ``language``, ``text``, ``translation``,
    ``translation_by``. Out: a new corpus with, for those documents, ``text`` = the translation
    and ``language`` = ``en``; column ``text_source`` says ``original`` or
    ``translation (by …)``. Offsets of later occurrence rows then refer to the text read.
    """
    translated = (corpus["language"] != "en") & (corpus.get("translation", pd.Series("", index=corpus.index))
                                                  .fillna("").str.strip() != "")
    out = corpus.copy()
    out["text_source"] = "original"
    if translated.any():
        out.loc[translated, "text"] = corpus.loc[translated, "translation"]
        out.loc[translated, "language"] = "en"
        out.loc[translated, "text_source"] = ("translation (by "
                                              + corpus.loc[translated, "translation_by"].fillna("unknown") + ")")
    return out


def alias_matcher(targets: list[dict]) -> PhraseMatcher:
    """One matcher for every alias of every target, keyed ``(target id, alias)``, capitals rule on
    (an alias in capitals such as ``US`` matches only ``US``)."""
    return PhraseMatcher([((t["id"], name), lang, name) for t in targets
                          for lang, names in t["aliases"].items() for name in names], capitals=True)


def find_mentions(sentences: pd.DataFrame, targets: list[dict]) -> pd.DataFrame:
    """Every mention of every target, aliases resolved.

    In: table ``sentences``; targets from :func:`load_targets`. Out: table ``mentions``. Whole
    words, folded text; the longest alias at a place wins (over a shorter alias of any target).
    ``name`` is the alias as the text writes it when the target lists that form too (aliases that
    differ only in case, "Chick-fil-A" and a headline's "Chick-Fil-A", match one phrase).
    """
    check_table(sentences, "sentences", "find_mentions")
    matcher = alias_matcher(targets)
    evaluative = {(t["id"], name): direction for t in targets for name, direction in t["evaluative"].items()}
    listed = {(t["id"], name) for t in targets for names in t["aliases"].values() for name in names}
    rows = []
    for s in row_tuples(sentences):
        for m in matcher.find(s.sentence, s.language):
            target, alias = m.key
            written = s.sentence[m.start:m.end]
            name = written if (target, written) in listed else alias
            rows.append({"doc_id": s.doc_id, "outlet": s.outlet, "language": s.language,
                         "target": target, "name": name, "matched_text": written,
                         "start": s.start + m.start, "end": s.start + m.end, "sentence_id": s.sentence_id,
                         "sentence_start": s.start, "sentence": s.sentence,
                         "scare_quoted": is_scare_quoted(s.sentence, m.start, m.end),
                         "evaluation": evaluative.get((target, alias), evaluative.get((target, name), ""))})
    return pd.DataFrame(rows, columns=list(empty_table("mentions").columns))


def _units_of(sentences: pd.DataFrame, mentions: pd.DataFrame, evaluating: pd.DataFrame) -> pd.DataFrame:
    """The (document, sentence, target) evidence units with their sentence: every sentence that
    names a target, and every sentence holding a loaded term that evaluates one."""
    keys = mentions[["doc_id", "outlet", "language", "target", "sentence_id"]]
    if len(evaluating):
        keys = pd.concat([keys, evaluating[keys.columns]])
    keys = keys.drop_duplicates()
    return keys.merge(sentences[["doc_id", "sentence_id", "start", "end", "sentence"]],
                      on=["doc_id", "sentence_id"])


def _score_sentence(text: str, language: str, target: str, here: list, terms_here: list,
                    quoted: list, reported: tuple[int, int] | None, sentiment: float, cues: list) -> dict:
    """Score one sentence toward one target from its parts, each with the reason behind it.

    ``quoted``: direct-quotation spans (the speaker's words: nothing in them counts);
    ``reported``: the span of reported speech (its sentiment, evaluative words and loaded
    terms are the speaker's, but the evaluative names, distancing words and scare quotes in it
    are the author's wording and count); ``cues``: :func:`sentence_cues` of the sentence."""
    def worded(offset: int) -> bool:  # the author's wording: outside direct quotations
        return not any(a <= offset < b for a, b in quoted)

    def in_author(offset: int) -> bool:  # the author's own judgement: not reported either
        return worded(offset) and (reported is None or not reported[0] <= offset < reported[1])

    why = []
    distancing = [c for c in cues if c.kind == "distancing" and worded(c.start)]
    named = {m.target for m in here} or {target}
    occupied = [(m.rel_start, m.rel_end) for m in here if m.evaluation] + [(a, b) for a, b, _, _ in terms_here]

    def signed(direction: str, what: str) -> int:
        if direction == "favour" and distancing:  # "claims to be the legitimate …": not praise
            why.append(f"{what} (favour) distanced by {distancing[0].phrase!r}: not praise")
            return 0
        why.append(f"{what} ({direction})")
        return 1 if direction == "favour" else -1

    naming = 0
    for m in here:
        if m.target == target and m.evaluation and worded(m.rel_start) and not any(
                a <= m.rel_start < b for a, b, t, _ in terms_here if t == target):
            naming += signed(m.evaluation, f"name {m.matched_text!r}")
    terms = 0
    for a, b, t, direction in terms_here:
        # A loaded term that names the target ("the occupation entity") is the author's naming
        # even in reported speech; any other loaded term there is the speaker's evaluation.
        names_it = any(m.target == t and m.evaluation and m.rel_start <= a < m.rel_end for m in here)
        if t == target and (in_author(a) or (names_it and worded(a))):
            terms += signed(direction, f"loaded term {text[a:b]!r}")
    evaluative = 0.0
    author_mentions = [m for m in here if worded(m.rel_start)]
    for i, c in enumerate(cues):
        sign = EVALUATIVE_DIRECTION.get(c.kind)
        if not sign or not in_author(c.start) or any(a <= c.start < b for a, b in occupied):
            continue
        aim = aimed_at(c, author_mentions, text)
        if aim is None or aim.target != target:
            continue
        weight = EVALUATIVE_WEIGHT * (INTENSIFIED if i and cues[i - 1].kind == "intensifier"
                                      and words_between(text, cues[i - 1].end, c.start) == 0 else 1)
        if sign > 0 and distancing:
            sign = 0
            why.append(f"{text[c.start:c.end]!r} distanced by {distancing[0].phrase!r}: not praise")
        else:
            why.append(f"{text[c.start:c.end]!r} {c.kind}")
        evaluative += sign * weight
    distanced = 0.0
    for c in distancing:
        aim = aimed_at(c, author_mentions, text)
        if aim is not None and aim.target == target:
            distanced += DISTANCED_NAME_WEIGHT
            why.append(f"distancing {text[c.start:c.end]!r}")
    for c in cues:  # "Masoud claimed that …": the author does not vouch for the target's words
        if worded(c.start) and disowns_speech(c, text, language):
            # the speaker is the subject right before the verb ("Masoud has claimed that"), not
            # a target named after it ("Obama insisted that nothing happened with Sestak")
            aim = aimed_at(c, author_mentions, text, reach=SUBJECT_WORDS, forward=False)
            if aim is not None and aim.target == target:
                distanced += DISTANCED_NAME_WEIGHT
                why.append(f"{text[c.start:c.end]!r} disowns the target's words")
    for m in author_mentions:
        if m.target == target and m.scare_quoted and not m.evaluation:
            distanced += DISTANCED_NAME_WEIGHT
            why.append(f"scare quotes around {m.matched_text!r}")
    share = sentiment / len(named)
    if share > 0 and distancing:
        share *= DISTANCED_PRAISE
        why.append(f"positive wording under {distancing[0].phrase!r} counted against")
    if len(named) > 1:
        why.append(f"sentiment shared by {len(named)} targets")
    return {"naming": naming, "terms": terms, "evaluative": round(evaluative, 4),
            "distancing": round(distanced, 4), "sentiment": round(share, 4), "why": why}


def target_sentences(sentences: pd.DataFrame, mentions: pd.DataFrame,
                     neutral_words: dict[str, list[str]] | None = None,
                     quotes: pd.DataFrame | None = None, loaded_terms: pd.DataFrame | None = None,
                     sentiment_weight: float = 0.5) -> pd.DataFrame:
    """Evidence units for target stance: each sentence that mentions a target (or holds a loaded
    term evaluating it), plus each quotation whose speaker is the target, with a score in -1..1
    and the reasons behind it.

    In: tables ``sentences`` and ``mentions``; ``neutral_words`` (the story's topic words,
    removed from the sentiment lexicons); optional ``quotes`` (table ``quotes``) and
    ``loaded_terms`` (table ``loaded_terms``). Out: table ``target_units``.

    Only the author's voice counts: direct quotations belong to their speaker, and so do the
    sentiment and evaluative words of reported speech (what follows the first reporting verb
    outside a quotation, "X said that …", or precedes a final one, "…, warns X"); their
    sentiment is kept apart (``quoted_sentiment``). The evaluative names, distancing words and scare quotes of reported speech are the author's
    wording and count. A sentence's score is clip(
    ``sentiment_weight`` × sentiment / targets named in it + evaluative names + loaded terms +
    evaluative words aimed at the target + distancing, -1, 1), where evaluative words
    (delegitimising, dehumanising −0.5; legitimising +0.5; ×1.5 after an intensifier) are aimed
    at the target named nearest before them (:func:`analysis.stance.evaluative.aimed_at`) and
    distancing ("so-called X", "X claims to be", scare quotes around X) gives −0.5. Under
    distancing, praise is not praise: favourable names, terms and words count 0 and positive
    sentiment counts −0.5 times. A quotation unit is ±0.5 for an endorsing or distancing verb.
    """
    check_table(sentences, "sentences", "target_sentences")
    check_table(mentions, "mentions", "target_sentences")
    if quotes is not None:
        check_table(quotes, "quotes", "target_sentences", QUOTE_COLUMNS_READ)
    spans_of = quote_spans(sentences, quotes)
    evaluating = pd.DataFrame(columns=TERM_COLUMNS_READ)
    if loaded_terms is not None and len(loaded_terms):
        check_table(loaded_terms, "loaded_terms", "target_sentences", TERM_COLUMNS_READ)
        # A loaded term that names whom it evaluates is evidence about that target even where the
        # sentence names the target only by a pronoun ("he has propagated false information").
        evaluating = loaded_terms[loaded_terms["target"].isin(mentions["target"].unique())]
    units = _units_of(sentences, mentions, evaluating)
    by_sentence: dict = {}  # one pass, not a pandas group per sentence
    for m in row_tuples(mentions.assign(rel_start=mentions["start"] - mentions["sentence_start"],
                                  rel_end=mentions["end"] - mentions["sentence_start"])):
        by_sentence.setdefault((m.doc_id, m.sentence_id), []).append(m)
    starts = dict(zip(zip(sentences["doc_id"], sentences["sentence_id"]), sentences["start"]))
    terms_of: dict = {}
    for r in row_tuples(evaluating):
        base = starts.get((r.doc_id, r.sentence_id), 0)
        terms_of.setdefault((r.doc_id, r.sentence_id), []).append(
            (r.start - base, r.end - base, r.target, r.direction))
    voices, author, other, cues_of = [], [], [], {}
    for u in row_tuples(units):
        quoted = list(spans_of.get((u.doc_id, u.sentence_id), []))
        if (u.sentence, u.language) not in cues_of:  # one sentence is a unit for each target it names
            cues_of[(u.sentence, u.language)] = sentence_cues(u.sentence, u.language)
        reported = reported_span(cues_of[(u.sentence, u.language)], quoted, u.sentence)
        spans = quoted + ([reported] if reported is not None else [])
        voices.append((quoted, reported))
        author.append(blank(u.sentence, spans))
        other.append(" ".join(u.sentence[a:b] for a, b in spans))
    sentiment, methods = sentence_sentiment(pd.Series(author, dtype=object), units["language"], neutral_words)
    quoted, _ = sentence_sentiment(pd.Series(other, dtype=object), units["language"], neutral_words)
    rows = []
    for i, u in enumerate(row_tuples(units)):
        key = (u.doc_id, u.sentence_id)
        part = _score_sentence(u.sentence, u.language, u.target, by_sentence.get(key, []),
                               terms_of.get(key, []), *voices[i], sentiment[i],
                               cues_of[(u.sentence, u.language)])
        score = (sentiment_weight * part["sentiment"] + part["naming"] + part["terms"]
                 + part["evaluative"] + part["distancing"])
        why = [f"sentiment {part['sentiment']:+.2f} ({methods[i]}, author voice)"] + part.pop("why")
        if other[i].strip():
            why.append("quoted or reported words left to their speaker")
        rows.append({"doc_id": u.doc_id, "outlet": u.outlet, "target": u.target, "unit": "sentence",
                     "sentence_id": u.sentence_id, "start": u.start, "end": u.end, "sentence": u.sentence,
                     **part, "sentiment_method": methods[i],
                     "quoted_sentiment": round(quoted[i], 4) if other[i].strip() else np.nan,
                     "score": round(float(np.clip(score, -1, 1)), 4), "why": "; ".join(why),
                     "voice": voice_note(quotes)})
    columns = list(empty_table("target_units").columns)
    parts = [p for p in (pd.DataFrame(rows), _quote_units(mentions, quotes)) if len(p)]
    return pd.concat(parts, ignore_index=True)[columns] if parts else empty_table("target_units")


def _quote_units(mentions: pd.DataFrame, quotes: pd.DataFrame | None) -> pd.DataFrame:
    """±0.5 per direct quotation whose speaker names a target and whose verb endorses or distances."""
    if quotes is None or quotes.empty or mentions.empty:
        return pd.DataFrame()
    names = mentions[["target", "name"]].drop_duplicates()
    folded_names = [(t, fold_text(n)[0]) for t, n in names.itertuples(index=False)]
    rows = []
    outlets = mentions.drop_duplicates("doc_id").set_index("doc_id")["outlet"]
    direct = quotes[(quotes["kind"] == "direct") & quotes["doc_id"].isin(outlets.index)]
    for q in direct.itertuples():
        sign = QUOTE_UNIT_WEIGHT.get(q.verb_role, 0.0)
        if not sign:
            continue
        speaker = fold_text(str(q.speaker or ""))[0]
        for target in sorted({t for t, n in folded_names if n in speaker}):
            rows.append({"doc_id": q.doc_id, "outlet": outlets[q.doc_id], "target": target, "unit": "quote",
                         "sentence_id": int(q.sentence_id), "start": int(q.start), "end": int(q.end),
                         "sentence": f"{q.speaker} {q.verb}: {q.quote_text}",
                         "sentiment": 0.0, "sentiment_method": "quote verb", "naming": 0, "terms": 0,
                         "evaluative": 0.0, "distancing": 0.0, "quoted_sentiment": np.nan, "score": sign,
                         "why": f"quotation of the target introduced by {q.verb_role} verb {q.verb!r}",
                         "voice": "quoted"})
    return pd.DataFrame(rows)


def target_evidence(articles: pd.DataFrame, targets: list[dict], lexicon: pd.DataFrame,
                    quotes: pd.DataFrame, translated_quotes: pd.DataFrame | None = None,
                    loaded_terms: pd.DataFrame | None = None,
                    neutral_words: dict[str, list[str]] | None = None,
                    sentences: pd.DataFrame | None = None, mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Target-stance evidence units of a corpus, read as the reports read it: one call.

    Documents with an English pivot translation are read in it (:func:`english_pivot`), with the
    quotations found in the translation (``translated_quotes``, table ``translated_quotes``) and
    the lexicon matched again on it; the others with their own ``quotes`` and ``loaded_terms``
    (tables ``quotes`` and ``loaded_terms`` as notebooks 02 and 03 wrote them; matched here when
    None). ``sentences`` and ``mentions`` (tables of the same names, of ``articles``) are reused
    for the documents read in their own text instead of being computed again; only translated
    documents are split and searched here. Out: table ``target_units``.
    """
    from analysis.terms import match_terms
    from analysis.text import split_corpus_sentences

    pivot = english_pivot(articles)
    translated = set(pivot.loc[pivot["text_source"] != "original", "doc_id"])
    order = {d: i for i, d in enumerate(pivot["doc_id"])}
    quote_parts = [quotes[~quotes["doc_id"].isin(translated)]]
    if translated_quotes is not None and len(translated_quotes):
        quote_parts.append(translated_quotes[translated_quotes["doc_id"].isin(translated)])
    read_quotes = pd.concat(quote_parts, ignore_index=True)
    read_quotes = (read_quotes.assign(_order=read_quotes["doc_id"].map(order).fillna(-1))
                   .sort_values(["_order", "start"], kind="stable").drop(columns="_order").reset_index(drop=True))
    original = pivot[~pivot["doc_id"].isin(translated)]
    terms = (match_terms(original, lexicon) if loaded_terms is None
             else loaded_terms[loaded_terms["doc_id"].isin(set(original["doc_id"]))])
    if translated:
        terms = pd.concat([terms, match_terms(pivot[pivot["doc_id"].isin(translated)], lexicon)],
                          ignore_index=True)
    if sentences is None:
        sentences = split_corpus_sentences(pivot)
        mentions = find_mentions(sentences, targets)
    else:
        own = sentences[sentences["doc_id"].isin(set(original["doc_id"]))]
        mentions = find_mentions(own, targets) if mentions is None else mentions[mentions["doc_id"].isin(set(own["doc_id"]))]
        if translated:
            fresh = split_corpus_sentences(pivot[pivot["doc_id"].isin(translated)])
            own = pd.concat([own, fresh], ignore_index=True)
            mentions = pd.concat([mentions, find_mentions(fresh, targets)], ignore_index=True)
        sentences, mentions = _in_corpus_order(own, order), _in_corpus_order(mentions, order)
    return target_sentences(sentences, mentions, neutral_words, quotes=read_quotes, loaded_terms=terms)


def _in_corpus_order(table: pd.DataFrame, order: dict) -> pd.DataFrame:
    """Rows sorted by their document's corpus position, keeping the order within a document."""
    position = table["doc_id"].map(order).to_numpy()
    return table.iloc[np.argsort(position, kind="stable")].reset_index(drop=True)
