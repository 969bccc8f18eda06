"""Stance toward claims (FNC-1 labels, per document) and toward targets (favour/against, per
outlet), every label with the sentences behind it.

Stages: :mod:`~analysis.stance.config` (a story's claims and targets), :mod:`~analysis.stance.claims`,
:mod:`~analysis.stance.targets`, :mod:`~analysis.stance.sentiment`, :mod:`~analysis.stance.voice`
(author voice and quoted voice), :mod:`~analysis.stance.evaluation` (agreement with gold).
"""
from analysis.languages import load_cues
from analysis.stance.claims import CUE_KINDS, LABELS, ROLES, claim_sentences, claim_stance, label_claim
from analysis.stance.config import StanceDataError, load_claims, load_neutral_words, load_targets
from analysis.stance.evaluation import (
    GOLD,
    agree_with_gold,
    agreement,
    agreement_table,
    disagreements,
    load_gold,
)
from analysis.stance.sentiment import sentence_sentiment
from analysis.stance.target_tables import (
    bootstrap_interval,
    document_stance,
    evidence_table,
    stance_label,
    target_stance,
)
from analysis.stance.targets import (
    TARGET_LABELS,
    alias_matcher,
    english_pivot,
    find_mentions,
    target_evidence,
    target_sentences,
)

__all__ = ["load_cues", "CUE_KINDS", "LABELS", "ROLES", "claim_sentences", "claim_stance", "label_claim",
           "StanceDataError", "load_claims", "load_neutral_words", "load_targets", "GOLD",
           "agree_with_gold", "agreement", "agreement_table", "disagreements", "load_gold",
           "sentence_sentiment", "TARGET_LABELS", "alias_matcher", "bootstrap_interval",
           "english_pivot", "find_mentions", "target_evidence", "target_sentences", "target_stance",
           "document_stance", "evidence_table", "stance_label"]
