"""Entity discovery on BASIL: are each event's annotated main entities among the discovered targets?

Usage: .venv/bin/python benchmarks/eval_entities.py [--data ../shared/datasets/basil] [--top 10]
       [--show 10]

BASIL annotates ``main-entities`` per article (the entities whose author feeling is annotated);
an event's main entities are the union over its three articles (the strict reading: an entity
one outlet's article is about counts), written forms that differ only in case counted once
("Republican Lawmakers" / "Republican lawmakers"). For every event, ``discover_entities`` runs
on its three articles with no configuration and each main entity is looked up among the first
``--top`` discovered entities with ``find_named`` (each name part must be named by an entity:
"Obama administration" -> Obama, "Nebraska and Oklahoma officials" -> Nebraska and Oklahoma; a
surname never stands for someone else's full name). Main entities written wholly in lower case
("police", "plaintiffs") are not names: they count as misses in the headline figures and are
also reported apart.

For every missed entity the reason is printed: ranked too low (the rank it has), merged into
another entity (which), in the text but never taken as a name, or not in the text. Prints the
share of events with all main entities found, the share of main entities found, and the top 5
of the first ``--show`` events for a reader to judge. The data is never committed.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from analysis.datasets import read_basil  # noqa: E402
from analysis.entities import (  # noqa: E402
    _refers_to, _with_titles, canonical_names, discover_entities, find_named, find_names, name_parts, named_in_texts,
)


def main_entities(docs) -> list[str]:
    """The event's main entities, one per case-folded form. Unless the annotated form is in the
    articles as written, a last word that the event's articles write more often in lower case is
    a common noun whatever the annotation's case ("Republican Lawmakers" -> "Republican
    lawmakers"), and one they write capitalised is a name ("Lois lerner" -> "Lois Lerner"); an
    entity the articles write only with every word capitalised is that name ("social security"
    -> "Social Security")."""
    text = " ".join(docs["text"])
    forms: dict[str, str] = {}
    for value in docs["main_entities"]:
        for entity in (e.strip() for e in value.split(";")):
            capitalised = " ".join(w[:1].upper() + w[1:] for w in entity.split())
            if entity not in text and capitalised in text:
                entity = capitalised  # "social security" written "Social Security" throughout
            words = entity.split()
            for k in range(len(words) - 1, 0, -1):
                if entity in text:
                    break
                lower = len(re.findall(r"\b" + re.escape(words[k].lower()) + r"\b", text))
                upper = len(re.findall(r"\b" + re.escape(words[k][:1].upper() + words[k][1:]) + r"\b", text))
                if lower <= upper:
                    words[k] = words[k][:1].upper() + words[k][1:] if upper > lower else words[k]
                    break
                words[k] = words[k].lower()
            if words:
                forms.setdefault(" ".join(words).casefold(), " ".join(words))
    return sorted(forms.values())


def why_missed(part: str, entities, aliases, names, docs, top: int) -> str:
    """Why ``part`` is not among the first ``top`` entities."""
    by_entity = aliases.groupby("entity_id")["alias"].apply(list).to_dict()
    for row in entities.itertuples(index=False):
        if _refers_to(part, row.canonical, by_entity.get(row.entity_id, [])):
            if row.text_mentions == 0:
                return (f"named only in a headline the text does not repeat ({row.canonical!r}, rank {row.rank}): "
                        "no target, the analyses read the texts")
            return (f"ranked too low: rank {row.rank} as {row.canonical!r} ({row.outlets} outlet(s), "
                    f"{row.documents} document(s), {row.mentions} mention(s))")
    written = names[[_refers_to(part, n, []) for n in names["name"]]]
    if len(written):
        into = written["canonical"].value_counts().index[0]
        rank = entities.loc[entities["canonical"] == into, "rank"]
        return f"merged into {into!r} (rank {rank.iloc[0] if len(rank) else '?'})"
    text = " ".join(docs["title"].fillna("") + " " + docs["text"]).casefold()
    if part.casefold() in text:
        return "in the text, never taken as a name" + (" (written in lower case)" if part.islower() else "")
    return "not in the text as written"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--show", type=int, default=10)
    args = parser.parse_args()
    articles, _ = read_basil(args.data)
    found = total = events_all = named_found = named_total = events_named = 0
    reasons: dict[str, int] = {}
    started = time.perf_counter()
    for i, (event, docs) in enumerate(articles.groupby("event", sort=True)):
        every, aliases = discover_entities(docs)
        entities = named_in_texts(every).head(args.top)  # as the notebooks choose targets
        gold = main_entities(docs)
        hits = {g: find_named(g, entities, aliases) for g in gold}
        found += sum(bool(h) for h in hits.values())
        total += len(gold)
        events_all += all(hits.values())
        named = {g: h for g, h in hits.items() if not g.islower()}
        named_found += sum(bool(h) for h in named.values())
        named_total += len(named)
        events_named += all(named.values())
        missed = [g for g, h in hits.items() if not h]
        if i < args.show or missed:
            canon = dict(zip(entities["entity_id"], entities["canonical"]))
            print(f"{event[:8]} {docs['title'].iloc[0][:70]!r}")
            print(f"    top {args.top}: {'; '.join(entities['canonical'])}")
            print("    main entities: " + "; ".join(
                f"{g} -> {' + '.join(canon[e] for e in h.split('; '))}" if h else f"{g} MISSED" for g, h in hits.items()))
        if missed:
            names = canonical_names(find_names(_with_titles(docs)))
            _, all_aliases = discover_entities(docs)
            for g in missed:
                for part in name_parts(g):
                    if find_named(part, entities, aliases):
                        continue
                    reason = why_missed(part, every, all_aliases, names, docs, args.top)
                    reasons[reason.split(":")[0].split(" (")[0].split(" '")[0]] = reasons.get(
                        reason.split(":")[0].split(" (")[0].split(" '")[0], 0) + 1
                    print(f"      {part!r}: {reason}")
    n_events = articles["event"].nunique()
    print(f"\n{n_events} events, top {args.top} discovered entities: every main entity found in {events_all} of "
          f"{n_events} events ({events_all / n_events:.1%}); {found} of {total} main entities found "
          f"({found / total:.1%}). Main entities written as names (not wholly lower case): {named_found} of "
          f"{named_total} ({named_found / named_total:.1%}), all of them in {events_named} of {n_events} events "
          f"({events_named / n_events:.1%}). Misses by reason: "
          + "; ".join(f"{k} {v}" for k, v in sorted(reasons.items())) + f". {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
