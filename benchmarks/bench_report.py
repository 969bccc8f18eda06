"""The whole report at growing corpus sizes: wall time and peak memory per notebook and per stage.

Synthetic corpora are built from FNC-1 bodies (``../shared/datasets/fnc1/train_bodies.csv``):
``n`` articles drawn with replacement (fixed seed), spread over ``2·sqrt(n)`` outlets with
Zipf-like sizes (outlet k gets weight 1/k), 2 % of them French (sentences of the seeds' French
article, resampled). Each size is written as one CSV corpus and run through
``python -m analysis report`` one notebook at a time (so each notebook's peak resident memory is
its own), then through the usual parallel run. Stages are also timed in this process on the same
corpus, so a stage whose time per article grows with the corpus shows in the last column.

Usage::

    python benchmarks/bench_report.py --sizes 5000 10000 20000 40000
    python benchmarks/bench_report.py --sizes 1479 --shape short   # 145 outlets, ~90 words each

Prints one table per measure; the numbers are for the machine it runs on (2 cores here).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import analysis as fl  # noqa: E402

FNC = ROOT.parent / "shared" / "datasets" / "fnc1" / "train_bodies.csv"
NOTEBOOKS = ["01_corpus_overview", "02_loaded_terms", "03_quote_overlap", "04_stance_and_framing", "00_summary"]


def synthetic_corpus(n: int, shape: str = "long", seed: int = 0) -> pd.DataFrame:
    """``n`` articles from FNC-1 bodies (``short``: cut to about 90 words, 145 outlets)."""
    rng = np.random.default_rng(seed)
    bodies = pd.read_csv(FNC)["articleBody"].tolist()
    french = [s for a, b in fl.split_sentences(_seed_french(), "fr") for s in [_seed_french()[a:b]]]
    n_outlets = 145 if shape == "short" else max(3, int(2 * n ** 0.5))
    weights = 1 / np.arange(1, n_outlets + 1)
    outlets = rng.choice(n_outlets, size=n, p=weights / weights.sum())
    rows = []
    for i, outlet in enumerate(outlets):
        if rng.random() < 0.02:
            text, language = "\n".join(rng.choice(french, size=min(8, len(french)), replace=False)), "fr"
        else:
            text, language = bodies[rng.integers(len(bodies))], "en"
        if shape == "short":
            text = " ".join(text.split()[:90])
        rows.append({"doc_id": f"d{i:06d}", "outlet": f"Outlet {outlet:03d}", "language": language,
                     "published": f"2014-{1 + i % 12:02d}-{1 + i % 28:02d}", "url": "", "title": "",
                     "text": text})
    return pd.DataFrame(rows)


def _seed_french() -> str:
    seeds = fl.analysed(fl.load_documents(fl.SEEDS))
    return seeds.loc[seeds["language"] == "fr", "text"].iloc[0]


class PeakMemory:
    """Peak resident memory of the largest process in a process tree, sampled every 0.2 s."""

    def __init__(self, pid: int):
        self.root, self.peak, self._stop = psutil.Process(pid), 0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                processes = [self.root] + self.root.children(recursive=True)
                self.peak = max([self.peak] + [p.memory_info().rss for p in processes if p.is_running()])
            except psutil.Error:
                pass
            time.sleep(0.2)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def run_report(corpus: Path, out: Path, notebooks: list[str] | None = None, jobs: int = 2,
               workers: int = 0) -> tuple[float, int, str]:
    """Wall seconds, peak resident bytes of the largest process, and the runner's output."""
    command = [sys.executable, "-m", "analysis", "report", "--corpus", str(corpus), "--out", str(out),
               "--jobs", str(jobs)] + (["--notebooks", *notebooks] if notebooks else [])
    command += ["--workers", str(workers)] if workers else []
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    memory = PeakMemory(process.pid)
    output, _ = process.communicate()
    return time.perf_counter() - started, memory.stop(), output


def time_stages(corpus_path: Path) -> dict[str, float]:
    """Seconds of each library stage, run in this process on the corpus."""
    timings: dict[str, float] = {}

    def timed(name, function, *args, **kwargs):
        started = time.perf_counter()
        result = function(*args, **kwargs)
        timings[name] = time.perf_counter() - started
        return result

    documents = timed("load", fl.load_documents, corpus_path)
    articles = fl.analysed(documents)
    sentences = timed("sentences", fl.split_corpus_sentences, articles)
    lexicon = fl.story_lexicon(fl.find_story(fl.SEEDS), articles["language"])
    terms = timed("loaded terms", fl.match_terms, articles, lexicon)
    timed("keyness", fl.score_keyness, articles)
    quotes = timed("quotations", fl.extract_quotes, articles)
    grouped = timed("quote groups", fl.group_quotes, quotes)
    timed("quote overlap + fidelity", lambda: (fl.quote_overlap(grouped), fl.compare_quote_versions(grouped)))
    claims, targets = fl.load_claims(fl.SEEDS / "story" / "claims.yaml"), fl.load_targets(fl.SEEDS / "story" / "targets.yaml")
    evidence = timed("claim stance", fl.claim_sentences, sentences, claims, quotes=quotes)
    timed("claim labels", lambda: fl.claim_stance(articles, evidence, claims))
    mentions = timed("mentions", fl.find_mentions, sentences, targets)
    timed("target stance", lambda: fl.target_stance(fl.target_evidence(
        articles, targets, fl.load_lexicons(fl.SEEDS / "story" / "lexicons"), quotes, loaded_terms=terms,
        sentences=sentences, mentions=mentions)))  # as notebook 04 calls it
    timed("framing", lambda: (fl.hedge_devices(sentences, articles),
                              fl.attribution_verbs(mentions, quotes=quotes, corpus=articles),
                              fl.sources_cited(fl.find_sources(articles, sentences))))
    return timings


def largest_outputs(out: Path) -> tuple[str, float, str, tuple[int, int]]:
    """The largest table (name, MB) and the largest figure (name, (width, height) in px)."""
    from PIL import Image

    tables = sorted((out / "reports" / "tables").glob("*.csv"), key=lambda p: p.stat().st_size)
    figures = [(p.name, Image.open(p).size) for p in (out / "figures").glob("*.png")]
    figure = max(figures, key=lambda f: max(f[1]), default=("", (0, 0)))
    return (tables[-1].name, tables[-1].stat().st_size / 1e6, figure[0], figure[1]) if tables else ("", 0, *figure)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 10000, 20000, 40000])
    parser.add_argument("--shape", choices=["long", "short"], default="long")
    parser.add_argument("--no-stages", action="store_true", help="skip the in-process stage timings")
    parser.add_argument("--workers", type=int, default=0,
                        help="also run the whole report with --workers N (a dask LocalCluster)")
    args = parser.parse_args()
    rows, stage_rows = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            corpus = Path(tmp) / f"corpus_{n}.csv"
            synthetic_corpus(n, args.shape).to_csv(corpus, index=False)
            out = Path(tmp) / f"out_{n}"
            for notebook in NOTEBOOKS:
                wall, peak, output = run_report(corpus, out, [notebook], jobs=1)
                ok = f"{notebook}: ok" in output
                rows.append({"articles": n, "notebook": notebook, "wall_s": round(wall, 1),
                             "peak_mb": round(peak / 1e6), "ok": ok})
                print(rows[-1], flush=True)
            wall, peak, output = run_report(corpus, Path(tmp) / f"parallel_{n}")
            rows.append({"articles": n, "notebook": "whole report (2 jobs)", "wall_s": round(wall, 1),
                         "peak_mb": round(peak / 1e6), "ok": "notebooks ran" in output})
            print(rows[-1], flush=True)
            if args.workers:
                wall, peak, output = run_report(corpus, Path(tmp) / f"cluster_{n}", workers=args.workers)
                rows.append({"articles": n, "notebook": f"whole report (2 jobs, {args.workers} dask workers)",
                             "wall_s": round(wall, 1), "peak_mb": round(peak / 1e6), "ok": "notebooks ran" in output})
                print(rows[-1], flush=True)
                same = all((Path(tmp) / f"cluster_{n}" / "reports" / "tables" / t.name).read_bytes() == t.read_bytes()
                           for t in (Path(tmp) / f"parallel_{n}" / "reports" / "tables").glob("*.csv"))
                print(f"cluster tables identical to the single run: {same}", flush=True)
            table, mb, figure, size = largest_outputs(Path(tmp) / f"parallel_{n}")
            print(f"largest table: {table} {mb:.1f} MB; largest figure: {figure} {size[0]}x{size[1]} px", flush=True)
            if not args.no_stages:
                for stage, seconds in time_stages(corpus).items():
                    stage_rows.append({"articles": n, "stage": stage, "seconds": round(seconds, 2),
                                       "ms_per_article": round(1000 * seconds / n, 3)})
                    print(stage_rows[-1], flush=True)
    report = pd.DataFrame(rows)
    print("\nper notebook (one at a time) and the whole report:")
    print(report.pivot_table(index="notebook", columns="articles", values=["wall_s", "peak_mb"]).to_string())
    whole = report[report["notebook"] == "whole report (2 jobs)"].set_index("articles")["wall_s"]
    print("\nseconds per 1,000 articles, whole report:",
          {n: round(1000 * s / n, 2) for n, s in whole.items()},
          f"(ratio largest / smallest size: {(whole.iloc[-1] / whole.index[-1]) / (whole.iloc[0] / whole.index[0]):.2f})")
    if stage_rows:
        stages = pd.DataFrame(stage_rows)
        print("\nms per article, per stage (a growing number means worse than linear):")
        print(stages.pivot_table(index="stage", columns="articles", values="ms_per_article", sort=False).to_string())


if __name__ == "__main__":
    main()
