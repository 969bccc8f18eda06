"""Framelab: how news outlets frame the same story, with evidence.

Public functions of every pipeline stage are re-exported here, so notebooks write
``import analysis as fl`` and call ``fl.load_documents(...)``.
"""
from analysis.corpus import (
    CorpusError,
    analysed,
    documents_table,
    furniture_lines,
    load_documents,
    load_furniture_rules,
    split_furniture,
    summarise_outlets,
)
from analysis.figures import (
    MAX_ITEMS,
    apply_style,
    outlet_colors,
    plot_document_lengths,
    plot_keyness,
    plot_publication_dates,
    plot_term_rates,
    plot_quote_overlap,
    plot_quote_presence,
    plot_scare_quotes,
    plot_speakers,
    plot_framing_rates,
    plot_naming_matrix,
    plot_source_graph,
    plot_target_stance,
    plot_claim_stance,
    save_figure,
    write_table,
)
from analysis.notebook import check_parameters
from analysis.paths import DATA, ROOT, SEEDS, figures_dir, reports_dir, tables_dir
from analysis.text import (
    count_words,
    fold_text,
    keyword_in_context,
    locate_sentences,
    original_span,
    split_corpus_sentences,
    split_sentences,
    tokenize_words,
    word_spans,
)
from analysis.languages import (
    LanguageResourceError,
    available_languages,
    language_resources,
    languages_table,
    load_cues,
    resource_lexicon,
    resources_note,
)
from analysis.lexicons import LexiconError, lexicon_files, load_lexicons, read_lexicon
from analysis.marks import scan_quote_marks
from analysis.matcher import FoldedText, PhraseMatcher, list_matcher
from analysis.schemas import SchemaError, TABLES, check_table, empty_table, read_table
from analysis.terms import TermMatcher, compile_lexicon, count_terms, find_terms, match_document, match_terms
from analysis.keyness import count_ngrams, load_stopwords, log_likelihood, log_odds_dirichlet, score_keyness, top_keyness
from analysis.quotes import (
    all_pairs_matches,
    cluster_token_sequences,
    compare_quote_versions,
    count_scare_quotes,
    count_speakers,
    extract_quotes,
    extract_translated_quotes,
    group_quotes,
    quote_overlap,
    quote_similarity,
    quote_tokens,
    quote_warnings,
    summarise_quote_groups,
)
from analysis.stance import (
    StanceDataError,
    agree_with_gold,
    agreement,
    agreement_table,
    bootstrap_interval,
    claim_sentences,
    claim_stance,
    disagreements,
    document_stance,
    english_pivot,
    evidence_table,
    find_mentions,
    label_claim,
    load_claims,
    load_gold,
    load_neutral_words,
    load_targets,
    sentence_sentiment,
    target_evidence,
    target_sentences,
    target_stance,
)
from analysis.framing import (
    attribution_verbs,
    combine_devices,
    find_sources,
    hedge_devices,
    naming_devices,
    naming_matrix,
    sources_cited,
)
from analysis.summary import SummaryError, load_report_tables, rank_terms, summarise_framing
from analysis.narrative import (
    MissingFigureError,
    describe_claim_stance,
    describe_corpus,
    describe_counts,
    describe_keyness,
    describe_languages,
    describe_quotes,
    describe_term_counts,
    fidelity_html,
    link_report,
    show_saved_figure,
    show_table,
    static_table,
)
from analysis.scale import map_documents, map_partitions, write_partitions
from analysis.stages import corpus_documents, corpus_quotes, corpus_sentences, corpus_terms, document_stage
from analysis.claim_model import ClaimModel
from analysis.claim_labels import ClaimPairsError, label_claims, load_pairs
from analysis.entities import (
    canonical_names,
    discover_entities,
    entity_targets,
    find_named,
    find_names,
    split_title,
)
from analysis.proposals import propose_claims
from analysis.story import (
    Story,
    StoryError,
    check_story,
    find_story,
    gold_disagreements,
    story_claims,
    story_gold,
    story_lexicon,
    story_neutral_words,
    story_problems,
    story_targets,
    story_terms,
)
from analysis.story_kit import story_coverage, write_story_kit
from analysis.anchors import row_id, row_ids
from analysis.outlet_groups import outlet_groups, run_colors
from analysis.summary_page import (
    compact_table,
    describe_framing,
    describe_groups,
    describe_question,
    detail_table,
    labelled_summary,
    show_details,
    show_summary,
    target_labels,
    top_outlets,
)
from analysis.narrative_story import describe_gold, describe_no_claims, describe_not_found, describe_story_html, display
