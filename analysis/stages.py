"""Per-document work done once per run and shared by the notebooks: a Parquet cache.

Loading the corpus and splitting it into sentences are the costliest steps every notebook needs.
The first notebook that needs one computes it and writes ``reports/cache/NAME-KEY.parquet``; the
others read it. The key is a fingerprint of the inputs (the corpus files' names, sizes and times,
or the corpus table's contents) and of the code (every module of ``analysis`` and every language
resource), so a changed corpus, rule or word list is never served from an old cache. Writes go
to a temporary file renamed into place, so two notebooks racing on one stage never read half a
file. The cache is disposable: delete ``reports/cache`` at will.
"""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
from typing import Callable

import pandas as pd

from analysis.paths import DATA, reports_dir

PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def code_fingerprint() -> str:
    """Hash of every module of ``analysis`` and every language resource (read once per process)."""
    digest = hashlib.sha256()
    files = sorted(PACKAGE.rglob("*.py")) + sorted((DATA / "languages").rglob("*"))
    for path in files:
        if path.is_file():
            digest.update(str(path.relative_to(path.parents[1])).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def source_fingerprint(path: Path | str, **options) -> str:
    """Hash of a corpus path (every file under it: name, size, modification time) and the
    loader's options."""
    path = Path(path)
    digest = hashlib.sha256(repr(sorted(options.items())).encode())
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for file in files:
        stat = file.stat()
        digest.update(f"{file}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def table_fingerprint(table: pd.DataFrame, columns: list[str]) -> str:
    """Hash of the given columns of a table, row by row (``pd.util.hash_pandas_object``)."""
    hashed = pd.util.hash_pandas_object(table[columns].astype(str), index=False)
    return hashlib.sha256(hashed.to_numpy().tobytes()).hexdigest()[:16]


def cache_path(out: Path | str | None, name: str, key: str) -> Path:
    """Where stage ``name`` with input key ``key`` is cached under output root ``out``."""
    return reports_dir(out) / "cache" / f"{name}-{key}-{code_fingerprint()}.parquet"


def cached(name: str, key: str, compute: Callable[[], pd.DataFrame],
           out: Path | str | None) -> pd.DataFrame:
    """The table stage ``name`` computes for inputs ``key``: read from the cache when present,
    else computed, written (atomically) and returned."""
    path = cache_path(out, name, key)
    if path.exists():
        return pd.read_parquet(path)
    table = compute()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    table.to_parquet(partial, index=False)
    os.replace(partial, path)
    return table


def corpus_documents(corpus: Path | str, out: Path | str | None = None, **options) -> pd.DataFrame:
    """:func:`analysis.corpus.load_documents` once per run: the documents table (analysed and
    skipped), from the cache when the corpus files and the code are unchanged."""
    from analysis.corpus import load_documents

    key = source_fingerprint(corpus, **options)
    return cached("documents", key, lambda: load_documents(corpus, **options), out)


def corpus_sentences(articles: pd.DataFrame, out: Path | str | None = None) -> pd.DataFrame:
    """:func:`analysis.text.split_corpus_sentences` once per run (table ``sentences``)."""
    from analysis.text import split_corpus_sentences

    key = table_fingerprint(articles, ["doc_id", "outlet", "language", "text"])
    return cached("sentences", key, lambda: split_corpus_sentences(articles), out)
