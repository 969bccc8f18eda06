"""Links between quotation rows of one document: a split quotation's parts and a paragraph's
continuation to their first part, a nested quotation to the one around it, and the verbatim part
of a mixed quotation to that quotation (``part_of`` / ``nested_in``)."""
from __future__ import annotations

import bisect

from analysis.quotes.rules import QuoteRules

#: What a mixed quotation lends the partial quotation inside it: who speaks and by which cue.
_CREDIT = ("speaker", "speaker_mention", "verb", "verb_role", "source", "speaker_type", "speaker_title",
           "cue", "cue_start", "cue_end")


def link_mixed(rows: list[dict]) -> None:
    """A direct quotation inside a mixed one is its verbatim part: ``part_of`` the mixed row, and
    spoken by its speaker where the quotation had none or where the same cue reports both (the
    mixed row read the speaker with the whole clause in view: "China used “velvet gloves” in
    Central Asia, said Nargis Kassenova" is Kassenova's, not Central Asia's). A short quoted
    phrase inside reported words that a cue credits ("Reid said the senator faced a “test of
    leadership”") is that speaker's partial quotation, not the author's scare quote: it becomes
    a direct part too, with the mixed row's speaker and cue. So does one inside a sentence the
    sentence model reads as reported speech (speaker ``unknown``, no cue: the words are the
    reported person's, the model does not say who): on PolNeAR train, each document read by a
    model trained without it, 602 of 712 such phrases are annotated quotations. Names and titles
    ("The Apprentice", called “X”) stay scare quotes, and so does a short phrase after a
    possessive where no cue credits it ("his “concerns!”"): the author's name for the person's
    thing. (On train that last rule is a judgement, not a gain: such phrases are as often the
    possessor's own words, "his “political revolution”".) Reported words whose marks hold only a
    work's title hold no one's verbatim words: they are indirect ("said on the CNN program “State of
    the Union” that he would stay")."""
    quoted = sorted(r["start"] for r in rows if r["kind"] in ("direct", "scare") and not r["depth"])
    for m in (r for r in rows if r["kind"] == "mixed"):
        i = bisect.bisect_left(quoted, m["start"])
        if not (i < len(quoted) and quoted[i] < m["end"]):
            m["kind"] = "indirect"
    mixed = sorted((r for r in rows if r["kind"] == "mixed"), key=lambda m: m["start"])  # disjoint
    starts = [m["start"] for m in mixed]
    for r in rows:
        if r["kind"] not in ("direct", "scare") or r["part_of"] or r["depth"]:
            continue
        i = bisect.bisect_right(starts, r["start"]) - 1
        outer = mixed[i] if i >= 0 and r["end"] <= mixed[i]["end"] else None
        if outer is None:
            continue
        if r["kind"] == "scare":
            if r["_title"] or (r["_owned"] and outer["cue_start"] < 0):
                continue  # a name or title; "his “concerns!”" where no cue credits the words
            r.update({k: outer[k] for k in _CREDIT}, kind="direct")
        r["part_of"] = outer["quote_id"]
        same_cue = r["cue_start"] >= 0 and r["cue_start"] == outer["cue_start"] and outer["speaker"] != "unknown"
        if r["speaker"] == "unknown" or same_cue:
            r.update(speaker=outer["speaker"], speaker_mention=outer["speaker_mention"])


def link_parts(rows: list[dict], text: str, rules: QuoteRules) -> None:
    """Link split quotations (“…,” he added, “…”) and paragraph continuations to their first part,
    and nested quotations to the quotation around them. Parts share speaker and verb. A split has one
    verb between its parts: "“…,” Franken said. Silverman responded, “…”" is two speakers."""
    top = [r for r in rows if r["depth"] == 0]
    for prev, cur in zip(top, top[1:]):
        gap = text[prev["_close"] + 1:cur["_open"]]
        root = prev["part_of"] or prev["quote_id"]
        comma_first = gap.strip().startswith(",") or text[prev["_open"] + 1:prev["_close"]].rstrip().endswith(",")
        split = ("\n" not in gap and comma_first and gap.strip().endswith((",", ":"))
                 and len(gap.split()) <= 7 and len(rules.verbs.find(gap, "*")) == 1
                 and prev["verb"] and prev["kind"] == "direct")
        if split or (prev["_continues"] and cur["_cont"]):
            cur.update(part_of=root, kind="direct")
            if cur["verb"] == "" or split:
                cur.update(speaker=prev["speaker"], speaker_mention=prev["speaker_mention"],
                           verb=prev["verb"], verb_role=prev["verb_role"], source=prev["source"])
    enclosing: list[dict] = []  # rows whose quotation is still open at the current row
    for r in rows:
        while enclosing and enclosing[-1]["_close"] < r["_open"]:
            enclosing.pop()
        if r["depth"] > 0:
            outer = next((o for o in reversed(enclosing) if o["depth"] < r["depth"]
                          and o["_open"] < r["_open"] and o["_close"] > r["_close"]), None)
            if outer:
                r["nested_in"] = outer["quote_id"]
        enclosing.append(r)
