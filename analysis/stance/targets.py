"""Stance toward the actors of a story (targets), per outlet, with the sentences behind it.

Evidence units are the sentences that name a target (any alias), sentences holding a loaded term
that evaluates it, and quotations of the target introduced by an endorsing or distancing verb.
A sentence's score mixes its sentiment in the author's voice (quotations blanked), evaluative
names and loaded terms; an outlet's stance is the mean score with a bootstrap interval.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.marks import is_scare_quoted
from analysis.matcher import PhraseMatcher
from analysis.schemas import check_table, empty_table
from analysis.stance.sentiment import sentence_sentiment
from analysis.stance.voice import blank, quote_spans, voice_note
from analysis.text import fold_text

TARGET_LABELS = ("favour", "against", "neutral")
QUOTE_UNIT_WEIGHT = {"endorsing": 0.5, "distancing": -0.5}
QUOTE_COLUMNS_READ = ["doc_id", "kind", "start", "end", "speaker", "verb", "verb_role", "quote_text"]
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
    """
    check_table(sentences, "sentences", "find_mentions")
    matcher = alias_matcher(targets)
    evaluative = {(t["id"], name): direction for t in targets for name, direction in t["evaluative"].items()}
    rows = []
    for s in sentences.itertuples(index=False):
        for m in matcher.find(s.sentence, s.language):
            target, name = m.key
            rows.append({"doc_id": s.doc_id, "outlet": s.outlet, "language": s.language,
                         "target": target, "name": name, "matched_text": s.sentence[m.start:m.end],
                         "start": s.start + m.start, "end": s.start + m.end, "sentence_id": s.sentence_id,
                         "sentence_start": s.start, "sentence": s.sentence,
                         "scare_quoted": is_scare_quoted(s.sentence, m.start, m.end),
                         "evaluation": evaluative.get((target, name), "")})
    return pd.DataFrame(rows, columns=list(empty_table("mentions").columns))


def _in_quote(spans_of: dict, doc_id, sentence_id, offset: int) -> bool:
    return any(a <= offset < b for a, b in spans_of.get((doc_id, sentence_id), []))


def _signed_counts(rows: pd.DataFrame, column: str, favour: str, spans_of: dict) -> pd.Series:
    """+1 per favour, -1 per against row outside quotations, summed per (doc, sentence, target)."""
    rows = rows[[not _in_quote(spans_of, r.doc_id, r.sentence_id, r.start - r.sent_start)
                 for r in rows.itertuples()]] if len(rows) else rows
    if rows.empty:
        return pd.Series(dtype=float)
    return (rows.assign(v=np.where(rows[column] == favour, 1, -1))
            .groupby(["doc_id", "sentence_id", "target"])["v"].sum())


def target_sentences(sentences: pd.DataFrame, mentions: pd.DataFrame,
                     neutral_words: dict[str, list[str]] | None = None,
                     quotes: pd.DataFrame | None = None, loaded_terms: pd.DataFrame | None = None,
                     sentiment_weight: float = 0.5) -> pd.DataFrame:
    """Evidence units for target stance: each sentence that mentions a target, plus each quotation
    whose speaker is the target, with a score in -1..1.

    In: tables ``sentences`` and ``mentions``; ``neutral_words`` (the story's topic words,
    removed from the sentiment lexicons); optional ``quotes`` (table ``quotes``) and
    ``loaded_terms`` (table ``loaded_terms``). Out: table ``target_units``: ``score`` =
    clip(``sentiment_weight`` × sentiment + naming + terms, -1, 1) for sentences; ±0.5 for a
    quotation of the target introduced by an endorsing or distancing verb (neutral verbs add no
    unit).
    """
    check_table(sentences, "sentences", "target_sentences")
    check_table(mentions, "mentions", "target_sentences")
    if quotes is not None:
        check_table(quotes, "quotes", "target_sentences", QUOTE_COLUMNS_READ)
    spans_of = quote_spans(sentences, quotes)
    keys = mentions[["doc_id", "outlet", "language", "target", "sentence_id"]]
    evaluating = pd.DataFrame(columns=["doc_id", "sentence_id", "target", "direction", "start", "end"])
    if loaded_terms is not None and len(loaded_terms):
        check_table(loaded_terms, "loaded_terms", "target_sentences", TERM_COLUMNS_READ)
        # A loaded term that names whom it evaluates is evidence about that target even where the
        # sentence names the target only by a pronoun ("he has propagated false information").
        evaluating = loaded_terms[loaded_terms["target"].isin(mentions["target"].unique())]
        keys = pd.concat([keys, evaluating[keys.columns]])
    keys = keys.drop_duplicates()
    units = keys.merge(sentences[["doc_id", "sentence_id", "start", "sentence"]], on=["doc_id", "sentence_id"])
    spans = [spans_of.get((d, i), []) for d, i in zip(units["doc_id"], units["sentence_id"])]
    author = [blank(t, sp) for t, sp in zip(units["sentence"], spans)]
    sentiment, methods = sentence_sentiment(pd.Series(author), units["language"], neutral_words)
    quoted_text = [" ".join(t[a:b] for a, b in sp) for t, sp in zip(units["sentence"], spans)]
    quoted, _ = sentence_sentiment(pd.Series(quoted_text), units["language"], neutral_words)

    starts = sentences[["doc_id", "sentence_id", "start"]].rename(columns={"start": "sent_start"})
    named = mentions[mentions["evaluation"] != ""].merge(starts, on=["doc_id", "sentence_id"])
    if len(evaluating) and len(named):
        # An evaluative name that is also a loaded term ("occupation entity") counts once, as the term.
        term_at = {(d, t, i) for d, t, a, b in evaluating[["doc_id", "target", "start", "end"]]
                   .itertuples(index=False) for i in range(a, b)}
        named = named[[(r.doc_id, r.target, r.start) not in term_at for r in named.itertuples()]]
    naming = _signed_counts(named, "evaluation", "favour", spans_of)
    terms = _signed_counts(evaluating.merge(starts, on=["doc_id", "sentence_id"]), "direction", "favour",
                           spans_of)
    key = list(zip(units["doc_id"], units["sentence_id"], units["target"]))
    out = units.drop(columns=["start"]).assign(
        unit="sentence", sentiment=np.round(sentiment, 4), sentiment_method=methods,
        naming=[int(naming.get(k, 0)) for k in key], terms=[int(terms.get(k, 0)) for k in key],
        quoted_sentiment=[round(q, 4) if t else np.nan for q, t in zip(quoted, quoted_text)] if quotes is not None
        else np.nan, voice=voice_note(quotes))
    out["score"] = np.clip(sentiment_weight * out["sentiment"] + out["naming"] + out["terms"], -1, 1).round(4)
    columns = list(empty_table("target_units").columns)
    parts = [p for p in (out, _quote_units(mentions, quotes)) if len(p)]
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
                         "sentence_id": -1, "sentence": f"{q.speaker} {q.verb}: {q.quote_text}",
                         "sentiment": 0.0, "sentiment_method": "quote verb", "naming": 0, "terms": 0,
                         "quoted_sentiment": np.nan, "score": sign, "voice": "quoted"})
    return pd.DataFrame(rows)


def bootstrap_interval(scores, n_boot: int = 1000, seed: int = 0, level: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean of ``scores`` (fixed seed: reruns agree)."""
    scores = np.asarray(scores, dtype=float)
    if len(scores) == 0:
        return np.nan, np.nan
    rng = np.random.default_rng(seed)
    means = scores[rng.integers(0, len(scores), size=(n_boot, len(scores)))].mean(axis=1)
    tail = (1 - level) / 2 * 100
    return float(np.percentile(means, tail)), float(np.percentile(means, 100 - tail))


def target_stance(units: pd.DataFrame, threshold: float = 0.1, n_boot: int = 1000, seed: int = 0,
                  n_evidence: int = 3, min_units: int = 3) -> pd.DataFrame:
    """Stance of each outlet toward each target: mean evidence score, bootstrap 95% interval, label.

    In: table ``target_units``. Out: table ``target_stance``: ``label`` is favour when score ≥
    ``threshold`` and the whole interval is above 0, against when score ≤ −``threshold`` and the
    whole interval is below 0, both only with at least ``min_units`` evidence units; otherwise
    neutral (a label needs evidence that a resample would not overturn). ``evidence`` holds the
    ``n_evidence`` units of largest absolute score.
    """
    check_table(units, "target_units", "target_stance", ["outlet", "target", "unit", "sentence_id", "sentence",
                                                         "score", "quoted_sentiment", "sentiment_method", "voice"])
    rows = []
    for (outlet, target), g in units.groupby(["outlet", "target"], sort=True):
        score = float(g["score"].mean())
        low, high = bootstrap_interval(g["score"], n_boot, seed)
        supported = len(g) >= min_units
        label = ("favour" if supported and score >= threshold and low > 0 else
                 "against" if supported and score <= -threshold and high < 0 else "neutral")
        top = g.assign(a=g["score"].abs()).sort_values(["a", "sentence_id"], ascending=[False, True]).head(n_evidence)
        rows.append({"outlet": outlet, "target": target, "label": label, "score": round(score, 4),
                     "low": round(low, 4), "high": round(high, 4),
                     "n_sentences": int((g["unit"] == "sentence").sum()), "n_quotes": int((g["unit"] == "quote").sum()),
                     "quoted_score": round(float(g["quoted_sentiment"].mean()), 4) if g["quoted_sentiment"].notna().any() else np.nan,
                     "sentiment_method": ";".join(sorted(set(g["sentiment_method"]))),
                     "evidence": " | ".join(f"[{r.score:+.2f}] {r.sentence}" for r in top.itertuples()),
                     "voice": ";".join(sorted(set(g["voice"])))})
    return pd.DataFrame(rows, columns=list(empty_table("target_stance").columns))


def target_evidence(articles: pd.DataFrame, targets: list[dict], lexicon: pd.DataFrame,
                    quotes: pd.DataFrame, translated_quotes: pd.DataFrame | None = None,
                    loaded_terms: pd.DataFrame | None = None,
                    neutral_words: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """Target-stance evidence units of a corpus, read as the reports read it: one call.

    Documents with an English pivot translation are read in it (:func:`english_pivot`), with the
    quotations found in the translation (``translated_quotes``, table ``translated_quotes``) and
    the lexicon matched again on it; the others with their own ``quotes`` and ``loaded_terms``
    (tables ``quotes`` and ``loaded_terms`` as notebooks 02 and 03 wrote them; matched here when
    None). Out: table ``target_units``.
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
    read_quotes = read_quotes.iloc[sorted(range(len(read_quotes)), key=lambda i: (
        order.get(read_quotes["doc_id"].iat[i], -1), read_quotes["start"].iat[i]))].reset_index(drop=True)
    original = pivot[~pivot["doc_id"].isin(translated)]
    terms = (match_terms(original, lexicon) if loaded_terms is None
             else loaded_terms[loaded_terms["doc_id"].isin(set(original["doc_id"]))])
    if translated:
        terms = pd.concat([terms, match_terms(pivot[pivot["doc_id"].isin(translated)], lexicon)],
                          ignore_index=True)
    sentences = split_corpus_sentences(pivot)
    return target_sentences(sentences, find_mentions(sentences, targets), neutral_words,
                            quotes=read_quotes, loaded_terms=terms)
