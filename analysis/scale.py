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

import dask.bag as db
import dask.dataframe as dd
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
    client. Returns the folder."""
    folder = Path(folder)
    dd.from_pandas(corpus.reset_index(drop=True), npartitions=max(1, min(partitions, len(corpus) or 1)),
                   sort=False).to_parquet(folder, write_index=False)
    return folder


def map_partitions(folder: Path | str, stage: Callable[[pd.DataFrame], pd.DataFrame], meta: pd.DataFrame,
                   client=None) -> pd.DataFrame:
    """Run a document-local ``stage`` where the data is: each worker reads its partition of the
    Parquet corpus at ``folder`` and applies ``stage``; the results come back concatenated in
    corpus order, equal row for row to ``stage`` on the whole corpus.

    ``meta``: an empty table with the stage's output columns and types
    (:func:`analysis.schemas.empty_table`). ``client``: a ``dask.distributed.Client`` (a
    ``LocalCluster`` or a remote scheduler, ``Client("tcp://host:8786")``); None runs in this
    process. Workers must see ``folder`` (a shared file system or object store) and have
    ``analysis`` installed.
    """
    corpus = dd.read_parquet(str(folder))
    result = corpus.map_partitions(stage, meta=meta)
    frame = result.compute(**({"scheduler": client} if client is not None else {"scheduler": "synchronous"}))
    return frame.reset_index(drop=True)
