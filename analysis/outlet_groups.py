"""Outlet groups from a metadata column of the corpus (``group_by``: leaning, country, language…),
and the run's outlet colours that follow them: every notebook that draws outlets calls
:func:`run_colors` once, so an outlet (or its group) has one colour in every figure of a run.
"""
from __future__ import annotations

import pandas as pd

from analysis.corpus import DOCUMENT_COLUMNS
from analysis.figures.style import OutletColors, outlet_colors


def outlet_groups(documents: pd.DataFrame, column: str) -> pd.Series:
    """Outlet -> its value of the corpus metadata ``column`` (e.g. ``leaning``), from the
    analysed documents; an outlet whose documents disagree gets their values joined with " / ",
    one without a value "unknown". Raises ``ValueError`` naming the columns the corpus has."""
    if column not in documents.columns:
        extra = [c for c in documents.columns if c not in DOCUMENT_COLUMNS]
        raise ValueError(f"group_by={column!r}: the corpus has no metadata column {column!r}; "
                         f"its extra columns: {', '.join(extra) or 'none'} (add the column to "
                         "metadata.csv, the CSV or the JSON records)")
    rows = documents[documents["status"] == "analysed"]
    return (rows.groupby("outlet")[column]
            .agg(lambda v: " / ".join(sorted(set(v) - {""})) or "unknown").rename("group"))


def run_colors(documents: pd.DataFrame, group_by: str = "") -> OutletColors:
    """The colours of every figure of a run: :func:`~analysis.figures.style.outlet_colors` of the
    analysed documents' outlets, by the groups of the metadata column ``group_by`` when given
    ("" for none). In: the documents table (``outlet``, ``status``, the column)."""
    rows = documents[documents["status"] == "analysed"]
    return outlet_colors(rows["outlet"], outlet_groups(documents, group_by) if group_by else None)
