"""Stable, safe element ids for the rows of report tables, so a summary cell links to the one row
behind it (``04_stance_and_framing.html#target-stance-al-mayadeen-massoud-nrf-3f2a9c``).

Outlet names and targets come from the corpus and are untrusted: an id keeps only ``a-z``, ``0-9``
and hyphens of them (so it needs no escaping in HTML or in a URL), plus a digest of the exact
keys, so two names that slug alike ("Al Mayadeen", "al-mayadeen") still get distinct ids. The
summary and the detail page compute the same id from the same keys.
"""
from __future__ import annotations

import hashlib
import re

import pandas as pd

SLUG_CHARS = 40  # characters of the readable part of an id


def row_id(table: str, *keys) -> str:
    """``<table>-<slug of the keys>-<6 hex digits of their digest>``, e.g.
    ``row_id("claim-stance", "Al Mayadeen")`` -> ``claim-stance-al-mayadeen-<digest>``."""
    text = "\x1f".join(str(k) for k in keys)
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:SLUG_CHARS].strip("-")
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]
    return f"{re.sub(r'[^a-z0-9-]+', '-', table.casefold())}-{slug or 'x'}-{digest}"


def row_ids(rows: pd.DataFrame, table: str, keys: list[str], first: bool = False) -> list[str]:
    """One id per row of ``rows`` (in order) from its ``keys`` columns; with ``first``, only the
    first row of each key value gets one (the others "": no id), e.g. an outlet's first document
    of a per-document table, which a per-outlet summary cell links to."""
    values = list(rows[keys].itertuples(index=False, name=None))
    seen: set = set()
    ids = []
    for value in values:
        ids.append("" if first and value in seen else row_id(table, *value))
        seen.add(value)
    return ids
