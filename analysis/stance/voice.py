"""Author voice and quoted voice: which parts of a sentence are someone else's words."""
from __future__ import annotations

import pandas as pd

NO_QUOTES_NOTE = "author (quotes not given: quoted words read as author voice)"
AUTHOR_VOICE = "author (direct quotations removed)"


def blank(text: str, spans) -> str:
    """``text`` with the given spans replaced by spaces (offsets kept)."""
    chars = list(text)
    for a, b in spans:
        chars[max(a, 0):max(b, 0)] = " " * len(chars[max(a, 0):max(b, 0)])
    return "".join(chars)


def quote_spans(sentences: pd.DataFrame, quotes: pd.DataFrame | None) -> dict:
    """(doc_id, sentence_id) -> direct-quote spans relative to the sentence start.

    Cost: one pass over each document's sentences and quotations in text order (both sorted by
    offset), so linear in their number.
    """
    if quotes is None or quotes.empty:
        return {}
    direct = quotes[quotes["kind"] == "direct"].sort_values(["doc_id", "start"])
    by_doc: dict = {}  # plain lists, one pass: a pandas group per document costs more than its work
    for doc_id, a, b in zip(direct["doc_id"].tolist(), direct["start"].tolist(), direct["end"].tolist()):
        by_doc.setdefault(doc_id, []).append((a, b))
    docs = sentences[sentences["doc_id"].isin(by_doc)].sort_values(["doc_id", "start"])
    out: dict = {}
    doc_now, spans, first = None, [], 0
    for doc_id, s_id, s_start, s_end in zip(docs["doc_id"].tolist(), docs["sentence_id"].tolist(),
                                            docs["start"].tolist(), docs["end"].tolist()):
        if doc_id != doc_now:
            doc_now, spans, first = doc_id, by_doc[doc_id], 0
        while first < len(spans) and spans[first][1] <= s_start:
            first += 1
        inside = []
        k = first
        while k < len(spans) and spans[k][0] < s_end:
            a, b = spans[k]
            if b > s_start:
                inside.append((max(a, s_start) - s_start, min(b, s_end) - s_start))
            k += 1
        if inside:
            out[(doc_id, s_id)] = inside
    return out


def voice_note(quotes: pd.DataFrame | None) -> str:
    """How voices were separated, for the ``voice`` column."""
    return AUTHOR_VOICE if quotes is not None else NO_QUOTES_NOTE
