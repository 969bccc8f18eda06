"""Quotations: extraction with speakers, scare quotes, grouping across outlets, fidelity.

Stages: :mod:`~analysis.quotes.extraction` (marks to quotations), :mod:`~analysis.quotes.kinds`
(direct or scare), :mod:`~analysis.quotes.speakers`
(verbs and speakers), :mod:`~analysis.quotes.mentions` (who a few words name),
:mod:`~analysis.quotes.names` (how capitalised words make a name),
:mod:`~analysis.quotes.grouping` (versions across outlets, counts),
:mod:`~analysis.quotes.fidelity` (word-level changes); rules per language in
:mod:`~analysis.quotes.rules`.
"""
from analysis.quotes.extraction import extract_quotes, extract_translated_quotes, quote_warnings
from analysis.quotes.fidelity import compare_quote_versions
from analysis.quotes.grouping import (
    all_pairs_matches,
    cluster_token_sequences,
    count_scare_quotes,
    count_speakers,
    group_quotes,
    identify_speakers,
    quote_overlap,
    quote_similarity,
    quote_tokens,
    summarise_quote_groups,
)
from analysis.quotes.rules import QuoteRules, quote_rules

__all__ = ["extract_quotes", "extract_translated_quotes", "quote_warnings", "compare_quote_versions",
           "all_pairs_matches", "cluster_token_sequences", "count_scare_quotes", "count_speakers",
           "group_quotes", "identify_speakers", "quote_overlap", "quote_similarity", "quote_tokens",
           "summarise_quote_groups", "QuoteRules", "quote_rules"]
