"""Quotation extraction and cross-outlet grouping at scale, against an all-pairs baseline.

Builds corpora of 5k … 50k articles by replicating the five seed articles; in copy i of a seed every
paragraph has one word dropped and one word replaced by another word of the same paragraph, at
positions set by i, so versions of a quotation differ the way outlets' copies do (no random words). Prints:
extraction speed (quotes/s), grouping time at several sizes with its ratio to n log n, and on the
5,000-article slice the time of all-pairs verification and the recall of our grouping against it
(pairs the verifier judges the same utterance that our grouping puts in one group).
Targets: recall ≥ 0.95 and grouping time growing no faster than n log n. Exit 1 if missed.

Usage: .venv/bin/python benchmarks/bench_quotes.py [--sizes 5000,10000,20000,50000]
"""
from __future__ import annotations

import argparse
import math
import sys
import time

import pandas as pd

import analysis as fl
from analysis.quotes import all_pairs_matches, cluster_token_sequences, quote_tokens


def vary(text: str, i: int) -> str:
    """Copy ``i`` of an article: in every paragraph, drop one word and replace another with a word
    of the same paragraph, at positions set by ``i`` (copy 0 is the seed itself)."""
    if i == 0:
        return text
    return "\n".join(_vary_line(line, i, n) for n, line in enumerate(text.split("\n")))


def _vary_line(line: str, i: int, n: int) -> str:
    spans = fl.word_spans(line)
    if len(spans) < 3:
        return line
    k = len(spans)
    # i written in base k gives k * k distinct (drop, replace) pairs per paragraph
    drop, replace, donor = (i + n) % k, (i // k + 13 * n) % k, (i // k + i + 7) % k
    pieces, last = [], 0
    for w, (a, b) in enumerate(spans):
        if w == drop:
            pieces.append(line[last:a])
            last = b + (1 if b < len(line) and line[b] == " " else 0)
        elif w == replace:
            pieces.append(line[last:a] + line[spans[donor][0]:spans[donor][1]])
            last = b
    pieces.append(line[last:])
    return "".join(pieces)


def build_corpus(seeds: pd.DataFrame, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        seed = seeds.iloc[i % len(seeds)]
        copy = i // len(seeds)
        rows.append(dict(doc_id=f"{seed['doc_id']}-{copy:05d}", outlet=f"{seed['outlet']} #{copy % 20}",
                         language=seed["language"], text=vary(seed["text"], copy),
                         translation=seed["translation"], translation_by=seed["translation_by"],
                         n_words=seed["n_words"]))
    return pd.DataFrame(rows)


def sequences_of(grouped: pd.DataFrame) -> list[tuple[str, ...]]:
    eligible = grouped[(grouped["kind"] == "direct") & (grouped["depth"] == 0)]
    languages = ["en" if t else lang for t, lang in zip(eligible["via_translation"], eligible["language"])]
    return list(dict.fromkeys(quote_tokens(t, lang) for t, lang in zip(eligible["match_text"], languages)))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="5000,10000,20000,50000")
    parser.add_argument("--slice", type=int, default=5000)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    seeds = fl.analysed(fl.load_documents(fl.SEEDS))
    big = build_corpus(seeds, max(sizes))
    print(f"corpus: {len(big):,} articles replicated from {len(seeds)} seeds, "
          f"{big['text'].str.len().sum() / 1e6:.1f} M characters")

    t0 = time.perf_counter()
    quotes = fl.extract_quotes(big)
    translated = fl.extract_translated_quotes(big, quotes)
    extraction = time.perf_counter() - t0
    n_quotes = len(quotes) + len(translated)
    print(f"extraction: {n_quotes:,} quotations ({len(quotes):,} in texts, {len(translated):,} in "
          f"pivot translations) in {extraction:.1f} s = {n_quotes / extraction:,.0f} quotes/s")

    timings = []
    for size in sizes:
        docs = set(big["doc_id"].iloc[:size])
        q = quotes[quotes["doc_id"].isin(docs)]
        t = translated[translated["doc_id"].isin(docs)]
        t0 = time.perf_counter()
        grouped = fl.group_quotes(q, t)
        elapsed = time.perf_counter() - t0
        direct = int((grouped["group_id"] != "").sum())
        unique = len(sequences_of(grouped))
        timings.append((size, direct, unique, elapsed))
        print(f"grouping {size:>6,} articles: {direct:>7,} direct quotations, {unique:>6,} distinct "
              f"texts, {grouped['group_id'].nunique() - 1:>6,} groups, {elapsed:6.2f} s")
    base_n, _, _, base_t = timings[0]
    print("size      time/time(5k)   (n log n)/(n log n)(5k)   ratio")
    worst = 0.0
    for size, direct, _, elapsed in timings:
        growth = elapsed / base_t
        nlogn = (direct * math.log(direct)) / (timings[0][1] * math.log(timings[0][1]))
        worst = max(worst, growth / nlogn)
        print(f"{size:>6,}    {growth:10.2f}       {nlogn:10.2f}                 {growth / nlogn:.2f}")

    docs = set(big["doc_id"].iloc[:args.slice])
    grouped = fl.group_quotes(quotes[quotes["doc_id"].isin(docs)],
                              translated[translated["doc_id"].isin(docs)])
    sequences = sequences_of(grouped)
    t0 = time.perf_counter()
    labels, checks = cluster_token_sequences(sequences)
    ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    pairs = all_pairs_matches(sequences)
    all_pairs = time.perf_counter() - t0
    n_long = sum(len(s) >= 4 for s in sequences)
    found = sum(labels[i] == labels[j] for i, j in pairs)
    recall = found / len(pairs) if pairs else 1.0
    print(f"{args.slice:,}-article slice, {len(sequences):,} distinct quotation texts: "
          f"our grouping {ours:.2f} s ({checks:,} similarity checks), all-pairs "
          f"{all_pairs:.2f} s ({n_long * (n_long - 1) // 2:,} checks) -> {all_pairs / ours:.1f}x faster")
    print(f"recall vs all-pairs: {found:,} of {len(pairs):,} matching pairs in one group = {recall:.4f}")
    ok = recall >= 0.95 and worst <= 1.25
    print(f"targets: recall >= 0.95 {'met' if recall >= 0.95 else 'MISSED'}; growth / n log n "
          f"<= 1.25 (max {worst:.2f}) {'met' if worst <= 1.25 else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
