"""Stance toward a claim, per document, with FNC-1 labels and the sentences behind each label.

Voice. The author's voice and quoted voices are kept apart when quotations are given
(``quotes`` from ``extract_quotes``): cues are read on the sentence with its direct quotations
blanked out, and quoted words only make a sentence *attributed*. When no quotations are given,
every sentence is read as author voice and the output says so (column ``voice``).

Rule (documented in README, "Stance"):
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

Cue words come from each language's resources (:mod:`analysis.languages`); phrases are found by
the one phrase matcher (:mod:`analysis.matcher`).
"""
from __future__ import annotations

import pandas as pd

from analysis.languages import load_cues
from analysis.matcher import FoldedText, PhraseMatcher, list_matcher
from analysis.schemas import check_table, row_tuples
from analysis.stance.voice import blank, quote_spans, voice_note
from analysis.text import word_spans

LABELS = ("agree", "disagree", "discuss", "unrelated")
ROLES = ("reported refutation", "refutation", "hedge", "attribution", "assertion", "related")
CUE_KINDS = ("refutation", "reporting_refutation", "hedge", "attribution", "factive", "negation")


def _claim_groups(claim: dict, language: str) -> dict[str, list[str]]:
    """Cue groups of a claim in a language; without cues, each content word is a group."""
    cues = claim.get("cues", {}).get(language)
    if cues:
        return cues
    words = [w for w in (claim["text"][a:b] for a, b in word_spans(claim["text"], language)) if len(w) > 3]
    return {w.casefold(): [w] for w in words}


def _group_matcher(claim: dict, language: str) -> tuple[PhraseMatcher, int]:
    """One matcher whose keys are the claim's cue groups in ``language``, and the group count."""
    groups = _claim_groups(claim, language)
    return PhraseMatcher([(g, "*", w) for g, words in groups.items() for w in words]), len(groups)


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


CLAIM_EVIDENCE_COLUMNS = ["doc_id", "outlet", "language", "claim_id", "sentence_id", "start", "end",
                          "sentence", "coverage", "groups", *CUE_KINDS, "related", "quoted", "voice",
                          "role"]


def claim_sentences(sentences: pd.DataFrame, claims: list[dict], cues: dict | None = None,
                    quotes: pd.DataFrame | None = None, related_min: float = 0.5,
                    assert_min: float = 1.0) -> pd.DataFrame:
    """Claim-related sentences of every document, each with its cues and role.

    In: ``sentences`` (table ``sentences``); claims from :func:`load_claims`; ``cues`` language ->
    kind -> phrases (default: every language's resources, :func:`load_cues`); optional ``quotes``
    (``doc_id``, ``kind``, ``start``, ``end``). Out: table ``claim_evidence``: one row per
    (document, claim, sentence) whose coverage reaches ``related_min``, or that covers part of the
    claim and holds a refutation cue (a denial by anaphora: "the NRF denied it"). Cues are read on
    the author's voice (quotations blanked) when quotes are given. A language without resources
    gets no cue matches. Cost: one fold and a few Aho-Corasick scans per sentence and claim.
    """
    check_table(sentences, "sentences", "claim_sentences")
    if quotes is not None:
        check_table(quotes, "quotes", "claim_sentences", ["doc_id", "kind", "start", "end"])
    cues = load_cues() if cues is None else cues
    spans_of = quote_spans(sentences, quotes)
    voice = voice_note(quotes)
    groups_of = {(c["id"], lang): _group_matcher(c, lang) for c in claims for lang in c["languages"]}
    cue_of = {lang: {k: list_matcher(kinds.get(k, ())) for k in CUE_KINDS} for lang, kinds in cues.items()}
    no_cues = {k: list_matcher(()) for k in CUE_KINDS}
    rows = []
    for s in row_tuples(sentences):
        folded = None
        for claim in claims:
            if s.language not in claim["languages"]:
                continue
            folded = folded or FoldedText.of(s.sentence)
            matcher, n_groups = groups_of[(claim["id"], s.language)]
            covered = list(dict.fromkeys(k for m in matcher.find(folded, "*") for k in m.keys))
            if not covered:
                continue
            covered.sort(key=list(_claim_groups(claim, s.language)).index)
            coverage = len(covered) / n_groups
            spans = spans_of.get((s.doc_id, s.sentence_id), [])
            author = FoldedText.of(blank(s.sentence, spans)) if spans else folded
            kinds = cue_of.get(s.language, no_cues)
            found = {k: sorted({m.key for m in kinds[k].find(author, "*")}) for k in CUE_KINDS}
            # Below related_min, only a denial keeps a sentence ("the NRF denied it"); a bare
            # negator ("Afghanistan and Israel have never had relations") denies nothing of the claim.
            if coverage < related_min and not set(found["refutation"]) - set(found["negation"]):
                continue
            rows.append({"doc_id": s.doc_id, "outlet": s.outlet, "language": s.language,
                         "claim_id": claim["id"], "sentence_id": s.sentence_id, "start": s.start,
                         "end": s.end, "sentence": s.sentence, "coverage": round(coverage, 4),
                         "groups": ";".join(covered), **{k: ";".join(v) for k, v in found.items()},
                         "related": coverage >= related_min, "quoted": bool(spans), "voice": voice,
                         "role": _role(found, bool(spans), coverage, assert_min)})
    return pd.DataFrame(rows, columns=CLAIM_EVIDENCE_COLUMNS)


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


CLAIM_STANCE_COLUMNS = ["doc_id", "outlet", "claim_id", "label", "confidence", "n_related",
                        "evidence", "voice"]


def claim_stance(corpus: pd.DataFrame, evidence: pd.DataFrame, claims: list[dict]) -> pd.DataFrame:
    """One FNC-1 label per document and claim, with confidence and evidence sentences.

    In: ``corpus`` (``doc_id``, ``outlet``, ``language``), ``evidence`` from
    :func:`claim_sentences`, the claims. Out: table ``claim_stance``.
    """
    check_table(evidence, "claim_evidence", "claim_stance")
    by_key = {key: ev.sort_values("sentence_id") for key, ev in evidence.groupby(["doc_id", "claim_id"])}
    empty = evidence.iloc[0:0]
    rows = []
    for doc in row_tuples(corpus):
        for claim in claims:
            if doc.language not in claim["languages"]:
                continue
            ev = by_key.get((doc.doc_id, claim["id"]), empty)
            label, confidence = label_claim(ev["role"]) if ev["related"].any() else ("unrelated", 1.0)
            rows.append({"doc_id": doc.doc_id, "outlet": doc.outlet, "claim_id": claim["id"],
                         "label": label, "confidence": round(confidence, 4), "n_related": len(ev),
                         "evidence": " | ".join(f"[{r.role}] {r.sentence}" for r in ev.itertuples()),
                         "voice": ev["voice"].iloc[0] if len(ev) else ""})
    return pd.DataFrame(rows, columns=CLAIM_STANCE_COLUMNS)
