"""The story kit (``python -m analysis init-story``) on a synthetic corpus: wall time and its stages.

Usage: .venv/bin/python benchmarks/bench_story_kit.py [--size 1000] [--outlets 5]

Builds ``--size`` articles from FNC-1 bodies (``bench_report.synthetic_corpus``, spread over
``--outlets`` made-up outlets), writes them as one CSV corpus, runs ``init-story`` in a fresh
process (wall time with imports and loading, peak resident memory), then times the kit's stages
in this process on the same articles (entity names, alias merging and ranking, claim proposals,
keyness). The numbers are for the machine it runs on (2 shared cores here).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import analysis as fl  # noqa: E402
from analysis.entities import _with_titles  # noqa: E402
from bench_report import PeakMemory, synthetic_corpus  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--outlets", type=int, default=5)
    args = parser.parse_args()
    corpus = synthetic_corpus(args.size)
    corpus["outlet"] = [f"Outlet {i % args.outlets:03d}" for i in range(len(corpus))]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.csv"
        corpus.to_csv(path, index=False)
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "analysis", "init-story", str(path), "--out",
                                    str(Path(tmp) / "kit")], cwd=ROOT, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True)
        memory = PeakMemory(process.pid)
        output, _ = process.communicate()
        wall, peak = time.perf_counter() - started, memory.stop()
        ok = (Path(tmp) / "kit" / "targets.yaml").is_file()
        print(f"init-story on {args.size} articles, {args.outlets} outlets: {wall:.1f} s wall clock, "
              f"{peak / 1e6:.0f} MB peak, {'ok' if ok else 'FAILED: ' + output[-500:]}")
        articles = fl.analysed(fl.load_documents(path))
    timings = {}

    def timed(name, function, *a, **k):
        begun = time.perf_counter()
        result = function(*a, **k)
        timings[name] = time.perf_counter() - begun
        return result

    names = timed("entity names", fl.find_names, _with_titles(articles))
    timed("alias merging", fl.canonical_names, names)
    timed("discover_entities (all)", fl.discover_entities, articles, top_n=15)
    timed("claim proposals", fl.propose_claims, articles, top_n=5)
    timed("keyness", fl.score_keyness, articles, min_count=2)
    for stage, seconds in timings.items():
        print(f"  {stage:<26} {seconds:6.2f} s  ({1000 * seconds / len(articles):.1f} ms per article)")


if __name__ == "__main__":
    main()
