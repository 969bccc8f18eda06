"""Is every per-document stage linear in the length of one article? (issue 15, item 4)

Times the shipped public functions on ONE article of 0.1, 1, 4 and 16 MB (the five seed articles
repeated, so real sentences, quotations, names and loaded terms) and on adversarial texts (every
mark a quotation mark, every word a reporting verb, ``'"a" said ' * N``), and prints per stage and
size the seconds and the seconds per MB with its ratio to the smallest size: about 1 for a linear
stage, growing with the size (×10, ×40, ×160) for a quadratic one.

Each measurement runs in a forked child: a stage that runs past ``--cap`` seconds is stopped
there, and a stage whose next size is predicted (from its growth so far) to take longer than the
cap is not run at it, so the benchmark always finishes; a stopped or skipped size means that stage
is not linear. Nothing is asserted: the numbers are for whoever fixes the quadratic stages.

Usage: .venv/bin/python benchmarks/bench_linear.py [--sizes 0.1,1,4,16] [--cap 60]
       [--stages extract_quotes,match_terms] [--adversarial-sizes 0.01,0.1,1]
"""
from __future__ import annotations

import argparse
import math
import multiprocessing
import tempfile
import time
from pathlib import Path

import pandas as pd

import analysis as fl

MB = 1_000_000


def seed_article(size: float) -> str:
    """About ``size`` MB of real news text: the English seed articles, paragraph by paragraph,
    repeated until the size is reached."""
    seeds = fl.analysed(fl.load_documents(fl.SEEDS))
    text = "\n".join(seeds.loc[seeds["language"] == "en", "text"])
    copies = int(size * MB // len(text.encode())) + 1
    return "\n".join([text] * copies)[: int(size * MB)]


ADVERSARIAL = {  # name: (repeated unit, language)
    "every mark a quote": ('" ', "en"),
    "every word a verb": ("said ", "en"),
    '"a" said': ('"a" said ', "en"),
    "« a » dit": ("« a » dit ", "fr"),
}


def adversarial_article(unit: str, size: float) -> str:
    return unit * max(1, int(size * MB) // len(unit.encode()))


def corpus_of(text: str, language: str = "en") -> pd.DataFrame:
    return pd.DataFrame([{"doc_id": "big", "outlet": "Outlet", "language": language,
                          "published": "2023-10-04", "url": "unknown", "title": "unknown",
                          "text": text, "furniture": "", "translation": "", "translation_by": "",
                          "n_words": fl.count_words(text, language), "notes": ""}])


def stages() -> dict:
    """Stage name → function of (corpus, prepared inputs); each calls shipped public functions."""
    lexicon = fl.load_lexicons()
    targets = fl.load_targets(fl.SEEDS / "story" / "targets.yaml")
    claims = fl.load_claims(fl.SEEDS / "story" / "claims.yaml")
    cues = fl.load_cues(fl.DATA / "stance_cues.yaml")
    return {
        "load_documents": lambda c, p: fl.load_documents(p["folder"]),
        "fold_text": lambda c, p: fl.fold_text(c["text"].iloc[0]),
        "count_words": lambda c, p: fl.count_words(c["text"].iloc[0]),
        "split_corpus_sentences": lambda c, p: fl.split_corpus_sentences(c),
        "match_terms": lambda c, p: fl.match_terms(c, lexicon),
        "extract_quotes": lambda c, p: fl.extract_quotes(c),
        "quote_warnings": lambda c, p: fl.quote_warnings(c),
        "find_mentions": lambda c, p: fl.find_mentions(p["sentences"], targets),
        "claim_sentences": lambda c, p: fl.claim_sentences(p["sentences"], claims, cues),
        "hedge_devices": lambda c, p: fl.hedge_devices(p["sentences"], c, cues),
        "find_sources": lambda c, p: fl.find_sources(c, p["sentences"]),
        "score_keyness": lambda c, p: fl.score_keyness(c),
    }


def prepare(corpus: pd.DataFrame, folder: Path) -> dict:
    """Untimed inputs some stages need: the sentences table and the article as a corpus folder."""
    (folder / "big.txt").write_text(corpus["text"].iloc[0], encoding="utf-8")
    (folder / "metadata.csv").write_text("doc_id,file,outlet,language,published,url,title\n"
                                         f"big,big.txt,Outlet,{corpus['language'].iloc[0]},"
                                         "2023-10-04,,\n", encoding="utf-8")
    return {"sentences": fl.split_corpus_sentences(corpus), "folder": folder}


def run(kind: str, texts: dict[float, str], selected: dict, cap: float,
        language: str = "en") -> list[dict]:
    """Time every selected stage on each text, smallest first. A stage predicted to exceed
    ``cap`` is not run at that size; one that does exceed it is stopped there (it runs in a
    forked child) and not run at larger sizes."""
    rows, history, stopped = [], {name: [] for name in selected}, set()
    for size, text in texts.items():
        corpus = corpus_of(text, language)
        with tempfile.TemporaryDirectory() as tmp:
            prepared = prepare(corpus, Path(tmp))
            for name, stage in selected.items():
                done = history[name]
                note = ("skipped: stopped at a smaller size" if name in stopped else
                        f"skipped: predicted {_predicted(done, size):.0f} s"
                        if done and _predicted(done, size) > cap else "")
                seconds = None if note else _timed(stage, corpus, prepared, cap)
                if not note and seconds is None:
                    stopped.add(name)
                    note = f"stopped after {cap:.0f} s"
                if note:
                    rows.append({"input": kind, "stage": name, "MB": size, "seconds": None,
                                 "s_per_MB": None, "ratio": None, "note": note})
                    print(f"{kind:>20} {name:>22} {size:>6} MB  {note}", flush=True)
                    continue
                done.append((size, seconds))
                per_mb = seconds / size
                ratio = per_mb / (done[0][1] / done[0][0]) if done[0][1] > 0 else float("nan")
                rows.append({"input": kind, "stage": name, "MB": size, "seconds": seconds,
                             "s_per_MB": per_mb, "ratio": ratio, "note": ""})
                print(f"{kind:>20} {name:>22} {size:>6} MB  {seconds:8.2f} s  "
                      f"{per_mb:8.2f} s/MB  ×{ratio:5.1f}", flush=True)
    return rows


def _timed(stage, corpus: pd.DataFrame, prepared: dict, cap: float) -> float | None:
    """Seconds ``stage`` takes, measured in a forked child (which inherits the inputs); None
    when it runs past ``cap`` seconds and is killed."""
    receive, send = multiprocessing.Pipe(duplex=False)

    def child() -> None:
        started = time.perf_counter()
        stage(corpus, prepared)
        send.send(time.perf_counter() - started)

    process = multiprocessing.get_context("fork").Process(target=child)
    process.start()
    ready = receive.poll(cap)
    seconds = receive.recv() if ready else None
    if process.is_alive():
        process.kill()
    process.join()
    return seconds


def _predicted(done: list[tuple[float, float]], size: float) -> float:
    """Seconds at ``size`` extrapolated with the growth exponent seen so far (at least 1)."""
    (s0, t0), (s1, t1) = (done[-2] if len(done) > 1 else done[-1]), done[-1]
    exponent = 1.0
    if len(done) > 1 and t0 > 0.05 and s1 > s0:
        exponent = max(1.0, math.log(max(t1, 1e-9) / t0) / math.log(s1 / s0))
    return t1 * (size / s1) ** exponent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.1,1,4,16", help="article sizes in MB")
    parser.add_argument("--adversarial-sizes", default="0.01,0.1,1",
                        help="adversarial text sizes in MB")
    parser.add_argument("--cap", type=float, default=60.0, help="seconds a stage may take")
    parser.add_argument("--stages", default="", help="comma-separated stage names (default all)")
    args = parser.parse_args()
    every = stages()
    wanted = [s for s in args.stages.split(",") if s] or list(every)
    selected = {name: every[name] for name in wanted}
    sizes = [float(s) for s in args.sizes.split(",")]
    rows = run("seed articles", {s: seed_article(s) for s in sizes}, selected, args.cap)
    for kind, (unit, language) in ADVERSARIAL.items():
        texts = {s: adversarial_article(unit, s) for s in map(float, args.adversarial_sizes.split(","))}
        rows += run(kind, texts, selected, args.cap, language)
    print_tables(pd.DataFrame(rows))


def print_tables(table: pd.DataFrame) -> None:
    """One table per input: seconds per stage and size, with the s/MB ratio to the smallest."""
    print("\nseconds (ratio of s/MB to the smallest size: ~1 is linear, ~size ratio is quadratic)")
    cells = [n if s is None or s != s else f"{s:.2f} (×{r:.1f})"
             for s, r, n in zip(table["seconds"], table["ratio"], table["note"])]
    table = table.assign(cell=cells)
    for kind, part in table.groupby("input", sort=False):
        print(f"\n{kind} (MB)")
        print(part.pivot_table(index="stage", columns="MB", values="cell", aggfunc="first",
                               sort=False).to_string())


if __name__ == "__main__":
    main()
