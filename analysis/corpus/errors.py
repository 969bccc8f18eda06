"""What every corpus reader shares: the corpus-level error and the per-document size limit."""
from __future__ import annotations

import os

MAX_DOCUMENT_SIZE = 32_000_000  # characters of text (bytes for a file); far above any news article
MAX_SIZE_VARIABLE = "FRAMELAB_MAX_SIZE"  # set by `python -m analysis report --max-size`


class CorpusError(ValueError):
    """A corpus that cannot be read at all (no such path, no metadata, unreadable layout or
    header)."""


def default_max_size() -> int:
    """The per-document size limit: ``FRAMELAB_MAX_SIZE`` when set (so the command line reaches
    the notebooks' kernels), else ``MAX_DOCUMENT_SIZE``."""
    value = os.environ.get(MAX_SIZE_VARIABLE, "").strip()
    if not value:
        return MAX_DOCUMENT_SIZE
    if not value.isdigit() or int(value) < 1:
        raise CorpusError(f"{MAX_SIZE_VARIABLE}={value!r}: give a positive whole number of bytes")
    return int(value)
