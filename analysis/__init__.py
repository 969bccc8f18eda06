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
    plot_publication_dates,
    plot_framing_rates,
    plot_naming_matrix,
    plot_source_graph,
    plot_target_stance,
    save_figure,
    write_table,
)
from analysis.notebook import check_parameters, describe_corpus, describe_counts
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
from analysis.stance import (
    StanceDataError,
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
