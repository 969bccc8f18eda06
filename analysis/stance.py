"""Stance toward claims (FNC-1 labels, per document) and toward targets (favour/against, per outlet).

Both methods are rules over sentences, so every label comes with the sentences behind it.

Voice. The author's voice and quoted voices are kept apart when quotations are given
(``quotes`` from ``extract_quotes``): cues and sentiment are read on the sentence with its direct
quotations blanked out, and quoted words only make a sentence *attributed*. When no quotations are
given, every sentence is read as author voice and the output says so (column ``voice``).

Claim stance rule (documented in README, "Stance"):
  * a sentence is *related* when it covers at least ``related_min`` of the claim's cue groups; a
    sentence covering less but holding a refutation cue is kept too ("the NRF denied it");
  * its role is, first that applies: ``reported refutation`` (a refutation cue with an attribution
    cue, a refutation that is itself a reporting verb such as "denied", or a quotation),
    ``refutation`` (a refutation cue in the author's voice), ``hedge``, ``attribution``,
    ``assertion`` (covers at least ``assert_min`` of the groups, no negation), else ``related``;
  * a document with no related sentence is ``unrelated``; one with an author refutation and no
    assertion is ``disagree``; with an assertion and no refutation of any voice ``agree``;
    otherwise ``discuss`` (it reports the claim hedged or attributed, or reports a denial: an
    article that gives the denial beside the claim reports both sides, even when one sentence
    states the claim in the author's voice).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from analysis.text import fold_text, original_span, word_spans

LABELS = ("agree", "disagree", "discuss", "unrelated")
TARGET_LABELS = ("favour", "against", "neutral")
ROLES = ("reported refutation", "refutation", "hedge", "attribution", "assertion", "related")
CUE_KINDS = ("refutation", "reporting_refutation", "hedge", "attribution", "factive", "negation")
NO_QUOTES_NOTE = "author (quotes not given: quoted words read as author voice)"


class StanceDataError(ValueError):
    """A claims, targets, cues or valence file that cannot be used; the message names file and entry."""


# --- loading -------------------------------------------------------------------------------------

def _read_yaml(path: Path | str):
    path = Path(path)
    try:
        return path, yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StanceDataError(f"{path}: file not found; give the path of an existing YAML file") from None
    except yaml.YAMLError as error:
        raise StanceDataError(f"{path}: not valid YAML ({error})") from None


def _check_id(path: Path, i: int, entry, seen: set) -> str:
    if not isinstance(entry, dict):
        raise StanceDataError(f"{path} entry {i}: expected a mapping with id, got {entry!r}")
    ident = entry.get("id")
    if not isinstance(ident, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", ident):
        raise StanceDataError(f"{path} entry {i}: id must be snake_case text, got {ident!r}")
    if ident in seen:
        raise StanceDataError(f"{path} entry {i} ({ident}): id repeats an earlier entry")
    seen.add(ident)
    return ident


def _check_words(path: Path, where: str, words) -> list[str]:
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise StanceDataError(f"{path} {where}: expected a non-empty list of words, got {words!r}")
    return [str(w) for w in words]


def load_claims(path: Path | str) -> list[dict]:
    """Read ``claims.yaml``: a list of ``id``, ``text``, ``languages``, optional ``cues``
    (language -> group -> words). Raises :class:`StanceDataError` naming file and entry."""
    path, data = _read_yaml(path)
    if not isinstance(data, list) or not data:
        raise StanceDataError(f"{path}: expected a non-empty list of claims")
    claims, seen = [], set()
    for i, entry in enumerate(data):
        ident = _check_id(path, i, entry, seen)
        if not isinstance(entry.get("text"), str) or not entry["text"].strip():
            raise StanceDataError(f"{path} entry {i} ({ident}): text is missing")
        languages = _check_words(path, f"entry {i} ({ident}) languages", entry.get("languages"))
        cues = entry.get("cues") or {}
        if not isinstance(cues, dict):
            raise StanceDataError(f"{path} entry {i} ({ident}): cues must map language -> groups")
        for lang, groups in cues.items():
            if not isinstance(groups, dict) or not groups:
                raise StanceDataError(f"{path} entry {i} ({ident}) cues.{lang}: expected group -> words")
            for group, words in groups.items():
                _check_words(path, f"entry {i} ({ident}) cues.{lang}.{group}", words)
        claims.append({"id": ident, "text": entry["text"].strip(), "languages": languages, "cues": cues})
    return claims


def load_targets(path: Path | str) -> list[dict]:
    """Read ``targets.yaml``: a list of ``id``, ``label``, ``aliases`` (language -> names) and
    optional ``evaluative`` (name -> favour/against). Raises :class:`StanceDataError`."""
    path, data = _read_yaml(path)
    if not isinstance(data, list) or not data:
        raise StanceDataError(f"{path}: expected a non-empty list of targets")
    targets, seen = [], set()
    for i, entry in enumerate(data):
        ident = _check_id(path, i, entry, seen)
        aliases = entry.get("aliases")
        if not isinstance(aliases, dict) or not aliases:
            raise StanceDataError(f"{path} entry {i} ({ident}): aliases must map language -> names")
        for lang, names in aliases.items():
            _check_words(path, f"entry {i} ({ident}) aliases.{lang}", names)
        evaluative = entry.get("evaluative") or {}
        names = {n for ns in aliases.values() for n in ns}
        for name, direction in evaluative.items():
            if direction not in ("favour", "against"):
                raise StanceDataError(f"{path} entry {i} ({ident}) evaluative {name!r}: direction must "
                                      f"be favour or against, got {direction!r}")
            if name not in names:
                raise StanceDataError(f"{path} entry {i} ({ident}) evaluative {name!r}: not one of the "
                                      "target's aliases; add it to aliases first")
        targets.append({"id": ident, "label": str(entry.get("label") or ident), "aliases": aliases,
                        "evaluative": dict(evaluative)})
    return targets


def load_cues(path: Path | str) -> dict[str, dict[str, list[str]]]:
    """Read ``stance_cues.yaml``: language -> cue kind (``CUE_KINDS``) -> words."""
    path, data = _read_yaml(path)
    if not isinstance(data, dict) or not data:
        raise StanceDataError(f"{path}: expected language -> cue kind -> words")
    for lang, kinds in data.items():
        if not isinstance(kinds, dict):
            raise StanceDataError(f"{path} {lang}: expected cue kind -> words")
        for kind in CUE_KINDS:
            _check_words(path, f"{lang}.{kind}", kinds.get(kind))
    return data


def load_valence(path: Path | str) -> dict:
    """Read ``valence_fr.yaml``: language -> positive/negative word -> value, negators, and
    ``neutral`` (language -> topic words removed from every sentiment lexicon)."""
    path, data = _read_yaml(path)
    if not isinstance(data, dict):
        raise StanceDataError(f"{path}: expected a mapping")
    for lang, entry in data.items():
        if lang == "neutral":
            continue
        for part in ("positive", "negative"):
            values = entry.get(part) if isinstance(entry, dict) else None
            if not isinstance(values, dict) or not all(isinstance(v, (int, float)) for v in values.values()):
                raise StanceDataError(f"{path} {lang}.{part}: expected word -> number")
    return data


# --- matching ------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern:
    folded = sorted({fold_text(p)[0].strip() for p in phrases}, key=lambda p: (-len(p), p))
    alternatives = "|".join(re.escape(p) for p in folded if p)
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


def find_phrases(text: str, phrases) -> list[tuple[int, int, str]]:
    """Whole-word matches of ``phrases`` in ``text``, case, accents and quote marks folded.

    Returns ``(start, end, phrase)`` with offsets into ``text`` and ``phrase`` as folded. A phrase
    written in capitals only (``US``, ``NRF``) must match with the same capitals, so "us" is not
    the United States. Longest phrase first; matches do not overlap.
    """
    phrases = tuple(phrases)
    if not phrases or not text:
        return []
    folded, offsets = fold_text(text)
    capitals = {fold_text(p)[0]: p for p in phrases if p.isupper() and len(p) <= 5}
    out = []
    for m in _pattern(phrases).finditer(folded):
        a, b = original_span(offsets, m.start(), m.end())
        if m.group() in capitals and text[a:b].replace("’", "'") != capitals[m.group()]:
            continue
        out.append((a, b, m.group()))
    return out


def _blank(text: str, spans) -> str:
    """``text`` with the given spans replaced by spaces (offsets kept)."""
    chars = list(text)
    for a, b in spans:
        chars[max(a, 0):max(b, 0)] = " " * len(chars[max(a, 0):max(b, 0)])
    return "".join(chars)


def _quote_spans(sentences: pd.DataFrame, quotes: pd.DataFrame | None) -> dict:
    """(doc_id, sentence_id) -> direct-quote spans relative to the sentence start."""
    if quotes is None or quotes.empty:
        return {}
    direct = quotes[quotes["kind"] == "direct"]
    out: dict = {}
    for doc_id, group in direct.groupby("doc_id"):
        sents = sentences[sentences["doc_id"] == doc_id]
        for s in sents.itertuples(index=False):
            inside = group[(group["start"] < s.end) & (group["end"] > s.start)]
            if len(inside):
                out[(doc_id, s.sentence_id)] = [(max(q.start, s.start) - s.start, min(q.end, s.end) - s.start)
                                                for q in inside.itertuples(index=False)]
    return out


def _claim_groups(claim: dict, language: str) -> dict[str, list[str]]:
    """Cue groups of a claim in a language; without cues, each content word is a group."""
    cues = claim.get("cues", {}).get(language)
    if cues:
        return cues
    words = [w for w in (claim["text"][a:b] for a, b in word_spans(claim["text"], language)) if len(w) > 3]
    return {w.casefold(): [w] for w in words}


# --- claim stance --------------------------------------------------------------------------------

def _role(cues: dict, quoted: bool, coverage: float, assert_min: float) -> str:
    if cues["refutation"]:
        reported = cues["reporting_refutation"] or cues["attribution"] or quoted
        return "reported refutation" if reported else "refutation"
    if cues["hedge"]:
        return "hedge"
    if cues["attribution"] or quoted:
        return "attribution"
    if coverage >= assert_min and not cues["negation"]:
        return "assertion"
    return "related"


def claim_sentences(sentences: pd.DataFrame, claims: list[dict], cues: dict,
                    quotes: pd.DataFrame | None = None, related_min: float = 0.5,
                    assert_min: float = 1.0) -> pd.DataFrame:
    """Claim-related sentences of every document, each with its cues and role.

    In: ``sentences`` from ``split_corpus_sentences``; claims from :func:`load_claims`; cues from
    :func:`load_cues`; optional ``quotes`` (``doc_id``, ``kind``, ``start``, ``end``).
    Out: one row per (document, claim, sentence) whose coverage reaches ``related_min``, or that
    covers part of the claim and holds a refutation cue (a denial by anaphora: "the NRF denied it"):
    ``doc_id``, ``outlet``, ``language``, ``claim_id``, ``sentence_id``, ``start``, ``end``,
    ``sentence``, ``coverage`` (covered cue groups / groups), ``groups`` (covered, ``;``-joined),
    one column per cue kind (matched cues, ``;``-joined), ``related`` (coverage ≥ ``related_min``), ``quoted`` (a direct quotation is in the
    sentence), ``voice``, ``role``. Cues are read on the author's voice (quotations blanked) when
    quotes are given. Languages without cues in ``cues`` get no cue matches. Cost: one folding and
    a few regex scans per sentence and claim.
    """
    quote_spans = _quote_spans(sentences, quotes)
    voice = "author (direct quotations removed)" if quotes is not None else NO_QUOTES_NOTE
    rows = []
    for s in sentences.itertuples(index=False):
        for claim in claims:
            if s.language not in claim["languages"]:
                continue
            groups = _claim_groups(claim, s.language)
            covered = [g for g, words in groups.items() if find_phrases(s.sentence, words)]
            coverage = len(covered) / len(groups)
            if not covered:
                continue
            spans = quote_spans.get((s.doc_id, s.sentence_id), [])
            author = _blank(s.sentence, spans)
            kinds = cues.get(s.language, {})
            found = {k: sorted({m[2] for m in find_phrases(author, kinds.get(k, []))}) for k in CUE_KINDS}
            if coverage < related_min and not found["refutation"]:
                continue  # a denial that names only part of the claim ("the NRF denied it") is kept
            role = _role(found, bool(spans), coverage, assert_min)
            rows.append({"doc_id": s.doc_id, "outlet": s.outlet, "language": s.language,
                         "claim_id": claim["id"], "sentence_id": s.sentence_id, "start": s.start,
                         "end": s.end, "sentence": s.sentence, "coverage": round(coverage, 4),
                         "groups": ";".join(covered), **{k: ";".join(v) for k, v in found.items()},
                         "related": coverage >= related_min, "quoted": bool(spans), "voice": voice,
                         "role": role})
    columns = ["doc_id", "outlet", "language", "claim_id", "sentence_id", "start", "end", "sentence",
               "coverage", "groups", *CUE_KINDS, "related", "quoted", "voice", "role"]
    return pd.DataFrame(rows, columns=columns)


def label_claim(roles) -> tuple[str, float]:
    """FNC-1 label and confidence from the roles of a document's claim-related sentences.

    Confidence is the share of decisive sentences (role other than ``related``) that support the
    label; 0.5 when the document is related but has no decisive sentence; 1.0 for unrelated.
    """
    roles = list(roles)
    if not roles:
        return "unrelated", 1.0
    assertion, refutation = roles.count("assertion"), roles.count("refutation")
    decisive = [r for r in roles if r != "related"]
    if refutation and not assertion:
        return "disagree", refutation / len(decisive)
    if assertion and not refutation and "reported refutation" not in roles:
        return "agree", assertion / len(decisive)
    if not decisive:
        return "discuss", 0.5
    support = sum(r in ("hedge", "attribution", "reported refutation") for r in decisive)
    return "discuss", max(support, 1) / len(decisive)


def claim_stance(corpus: pd.DataFrame, evidence: pd.DataFrame, claims: list[dict]) -> pd.DataFrame:
    """One FNC-1 label per document and claim, with confidence and evidence sentences.

    In: ``corpus`` (``doc_id``, ``outlet``, ``language``), ``evidence`` from
    :func:`claim_sentences`, the claims. Out: ``doc_id``, ``outlet``, ``claim_id``, ``label``,
    ``confidence``, ``n_related`` (related sentences), ``evidence`` (``[role] sentence`` joined
    with `` | ``, in text order), ``voice``.
    """
    rows = []
    for doc in corpus.itertuples(index=False):
        for claim in claims:
            if doc.language not in claim["languages"]:
                continue
            ev = evidence[(evidence["doc_id"] == doc.doc_id) & (evidence["claim_id"] == claim["id"])]
            ev = ev.sort_values("sentence_id")
            label, confidence = label_claim(ev["role"]) if ev["related"].any() else ("unrelated", 1.0)
            rows.append({"doc_id": doc.doc_id, "outlet": doc.outlet, "claim_id": claim["id"],
                         "label": label, "confidence": round(confidence, 4), "n_related": len(ev),
                         "evidence": " | ".join(f"[{r.role}] {r.sentence}" for r in ev.itertuples()),
                         "voice": ev["voice"].iloc[0] if len(ev) else ""})
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "claim_id", "label", "confidence",
                                       "n_related", "evidence", "voice"])


# --- target stance -------------------------------------------------------------------------------

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
        out.loc[translated, "text_source"] = "translation (by " + corpus.loc[translated, "translation_by"].fillna("unknown") + ")"
    return out


_QUOTE_MARKS = "\"'“”«»‘’„"


def _scare_quoted(text: str, a: int, b: int) -> bool:
    """True when the name at ``[a, b)`` is wrapped in its own quotation marks ('Israel’s', "Israel.")."""
    before_ok = a >= 1 and text[a - 1] in _QUOTE_MARKS and (a < 2 or not text[a - 2].isalnum())
    tail = re.match(r"(?:['’]s)?[.,]?[\"'“”«»‘’„]", text[b:b + 4])
    return bool(before_ok and tail)


def find_mentions(sentences: pd.DataFrame, targets: list[dict]) -> pd.DataFrame:
    """Every mention of every target, aliases resolved.

    In: ``sentences`` from ``split_corpus_sentences``; targets from :func:`load_targets`.
    Out: ``doc_id``, ``outlet``, ``language``, ``target``, ``name`` (the alias as written in the
    targets file), ``matched_text``, ``start``, ``end`` (offsets into the document text),
    ``sentence_id``, ``sentence_start`` (offset of the sentence), ``sentence``, ``scare_quoted``
    (the name alone inside quotation marks),
    ``evaluation`` (favour/against for evaluative names, else ""). Whole words, folded text;
    a target's longer alias wins over a shorter one it contains.
    """
    rows = []
    for s in sentences.itertuples(index=False):
        for target in targets:
            names = target["aliases"].get(s.language, [])
            by_fold = {fold_text(n)[0]: n for n in names}
            for a, b, folded in find_phrases(s.sentence, names):
                name = by_fold[folded]
                rows.append({"doc_id": s.doc_id, "outlet": s.outlet, "language": s.language,
                             "target": target["id"], "name": name, "matched_text": s.sentence[a:b],
                             "start": s.start + a, "end": s.start + b, "sentence_id": s.sentence_id,
                             "sentence_start": s.start, "sentence": s.sentence, "scare_quoted": _scare_quoted(s.sentence, a, b),
                             "evaluation": target["evaluative"].get(name, "")})
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "language", "target", "name", "matched_text",
                                       "start", "end", "sentence_id", "sentence_start", "sentence",
                                       "scare_quoted", "evaluation"])


def _vader(neutral: list[str]):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    analyzer = SentimentIntensityAnalyzer()
    for word in neutral:
        analyzer.lexicon.pop(word.casefold(), None)
    return analyzer


def _valence_score(text: str, entry: dict, neutral: set[str]) -> float:
    """Sum of word valences (a negator among the 3 words before flips and damps, as VADER does),
    normalised to -1..1 with VADER's x / sqrt(x² + 15)."""
    folded = fold_text(text)[0]
    values = {fold_text(w)[0]: v for part in ("positive", "negative") for w, v in entry[part].items()}
    negators = {fold_text(w)[0] for w in entry.get("negators", [])}
    words = [folded[a:b] for a, b in word_spans(folded, "fr")]
    total = 0.0
    for i, w in enumerate(words):
        if w in values and w not in neutral:
            flip = any(p in negators or p.rstrip("'") in negators for p in words[max(0, i - 3):i])
            total += values[w] * (-0.74 if flip else 1.0)
    return total / np.sqrt(total * total + 15) if total else 0.0


def sentence_sentiment(texts: pd.Series, languages: pd.Series, valence: dict) -> tuple[list[float], list[str]]:
    """Sentiment of each text in -1..1 and the method used: VADER compound for English, the
    valence list of ``valence`` for other languages that have one, else 0 with method ``none``.
    Topic words in ``valence['neutral']`` are removed from both lexicons first."""
    neutral = valence.get("neutral", {})
    analyzer = _vader(neutral.get("en", []))
    scores, methods = [], []
    for text, lang in zip(texts, languages):
        if lang == "en":
            scores.append(analyzer.polarity_scores(text)["compound"])
            methods.append("vader")
        elif lang in valence:
            scores.append(_valence_score(text, valence[lang], {fold_text(w)[0] for w in neutral.get(lang, [])}))
            methods.append(f"valence list ({lang})")
        else:
            scores.append(0.0)
            methods.append("none")
    return scores, methods


# Reporting verbs that evaluate what they introduce (Hyland's evaluative reporting verbs): an
# endorsing verb presents the words as well-founded, a distancing verb disowns them. Neutral verbs
# (said, told, added, stated, a dit, a déclaré) give a quotation no weight. Folded forms.
APPROVING_VERBS = {"warned", "stressed", "noted", "pointed", "explained", "maintained", "affirmed",
                   "emphasized", "emphasised", "asserted", "a souligne", "souligne", "a affirme", "a rappele"}
DISTANCING_VERBS = {"claimed", "alleged", "insisted", "purported", "a pretendu", "pretend", "pretendu"}


def target_sentences(sentences: pd.DataFrame, mentions: pd.DataFrame, valence: dict,
                     quotes: pd.DataFrame | None = None,
                     loaded_terms: pd.DataFrame | None = None,
                     sentiment_weight: float = 0.5) -> pd.DataFrame:
    """Evidence units for target stance: each sentence that mentions a target, plus each quotation
    whose speaker is the target, with a score in -1..1.

    In: sentences, ``mentions`` from :func:`find_mentions`, ``valence`` from :func:`load_valence`,
    optional ``quotes`` (``doc_id``, ``kind``, ``text``, ``speaker``, ``verb``, ``start``, ``end``)
    and ``loaded_terms`` (``doc_id``, ``sentence_id``, ``target``, ``direction``, ``start``).
    Out: ``doc_id``, ``outlet``, ``target``, ``unit`` (sentence/quote), ``sentence_id``,
    ``sentence``, ``sentiment`` (author voice, quotations removed), ``sentiment_method``,
    ``naming`` (+1 per favourable, -1 per unfavourable evaluative name in author voice),
    ``terms`` (+1 per favour, -1 per against loaded term evaluating the target, author voice),
    ``quoted_sentiment`` (of the quoted words, reported apart; NaN without quotes), ``score`` =
    clip(``sentiment_weight`` × sentiment + naming + terms, -1, 1) for sentences; ±0.5 for a
    quotation of the target introduced by an endorsing (stressed, noted, warned …) or distancing
    (claimed, alleged, insisted …) verb; neutral verbs (said, told) add no unit. ``voice`` says how voices were separated.
    """
    quote_spans = _quote_spans(sentences, quotes)
    voice = "author (direct quotations removed)" if quotes is not None else NO_QUOTES_NOTE
    keys = mentions[["doc_id", "outlet", "language", "target", "sentence_id"]]
    if loaded_terms is not None and len(loaded_terms):
        # A loaded term that names whom it evaluates is evidence about that target even where the
        # sentence names the target only by a pronoun ("he has propagated false information").
        evaluating = loaded_terms[loaded_terms["target"].isin(mentions["target"].unique())]
        keys = pd.concat([keys, evaluating[keys.columns]])
    keys = keys.drop_duplicates()
    units = keys.merge(sentences[["doc_id", "sentence_id", "start", "sentence"]], on=["doc_id", "sentence_id"])
    spans = [quote_spans.get((d, i), []) for d, i in zip(units["doc_id"], units["sentence_id"])]
    author = [_blank(t, sp) for t, sp in zip(units["sentence"], spans)]
    sentiment, methods = sentence_sentiment(pd.Series(author), units["language"], valence)
    quoted_text = [" ".join(t[a:b] for a, b in sp) for t, sp in zip(units["sentence"], spans)]
    quoted, _ = sentence_sentiment(pd.Series(quoted_text), units["language"], valence)

    def in_quote(row) -> bool:
        return any(a <= row.start - row.sent_start < b for a, b in quote_spans.get((row.doc_id, row.sentence_id), []))

    starts = sentences[["doc_id", "sentence_id", "start"]].rename(columns={"start": "sent_start"})
    named = mentions[mentions["evaluation"] != ""].merge(starts, on=["doc_id", "sentence_id"])
    if loaded_terms is not None and len(loaded_terms) and len(named):
        # An evaluative name that is also a loaded term ("occupation entity") counts once, as the term.
        term_at = {(d, t, i) for d, t, a, b in loaded_terms[["doc_id", "target", "start", "end"]]
                   .itertuples(index=False) for i in range(a, b)}
        named = named[[(r.doc_id, r.target, r.start) not in term_at for r in named.itertuples()]]
    named = named[[not in_quote(r) for r in named.itertuples()]] if len(named) else named
    naming = (named.assign(v=np.where(named["evaluation"] == "favour", 1, -1))
              .groupby(["doc_id", "sentence_id", "target"])["v"].sum())
    terms = pd.Series(dtype=float)
    if loaded_terms is not None and len(loaded_terms):
        lt = loaded_terms[loaded_terms["target"].isin(mentions["target"].unique())]
        lt = lt.merge(starts, on=["doc_id", "sentence_id"])
        lt = lt[[not in_quote(r) for r in lt.itertuples()]] if len(lt) else lt
        terms = (lt.assign(v=np.where(lt["direction"] == "favour", 1, -1))
                 .groupby(["doc_id", "sentence_id", "target"])["v"].sum())
    key = list(zip(units["doc_id"], units["sentence_id"], units["target"]))
    out = units.drop(columns=["start"]).assign(
        unit="sentence", sentiment=np.round(sentiment, 4), sentiment_method=methods,
        naming=[int(naming.get(k, 0)) for k in key], terms=[int(terms.get(k, 0)) for k in key],
        quoted_sentiment=[round(q, 4) if t else np.nan for q, t in zip(quoted, quoted_text)] if quotes is not None
        else np.nan, voice=voice)
    out["score"] = np.clip(sentiment_weight * out["sentiment"] + out["naming"] + out["terms"], -1, 1).round(4)
    return pd.concat([out, _quote_units(mentions, quotes)], ignore_index=True)[
        ["doc_id", "outlet", "target", "unit", "sentence_id", "sentence", "sentiment", "sentiment_method",
         "naming", "terms", "quoted_sentiment", "score", "voice"]]


def _quote_units(mentions: pd.DataFrame, quotes: pd.DataFrame | None) -> pd.DataFrame:
    """±0.5 per direct quotation whose speaker names a target and whose verb endorses or distances."""
    if quotes is None or quotes.empty or mentions.empty or not {"speaker", "verb", "text"} <= set(quotes.columns):
        return pd.DataFrame()
    names = mentions[["target", "name"]].drop_duplicates()
    rows = []
    outlets = mentions.drop_duplicates("doc_id").set_index("doc_id")["outlet"]
    for q in quotes[(quotes["kind"] == "direct") & quotes["doc_id"].isin(outlets.index)].itertuples():
        speaker = fold_text(str(q.speaker or ""))[0]
        verb = fold_text(str(q.verb or ""))[0]
        first = verb.split(" ")[0] if not verb.startswith("a ") else " ".join(verb.split(" ")[:2])
        sign = 0.5 if first in APPROVING_VERBS else -0.5 if first in DISTANCING_VERBS else 0.0
        if not sign:
            continue
        for target in sorted({t for t, n in names.itertuples(index=False) if fold_text(n)[0] in speaker}):
            rows.append({"doc_id": q.doc_id, "outlet": outlets[q.doc_id], "target": target, "unit": "quote",
                         "sentence_id": -1, "sentence": f"{q.speaker} {q.verb}: {q.text}",
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

    In: ``units`` from :func:`target_sentences`. Out: ``outlet``, ``target``, ``label`` (favour
    when score ≥ ``threshold`` and the whole interval is above 0, against when score ≤
    −``threshold`` and the whole interval is below 0, both only with at least ``min_units``
    evidence units; otherwise neutral: a label needs evidence that a resample would not
    overturn), ``score`` (mean unit
    score, −1..1), ``low``, ``high`` (percentile bootstrap over units, ``n_boot`` resamples, fixed
    ``seed``), ``n_sentences`` (sentence units), ``n_quotes``, ``quoted_score`` (mean sentiment of
    quoted words; NaN when none), ``sentiment_method``, ``evidence`` (the ``n_evidence`` units of
    largest absolute score, ``[score] sentence``, joined with `` | ``), ``voice``.
    """
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
    return pd.DataFrame(rows, columns=["outlet", "target", "label", "score", "low", "high", "n_sentences",
                                       "n_quotes", "quoted_score", "sentiment_method", "evidence", "voice"])


# --- validation ----------------------------------------------------------------------------------

def load_gold(path: Path | str, key: list[str], labels) -> pd.DataFrame:
    """Read a gold CSV with ``key`` columns, ``label`` and ``justification``; every label must be
    one of ``labels`` and every justification non-empty (the error names file and line)."""
    path = Path(path)
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in [*key, "label", "justification"] if c not in gold.columns]
    if missing:
        raise StanceDataError(f"{path}: missing column(s) {', '.join(missing)}")
    for i, row in enumerate(gold.itertuples(index=False), start=2):
        if row.label not in labels:
            raise StanceDataError(f"{path} line {i}: label {row.label!r} is not one of {', '.join(labels)}")
        if not row.justification.strip():
            raise StanceDataError(f"{path} line {i}: justification is empty; say why, in one sentence")
    return gold


def agreement(predicted: pd.DataFrame, gold: pd.DataFrame, key: list[str], labels) -> dict:
    """Accuracy and macro-F1 of ``predicted['label']`` against ``gold['label']`` on ``key``.

    Gold rows without a prediction count as wrong (predicted label ``missing``). Macro-F1 averages
    the F1 of the labels that occur in gold or predictions. Out: ``n``, ``accuracy``, ``macro_f1``,
    ``per_label`` (label -> F1), ``pairs`` (the joined table).
    """
    pairs = gold.merge(predicted[[*key, "label"]], on=key, how="left", suffixes=("_gold", ""))
    pairs["label"] = pairs["label"].fillna("missing")
    y_true, y_pred = pairs["label_gold"].to_numpy(), pairs["label"].to_numpy()
    per_label = {}
    for label in sorted(set(y_true) | (set(y_pred) & set(labels))):
        tp = int(((y_true == label) & (y_pred == label)).sum())
        fp = int(((y_true != label) & (y_pred == label)).sum())
        fn = int(((y_true == label) & (y_pred != label)).sum())
        per_label[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {"n": len(pairs), "accuracy": float((y_true == y_pred).mean()) if len(pairs) else np.nan,
            "macro_f1": float(np.mean(list(per_label.values()))) if per_label else np.nan,
            "per_label": per_label, "pairs": pairs, "key": list(key)}


# Each method measured against the hand annotation: gold file in the gold folder, key, labels.
GOLD = {
    "claim stance (per document)": ("claim_stance.csv", ["doc_id", "claim_id"], LABELS),
    "target stance (per outlet)": ("target_stance.csv", ["outlet", "target"], TARGET_LABELS),
}


def agree_with_gold(claim_table: pd.DataFrame, target_table: pd.DataFrame,
                    gold_dir: Path | str) -> dict[str, dict]:
    """:func:`agreement` of both methods with the gold files in ``gold_dir`` (see ``GOLD``),
    keyed by method name."""
    predicted = {"claim stance (per document)": claim_table, "target stance (per outlet)": target_table}
    return {method: agreement(predicted[method], load_gold(Path(gold_dir) / file, key, labels), key, labels)
            for method, (file, key, labels) in GOLD.items()}


# --- narrative -----------------------------------------------------------------------------------

def describe_claim_stance(stance: pd.DataFrame, evidence: pd.DataFrame, claims: list[dict]) -> "HTML":
    """Escaped HTML: per document, the claim label, confidence and each evidence sentence with
    its role and cues, so the reader sees why the label was given."""
    from html import escape

    from IPython.display import HTML
    texts = {c["id"]: c["text"] for c in claims}
    parts = []
    for row in stance.sort_values(["outlet", "doc_id"]).itertuples(index=False):
        ev = evidence[(evidence["doc_id"] == row.doc_id) & (evidence["claim_id"] == row.claim_id)]
        items = "".join(
            f"<li><strong>{escape(e.role)}</strong>"
            + (f" (cues: {escape('; '.join(x for x in (e.refutation, e.hedge, e.attribution) if x))})"
               if any((e.refutation, e.hedge, e.attribution)) else "")
            + f": {escape(e.sentence)}</li>" for e in ev.sort_values("sentence_id").itertuples())
        parts.append(f"<p><strong>{escape(row.outlet)}</strong> (<code>{escape(row.doc_id)}</code>) on "
                     f"“{escape(texts.get(row.claim_id, row.claim_id))}”: <strong>{escape(row.label)}</strong>, "
                     f"confidence {row.confidence:.2f}, {row.n_related} related sentence(s).</p>"
                     + (f"<ul>{items}</ul>" if items else ""))
    note = stance["voice"].iloc[0] if len(stance) and stance["voice"].iloc[0] else ""
    return HTML("".join(parts) + (f"<p><em>Voice: {escape(note)}.</em></p>" if note else ""))


def agreement_table(results: dict[str, dict]) -> pd.DataFrame:
    """One row per method from :func:`agreement` results: ``method``, ``n``, ``accuracy``,
    ``macro_f1``, and the F1 of each label (``f1_<label>``)."""
    rows = []
    for method, r in results.items():
        rows.append({"method": method, "n": r["n"], "accuracy": round(r["accuracy"], 4),
                     "macro_f1": round(r["macro_f1"], 4),
                     **{f"f1_{k}": round(v, 4) for k, v in sorted(r["per_label"].items())}})
    return pd.DataFrame(rows)


def disagreements(result: dict, key: list[str] | None = None) -> pd.DataFrame:
    """The rows of an :func:`agreement` result where method and gold differ, with the gold
    justification (``key`` defaults to the result's own)."""
    key = key or result["key"]
    pairs = result["pairs"]
    return pairs[pairs["label"] != pairs["label_gold"]][[*key, "label_gold", "label", "justification"]]
