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
    save_figure,
    write_table,
)
from analysis.notebook import (
    check_parameters,
    describe_corpus,
    describe_counts,
    link_report,
    show_table,
)
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
from analysis.lexicons import LexiconError, lexicon_files, load_lexicons, read_lexicon
from analysis.terms import (
    TermMatcher,
    compile_lexicon,
    count_terms,
    describe_term_counts,
    find_terms,
    match_document,
    match_terms,
)
from analysis.keyness import (
    count_ngrams,
    describe_keyness,
    load_stopwords,
    log_likelihood,
    log_odds_dirichlet,
    score_keyness,
    top_keyness,
)
from analysis.quotes import (
    all_pairs_matches,
    cluster_token_sequences,
    compare_quote_versions,
    count_scare_quotes,
    count_speakers,
    extract_quotes,
    extract_translated_quotes,
    fidelity_html,
    group_quotes,
    describe_quotes,
    load_quote_rules,
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
    bootstrap_interval,
    claim_sentences,
    claim_stance,
    find_mentions,
    find_phrases,
    label_claim,
    load_claims,
    load_cues,
    load_gold,
    load_targets,
    load_valence,
    agreement_table,
    describe_claim_stance,
    english_pivot,
    disagreements,
    sentence_sentiment,
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
from analysis.summary import (
    SummaryError,
    describe_framing,
    load_report_tables,
    show_saved_figure,
    summarise_framing,
)
from analysis.scale import map_documents
from analysis.claim_model import ClaimModel
from analysis.claim_labels import ClaimPairsError, label_claims, load_pairs
