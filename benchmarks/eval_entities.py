"""Entity discovery on BASIL: are each event's annotated main entities among the discovered targets?

Usage: .venv/bin/python benchmarks/eval_entities.py [--data ../shared/datasets/basil] [--top 10]
       [--show 10]

For every BASIL event (three outlets, one story), runs ``discover_entities`` on its three articles
with no configuration and checks each of BASIL's ``main-entities`` against the first ``--top``
discovered entities (``find_named``: equal after folding, or one name's words within the
other's). Prints the share of main entities found, the share of events with all of them found,
and the top 5 of the first ``--show`` events for a reader to judge. The data is never committed.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from analysis.datasets import read_basil  # noqa: E402
from analysis.entities import discover_entities, find_named  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--show", type=int, default=10)
    args = parser.parse_args()
    articles, _ = read_basil(args.data)
    found = total = events_all = named_found = named_total = events_named = 0
    started = time.perf_counter()
    for i, (event, docs) in enumerate(articles.groupby("event", sort=True)):
        entities, aliases = discover_entities(docs, top_n=args.top)
        gold = sorted({e.strip() for v in docs["main_entities"] for e in v.split(";") if e.strip()})
        hits = {g: find_named(g, entities, aliases) for g in gold}
        found += sum(bool(h) for h in hits.values())
        total += len(gold)
        events_all += all(hits.values())
        # a main entity written as a name (capitalised), as opposed to "plaintiffs" or "lawmakers"
        named = {g: h for g, h in hits.items() if g[:1].isupper()}
        named_found += sum(bool(h) for h in named.values())
        named_total += len(named)
        events_named += all(named.values())
        missed = [g for g, h in hits.items() if not h]
        if i < args.show or missed:
            print(f"{event[:8]} {docs['title'].iloc[0][:70]!r}")
            print(f"    top 5: {'; '.join(entities['canonical'].head(5))}")
            print(f"    main entities: {'; '.join(gold)}" + (f"   MISSED: {'; '.join(missed)}" if missed else ""))
    n_events = articles["event"].nunique()
    print(f"\n{n_events} events, top {args.top} discovered entities: {found} of {total} main entities found "
          f"({found / total:.1%}); every main entity found in {events_all} of {n_events} events "
          f"({events_all / n_events:.1%}); of the main entities written as names: {named_found} of "
          f"{named_total} ({named_found / named_total:.1%}), all of them in {events_named} of {n_events} events "
          f"({events_named / n_events:.1%}); {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
