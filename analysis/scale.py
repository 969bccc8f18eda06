"""Run a per-document stage over a large corpus with Dask, on one machine or a cluster.

Every stage whose output for a document depends on that document alone (sentences, loaded-term
matches, quotation extraction) is a pure function from a corpus table to an occurrence table, so
it distributes as it is: split the corpus into partitions, map the function, concatenate. Dask
does the scheduling (local processes by default; a ``dask.distributed`` Client's scheduler when
one machine is outgrown); nothing here is a home-made engine. Stages that compare documents
(quote grouping, keyness) run afterwards on the concatenated occurrence tables.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import dask
import dask.bag as db
from dask import delayed
import numpy as np
import pandas as pd


def map_documents(corpus: pd.DataFrame, stage: Callable[[pd.DataFrame], pd.DataFrame],
                  partitions: int = 8, scheduler: str | object = "processes") -> pd.DataFrame:
    """Apply ``stage`` to ``partitions`` slices of ``corpus`` with Dask; concatenate the results.

    ``stage`` takes and returns a DataFrame and must be document-local (e.g. ``split_corpus_
    sentences``, ``functools.partial(find_terms, lexicon=matcher)``, ``extract_quotes``); it must
    be picklable for the process scheduler (a module-level function or a partial of one).
    ``scheduler`` is a Dask scheduler name (``processes``, ``threads``, ``synchronous``) or a
    distributed Client's ``get``. The result equals ``stage(corpus)`` row for row, in corpus
    order. Cost: one pickled copy of each slice per worker; memory holds one slice per worker
    plus the results.
    """
    slices = [corpus.iloc[idx] for idx in np.array_split(np.arange(len(corpus)), max(1, partitions))
              if len(idx)]
    if not slices:
        return stage(corpus)
    results = db.from_sequence(slices, npartitions=len(slices)).map(stage).compute(scheduler=scheduler)
    return pd.concat(results, ignore_index=True)


def write_partitions(corpus: pd.DataFrame, folder: Path | str, partitions: int = 8) -> Path:
    """Write a corpus table as partitioned Parquet (``part.N.parquet``, documents in corpus order),
    once, so that cluster workers read their own partitions instead of receiving texts from the
    client. Written by pandas, so a worker reads back exactly the table a single process holds
    (same dtypes, same missing values). Returns the folder."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    table = corpus.reset_index(drop=True)
    for i, idx in enumerate(np.array_split(np.arange(len(table)), max(1, min(partitions, len(table) or 1)))):
        table.iloc[idx].to_parquet(folder / f"part.{i}.parquet", index=False)
    return folder


def partition_files(folder: Path | str) -> list[Path]:
    """The ``part.N.parquet`` files of a partitioned corpus, in corpus order (N numerically)."""
    return sorted(Path(folder).glob("part.*.parquet"), key=lambda p: int(p.stem.split(".")[1]))


def _run_partition(file: str, stage: Callable[[pd.DataFrame], pd.DataFrame]) -> pd.DataFrame:
    return stage(pd.read_parquet(file))


def map_partitions(folder: Path | str, stage: Callable[[pd.DataFrame], pd.DataFrame],
                   meta: pd.DataFrame | None = None, client=None) -> pd.DataFrame:
    """Run a document-local ``stage`` where the data is: each worker reads its partition of the
    Parquet corpus at ``folder`` and applies ``stage``; the results come back concatenated in
    corpus order, equal row for row to ``stage`` on the whole corpus.

    ``meta``: the result for a folder without partitions (default: an empty table).
    ``client``: a ``dask.distributed.Client`` (a ``LocalCluster`` or a remote scheduler,
    ``Client("tcp://host:8786")``); None runs in this process. Workers must see ``folder`` (a
    shared file system) and have ``analysis`` installed; only the file name and the (picklable)
    stage travel to them, and only the results travel back.
    """
    tasks = [delayed(_run_partition)(str(f), stage) for f in partition_files(folder)]
    if not tasks:
        return meta if meta is not None else pd.DataFrame()
    results = client.gather(client.compute(tasks)) if client is not None else dask.compute(
        *tasks, scheduler="synchronous")
    return pd.concat(results, ignore_index=True)
