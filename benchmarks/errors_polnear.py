"""Indirect + mixed attribution errors on PolNeAR train, counted by class: where to look next.

Usage: .venv/bin/python benchmarks/errors_polnear.py [--split train] [--show 10] [--data …]

Runs the shipped :func:`analysis.extract_quotes` and, with the benchmark's overlap rule (0.3 of
word tokens), lists the gold indirect / mixed Content spans it misses and its indirect / mixed rows
that match no gold span. Misses are counted by class: short gold span (≤ 3 words: "endorsed
[Cruz]"; a whole-sentence row finds it but is itself a false row), span over several sentences,
sentence already holding another reported row (a second attribution in it), gold span mostly
inside a direct quotation, and the sentence model's probability for the sentence; then by gold
cue. False rows are counted by cue verb (``MODEL`` for the sentence model's rows). The model was
trained on train, so its train errors are fewer than held-out ones (``cv_polnear.py``). Read
train only: dev stays for reporting.
"""
from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import analysis as fl  # noqa: E402
from analysis.datasets import read_polnear  # noqa: E402
from analysis.quotes.sentence_model import sentence_model  # noqa: E402
from analysis.text import split_sentences  # noqa: E402
from eval_polnear import _tokens  # noqa: E402

REPORTED = ["indirect", "mixed"]


def list_errors(split: str, data: str | None, overlap: float = 0.3) -> tuple[list[dict], list[dict]]:
    """(missed gold spans, false rows) of a split, one dict each with its class fields."""
    articles, gold = read_polnear(split, data)
    quotes = fl.extract_quotes(articles)
    model = sentence_model("en")
    missed, false = [], []
    for doc_id, text in articles.set_index("doc_id")["text"].items():
        g = gold[(gold["doc_id"] == doc_id) & gold["kind"].isin(REPORTED)]
        q = quotes[quotes["doc_id"] == doc_id]
        p = q[q["kind"].isin(REPORTED)]
        gold_tokens = [_tokens(text, a, b) for a, b in zip(g["content_start"], g["content_end"])]
        found, quoted = set(), set()
        for r in p.itertuples():
            toks = _tokens(text, r.start, r.end)
            found |= toks
            if not toks or max((len(toks & t) for t in gold_tokens), default=0) < overlap * len(toks):
                false.append(dict(doc_id=doc_id, cue=r.verb or r.cue or "MODEL", text=r.quote_text))
        for r in q[q["kind"] == "direct"].itertuples():
            quoted |= _tokens(text, r.start, r.end)
        sentences = split_sentences(text, "en")
        for r, toks in zip(g.itertuples(), gold_tokens):
            if not toks or len(toks & found) >= overlap * len(toks):
                continue
            inside = [(a, b) for a, b in sentences if a < r.content_end and b > r.content_start]
            around = set().union(*(_tokens(text, a, b) for a, b in inside))
            missed.append(dict(
                doc_id=doc_id, cue=r.cue.casefold(), text=r.content, short=len(toks) <= 3,
                sentences=len(inside), beside_a_row=bool(around & found), in_direct=len(toks & quoted) >= len(toks) / 2,
                probability=max((model.probability(text[a:b]) for a, b in inside), default=0.0) if model else 0.0,
                sentence=" ".join(text[a:b] for a, b in inside)))
    return missed, false


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="train", choices=["train", "dev"])
    parser.add_argument("--data", default=None, help="the polnear folder (default ../shared/datasets/polnear)")
    parser.add_argument("--show", type=int, default=10, help="examples printed per class")
    args = parser.parse_args()
    missed, false = list_errors(args.split, args.data)
    print(f"PolNeAR {args.split}: {len(missed)} gold indirect / mixed spans missed, {len(false)} false rows")
    classes = {"short gold span (≤ 3 words)": lambda m: m["short"],
               "gold span over several sentences": lambda m: m["sentences"] > 1,
               "beside another reported row in its sentence": lambda m: m["beside_a_row"],
               "mostly inside a direct quotation": lambda m: m["in_direct"],
               "sentence model probability < 0.1": lambda m: m["probability"] < 0.1,
               "sentence model probability 0.1-0.3": lambda m: 0.1 <= m["probability"] < 0.3}
    for label, test in classes.items():
        rows = [m for m in missed if test(m)]
        print(f"\n{label}: {len(rows)}")
        for m in rows[:args.show]:
            print(f"   [{m['cue']}] {m['text'][:100]!r}  <  {m['sentence'][:160]!r}")
    print("\nmissed, by gold cue:", collections.Counter(m["cue"] for m in missed).most_common(30))
    print("false rows, by cue:", collections.Counter(f["cue"] for f in false).most_common(30))
    for f in false[:args.show]:
        print(f"   [{f['cue']}] {f['text'][:140]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
