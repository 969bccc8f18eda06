"""Corpus loading: every input document analysed or listed as skipped with its reason.

Stages: :mod:`~analysis.corpus.loading` (the layouts, one documents table), :mod:`~analysis.corpus.decoding`
(bytes to text), :mod:`~analysis.corpus.records` (CSV and JSONL record by record),
:mod:`~analysis.corpus.furniture` (page furniture rules), :mod:`~analysis.corpus.errors`.
"""
from analysis.corpus.decoding import decode_text
from analysis.corpus.errors import (
    MAX_DOCUMENT_SIZE,
    MAX_SIZE_VARIABLE,
    CorpusError,
    default_max_size,
)
from analysis.corpus.furniture import FurnitureRule, load_furniture_rules, split_furniture
from analysis.corpus.loading import (
    DOCUMENT_COLUMNS,
    METADATA_COLUMNS,
    REQUIRED,
    UNKNOWN,
    Source,
    analysed,
    documents_table,
    furniture_lines,
    load_documents,
    summarise_outlets,
)
from analysis.corpus.records import TableRow, read_csv_rows, read_jsonl_rows

__all__ = ["decode_text", "MAX_DOCUMENT_SIZE", "MAX_SIZE_VARIABLE", "CorpusError", "default_max_size",
           "FurnitureRule", "load_furniture_rules", "split_furniture", "DOCUMENT_COLUMNS", "METADATA_COLUMNS",
           "REQUIRED", "UNKNOWN", "Source", "analysed", "documents_table", "furniture_lines", "load_documents",
           "summarise_outlets", "TableRow", "read_csv_rows", "read_jsonl_rows"]
