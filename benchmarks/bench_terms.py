"""Loaded-term matching at scale: our matcher beside scikit-learn's CountVectorizer and a plain
per-term regular-expression loop, on the same large corpus built by replicating the seed articles.

    .venv/bin/python benchmarks/bench_terms.py [--articles 50000] [--chunk 5000]

Prints articles/s and MB/s (UTF-8 bytes of article text) for each method, wall-clock and CPU
time (the CPU-time ratio is the target: the machine's cores may be shared), the ratio of our
matcher to the faster baseline (target ≥ 3×), the peak resident memory of the process after our
matcher ran on the whole corpus (target < 2 GB), and whether the counts agree.

What is compared. The three methods do not implement the same rules, so counts are checked where
their behaviour is shared: our matcher with plural rules switched off (``inflect=False``), on the
terms none of whose variants lies inside another term's variant (the baselines count
"occupation" again inside "occupation entity"; ours counts the longest match once). Totals of our
full matcher (plurals on: "rebelles" for "rebelle") are printed beside them, so every difference
is visible.

Our matcher works document by document and the corpus is processed in chunks of ``--chunk``
articles; ``dask.bag.from_sequence(records, npartitions=k).map(lambda r: match_document(r[1],
r[2], matcher))`` would distribute the same per-document function over processes or machines.

Exits 1 if a target is missed or the shared-behaviour counts disagree.
"""
from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from collections import Counter

import pandas as pd
from sklearn.feature_extraction.text import CountVectorizer

import analysis as fl
from analysis.matcher import normalise
from analysis.terms import compile_lexicon, find_terms

SPEED_TARGET = 3.0
MEMORY_TARGET_MB = 2048


def build_corpus(n_articles: int) -> pd.DataFrame:
    """``n_articles`` copies of the seed articles in turn, each with its own doc_id and its own
    string object (so memory is that of a real corpus of that size, not of five shared strings)."""
    seeds = fl.analysed(fl.load_documents(fl.SEEDS))
    rows = []
    for k in range(n_articles):
        doc = seeds.iloc[k % len(seeds)]
        rows.append((f"{doc.doc_id}-{k:06d}", doc.outlet, doc.language, (doc.text + " ")[:-1],
                     doc.n_words))
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "language", "text", "n_words"])


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def timed(function, *args):
    wall, cpu = time.perf_counter(), time.process_time()
    result = function(*args)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def run_ours(corpus: pd.DataFrame, lexicon: pd.DataFrame, chunk: int, inflect: bool = True) -> Counter:
    """Our matcher, chunk by chunk: match, then count per outlet and term (count_terms)."""
    matcher = compile_lexicon(lexicon, inflect=inflect)
    totals: Counter = Counter()
    for start in range(0, len(corpus), chunk):
        part = corpus.iloc[start:start + chunk]
        counts = fl.count_terms(find_terms(part, matcher), part)
        totals.update(counts.groupby("term")["count"].sum().to_dict())
    return totals


def _variant_keys(lexicon: pd.DataFrame) -> dict[tuple[str, str], set[str]]:
    """(term, language) -> the variants as CountVectorizer tokenises them, joined by spaces."""
    analyzer = CountVectorizer(lowercase=True).build_analyzer()
    keys: dict[tuple[str, str], set[str]] = {}
    for row in lexicon.itertuples(index=False):
        key = " ".join(analyzer(row.variant))
        if key:
            keys.setdefault((row.term, row.language), set()).add(key)
    return keys


def run_count_vectorizer(corpus: pd.DataFrame, lexicon: pd.DataFrame) -> Counter:
    """scikit-learn CountVectorizer(vocabulary=variants, ngram_range=(1, longest), lowercase=True);
    a document counts the variants of its own language."""
    keys = _variant_keys(lexicon)
    vocabulary = sorted(set().union(*keys.values()))
    longest = max(len(k.split(" ")) for k in vocabulary)
    column = {k: i for i, k in enumerate(vocabulary)}
    matrix = CountVectorizer(vocabulary=vocabulary, ngram_range=(1, longest),
                             lowercase=True).transform(corpus["text"])
    totals: Counter = Counter()
    languages = corpus["language"].to_numpy()
    for (term, language), forms in keys.items():
        rows = (languages == language).nonzero()[0]
        if len(rows):
            totals[term] += int(matrix[rows][:, [column[f] for f in forms]].sum())
    return totals


def run_regex_loop(corpus: pd.DataFrame, lexicon: pd.DataFrame) -> Counter:
    """One compiled regular expression per term and language (its variants as alternatives,
    longest first, words joined by \\s+, \\b at both ends, IGNORECASE), looped over the
    documents of that language."""
    texts = {lang: part["text"].tolist() for lang, part in corpus.groupby("language")}
    totals: Counter = Counter()
    for (term, language), part in lexicon.groupby(["term", "language"], sort=True):
        if language not in texts:
            continue
        forms = sorted(part["variant"], key=len, reverse=True)
        pattern = re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, f.split()))
                                                 for f in forms) + r")\b", re.IGNORECASE)
        totals[term] += sum(len(pattern.findall(text)) for text in texts[language])
    return totals


def nested_terms(lexicon: pd.DataFrame) -> set[str]:
    """Terms with a variant that occurs, as whole words, inside another term's variant."""
    patterns = [(r.term, r.language, f" {normalise(r.variant)[0].strip()} ")
                for r in lexicon.itertuples(index=False)]
    return {t for t, lang, p in patterns for u, lang2, q in patterns
            if t != u and lang == lang2 and p in q}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--chunk", type=int, default=5_000)
    args = parser.parse_args()

    lexicon = fl.load_lexicons()
    corpus = build_corpus(args.articles)
    megabytes = sum(len(t.encode("utf-8")) for t in corpus["text"]) / 1e6
    print(f"corpus: {len(corpus):,} articles (the {corpus['doc_id'].str[:3].nunique()} seed "
          f"articles replicated), {megabytes:.1f} MB of UTF-8 text; lexicon: "
          f"{lexicon['term'].nunique()} terms, {len(lexicon)} variants")
    print(f"peak memory after building the corpus: {peak_memory_mb():,.0f} MB")

    results = {}
    ours, wall, cpu = timed(run_ours, corpus, lexicon, args.chunk)
    memory = peak_memory_mb()
    results["framelab matcher"] = (ours, wall, cpu)
    print(f"peak memory after our matcher on the whole corpus: {memory:,.0f} MB "
          f"(target < {MEMORY_TARGET_MB:,} MB)")
    results["CountVectorizer"] = timed(run_count_vectorizer, corpus, lexicon)
    results["per-term regex loop"] = timed(run_regex_loop, corpus, lexicon)

    print(f"\n{'method':<22}{'wall s':>9}{'CPU s':>9}{'articles/s':>12}{'MB/s':>8}"
          f"{'articles/s (CPU)':>18}{'MB/s (CPU)':>12}")
    for name, (_, wall, cpu) in results.items():
        print(f"{name:<22}{wall:>9.1f}{cpu:>9.1f}{len(corpus) / wall:>12,.0f}{megabytes / wall:>8.2f}"
              f"{len(corpus) / cpu:>18,.0f}{megabytes / cpu:>12.2f}")
    baselines = {k: v for k, v in results.items() if k != "framelab matcher"}
    fastest = min(baselines, key=lambda k: baselines[k][2])
    ratio_cpu = baselines[fastest][2] / results["framelab matcher"][2]
    ratio_wall = min(v[1] for v in baselines.values()) / results["framelab matcher"][1]
    print(f"\nspeed-up over the faster baseline ({fastest}): {ratio_cpu:.1f}x in CPU time, "
          f"{ratio_wall:.1f}x in wall-clock time (target >= {SPEED_TARGET:.0f}x)")

    plain = run_ours(corpus, lexicon, args.chunk, inflect=False)
    nested = nested_terms(lexicon)
    table = pd.DataFrame({"ours (full rules)": pd.Series(ours),
                          "ours (no plurals)": pd.Series(plain),
                          "CountVectorizer": pd.Series(results["CountVectorizer"][0]),
                          "regex loop": pd.Series(results["per-term regex loop"][0])}
                         ).reindex(sorted(lexicon["term"].unique())).fillna(0).astype(int)
    table["nested"] = table.index.isin(sorted(nested))
    shown = table[(table.drop(columns="nested") != 0).any(axis=1)]
    print("\ncounts per term (terms counted by any method; nested = a variant lies inside "
          "another term's variant):")
    print(shown.to_string())
    shared = table[~table["nested"]]
    disagree = shared[(shared["ours (no plurals)"] != shared["CountVectorizer"])
                      | (shared["ours (no plurals)"] != shared["regex loop"])]
    print(f"\nshared behaviour (no plurals, {len(shared)} non-nested terms): "
          + ("all three agree" if disagree.empty else f"DISAGREE on {', '.join(disagree.index)}"))
    differences = table[table["ours (full rules)"] != table["CountVectorizer"]]
    for term, row in differences.iterrows():
        why = ("nested inside a longer term, counted once by us" if row["nested"]
               else "plural/inflected forms found only by our rules")
        print(f"  {term}: ours {row['ours (full rules)']:,} vs CountVectorizer "
              f"{row['CountVectorizer']:,}, regex {row['regex loop']:,} ({why})")

    failed = []
    if ratio_cpu < SPEED_TARGET:
        failed.append(f"speed {ratio_cpu:.1f}x < {SPEED_TARGET}x")
    if memory >= MEMORY_TARGET_MB:
        failed.append(f"memory {memory:,.0f} MB >= {MEMORY_TARGET_MB} MB")
    if not disagree.empty:
        failed.append("shared-behaviour counts disagree")
    print("\nRESULT: " + ("all targets met" if not failed else "MISSED: " + "; ".join(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
