"""Per-document work done once per run and shared by the notebooks: a Parquet cache.

Loading the corpus and splitting it into sentences are the costliest steps every notebook needs.
The first notebook that needs one computes it and writes ``reports/cache/NAME-KEY.parquet``; the
others read it. The key is a fingerprint of the inputs (the corpus files' names, sizes and times,
or the corpus table's contents) and of the code (every module of ``analysis`` and every language
resource), so a changed corpus, rule or word list is never served from an old cache. Writes go
to a temporary file renamed into place, so two notebooks racing on one stage never read half a
file. The cache is disposable: delete ``reports/cache`` at will.

Document-local stages (sentences, loaded terms, quotations) go through :func:`document_stage`:
in this process, chunk by chunk with a progress line after each (:mod:`analysis.progress`), or,
given a ``dask.distributed`` scheduler address, on the cluster's workers, each reading its own
partition of the corpus written once as Parquet under the cache (:mod:`analysis.scale`). Either
way the result equals one call on the whole corpus, row for row.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import time
from functools import lru_cache
from pathlib import Path
from typing import Callable

import pandas as pd

from analysis.paths import DATA, reports_dir
from analysis.progress import report_progress

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

    from analysis.corpus import MAX_SIZE_VARIABLE

    key = source_fingerprint(corpus, **options, max_size_variable=os.environ.get(MAX_SIZE_VARIABLE, ""))
    return cached("documents", key, lambda: load_documents(corpus, **options), out)


CHUNK = 500  # documents per progress step in this process
PARTITION = 2000  # documents per Parquet partition on a cluster


def document_stage(name: str, stage: Callable[[pd.DataFrame], pd.DataFrame], articles: pd.DataFrame,
                   out: Path | str | None = None, scheduler: str = "", options: str = "") -> pd.DataFrame:
    """A document-local ``stage`` (corpus table in, occurrence table out, each document's rows
    depending on that document alone) over ``articles``, once per run: cached as ``name``,
    keyed by the whole corpus table, ``options`` (a fingerprint of the stage's other inputs,
    e.g. the lexicon) and the code.

    ``scheduler``: "" runs here in chunks of ``CHUNK`` documents, printing progress; a
    ``dask.distributed`` scheduler address (``tcp://host:8786``) runs it on the workers, each
    reading its partition of the corpus (written once under the cache; workers must see that
    folder). ``stage`` must be picklable (a module-level function or a ``functools.partial``).
    The result equals ``stage(articles)`` with a fresh index, row for row.
    """
    corpus_key = table_fingerprint(articles, list(articles.columns))
    key = hashlib.sha256(f"{corpus_key}|{options}".encode()).hexdigest()[:16]

    def compute() -> pd.DataFrame:
        if scheduler:
            return _on_cluster(name, stage, articles, corpus_key, out, scheduler)
        started, parts = time.perf_counter(), []
        for begin in range(0, max(len(articles), 1), CHUNK):
            parts.append(stage(articles.iloc[begin:begin + CHUNK]))
            report_progress(name, min(begin + CHUNK, len(articles)), len(articles), started)
        return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0].reset_index(drop=True)

    return cached(name, key, compute, out)


def _on_cluster(name: str, stage, articles: pd.DataFrame, corpus_key: str, out, scheduler: str) -> pd.DataFrame:
    """``stage`` on the workers of ``scheduler``, progress reported as partitions finish."""
    from dask import delayed
    from dask.distributed import Client, as_completed

    from analysis.scale import _run_partition, partition_files, write_partitions

    folder = reports_dir(out) / "cache" / f"corpus-{corpus_key}"
    if not partition_files(folder):
        partial = folder.with_name(f".{folder.name}.{os.getpid()}")
        write_partitions(articles, partial, partitions=max(1, -(-len(articles) // PARTITION)))
        try:
            os.replace(partial, folder)
        except OSError:  # another notebook wrote the same partitions first: use those
            shutil.rmtree(partial, ignore_errors=True)
    files = partition_files(folder)
    sizes = [len(pd.read_parquet(f, columns=["doc_id"])) for f in files]
    started, done = time.perf_counter(), 0
    with Client(scheduler) as client:
        futures = client.compute([delayed(_run_partition)(str(f), stage) for f in files])
        position = {f.key: i for i, f in enumerate(futures)}
        results = [None] * len(futures)
        for future in as_completed(futures):
            results[position[future.key]] = future.result()
            done += sizes[position[future.key]]
            report_progress(name, done, len(articles), started)
    return pd.concat(results, ignore_index=True) if results else stage(articles).reset_index(drop=True)


def corpus_sentences(articles: pd.DataFrame, out: Path | str | None = None, scheduler: str = "") -> pd.DataFrame:
    """:func:`analysis.text.split_corpus_sentences` once per run (table ``sentences``)."""
    from analysis.text import split_corpus_sentences

    return document_stage("sentences", split_corpus_sentences, articles, out, scheduler)


def corpus_terms(articles: pd.DataFrame, lexicon: pd.DataFrame, out: Path | str | None = None,
                 scheduler: str = "") -> pd.DataFrame:
    """:func:`analysis.terms.match_terms` once per run (table ``loaded_terms``)."""
    from functools import partial

    from analysis.terms import match_terms

    return document_stage("loaded_terms", partial(match_terms, lexicon=lexicon), articles, out, scheduler,
                          options=table_fingerprint(lexicon, list(lexicon.columns)))


def corpus_quotes(articles: pd.DataFrame, out: Path | str | None = None, scheduler: str = "") -> pd.DataFrame:
    """:func:`analysis.quotes.extract_quotes` once per run (table ``quotes``, every kind)."""
    from analysis.quotes import extract_quotes

    return document_stage("quotes", extract_quotes, articles, out, scheduler)
