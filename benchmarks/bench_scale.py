"""Dask on one machine: document-local stages over corpus partitions vs one call.

Builds a corpus by replicating the seed articles (ids varied), runs loaded-term matching and
sentence splitting once in this process and once through ``fl.map_documents`` on Dask's process
scheduler, checks the results are equal and prints wall times and the speed-up. The speed-up is
bounded by the cores (2 on our machines) minus the cost of pickling slices to the workers.
"""
from __future__ import annotations

import argparse
import os
import time
from functools import partial

import pandas as pd

import analysis as fl


def replicated_corpus(copies: int) -> pd.DataFrame:
    seeds = fl.analysed(fl.load_documents(fl.SEEDS))
    corpus = pd.concat([seeds] * copies, ignore_index=True)
    return corpus.assign(doc_id=corpus["doc_id"] + "_" + corpus.index.astype(str))


def timed(run):
    started = time.perf_counter()
    result = run()
    return result, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--partitions", type=int, default=8)
    args = parser.parse_args()
    corpus = replicated_corpus(max(1, args.articles // 5))
    stages = {
        "loaded-term matching": partial(fl.find_terms, lexicon=fl.compile_lexicon(
            fl.load_lexicons(fl.SEEDS / "story" / "lexicons"))),
        "sentence splitting": fl.split_corpus_sentences,
    }
    print(f"{len(corpus):,} articles, {args.partitions} partitions, {os.cpu_count()} cores")
    ok = True
    for name, stage in stages.items():
        one, t_one = timed(lambda: stage(corpus).reset_index(drop=True))
        dask, t_dask = timed(lambda: fl.map_documents(corpus, stage, args.partitions))
        equal = one.equals(dask)
        ok &= equal
        print(f"{name:22s} one call {t_one:6.1f} s   Dask processes {t_dask:6.1f} s   "
              f"speed-up {t_one / t_dask:4.2f}x   results equal: {equal}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
