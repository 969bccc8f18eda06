"""Figures: one style and one way to save (``style``), and the plots of each stage."""
from analysis.figures.corpus import plot_document_lengths, plot_publication_dates
from analysis.figures.quotes import (
    plot_quote_overlap,
    plot_quote_presence,
    plot_scare_quotes,
    plot_speakers,
)
from analysis.figures.stance import (
    plot_claim_stance,
    plot_framing_rates,
    plot_naming_matrix,
    plot_source_graph,
    plot_target_stance,
)
from analysis.figures.style import (
    FLOAT_FORMAT,
    MAX_ITEMS,
    PALETTE,
    STYLE,
    SavedFigure,
    apply_style,
    outlet_colors,
    save_figure,
    top_items,
    write_table,
)
from analysis.figures.terms import plot_keyness, plot_term_rates

__all__ = ["plot_document_lengths", "plot_publication_dates", "plot_quote_overlap", "plot_quote_presence",
           "plot_scare_quotes", "plot_speakers", "plot_framing_rates", "plot_naming_matrix",
           "plot_source_graph", "plot_claim_stance", "plot_target_stance", "FLOAT_FORMAT", "MAX_ITEMS", "PALETTE", "STYLE",
           "SavedFigure", "apply_style", "outlet_colors", "save_figure", "top_items", "write_table",
           "plot_keyness", "plot_term_rates"]
