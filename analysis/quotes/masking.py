"""Texts with quotations blanked: the author's words, offsets unchanged (every character
kept or replaced by a space, line breaks kept), so verbs and speakers are never read inside a
quotation (nor in a dateline)."""
from __future__ import annotations

import re

from analysis.text import find_dateline


def blank_inside(text: str, pairs, keep=lambda p: True) -> str:
    """``text`` with the inside of every outermost quotation (that ``keep`` accepts) blanked,
    line breaks kept."""
    pieces, at = [], 0
    for p in pairs:
        if p.depth == 0 and keep(p) and p.open_at + 1 >= at:
            inside = text[p.open_at + 1:p.close_at]
            pieces += [text[at:p.open_at + 1], re.sub(r"[^\n]", " ", inside)]
            at = p.close_at
    pieces.append(text[at:])
    return "".join(pieces)


def blank_doubled_openings(masked: str, pairs) -> str:
    """``masked`` with the first apostrophe of each doubled opening mark ('' as The New York Times
    writes “) blanked: the scanner gives the second as the opening, and the words before a
    quotation must end with the author's words ("said, ''No.''" ends with the comma)."""
    chars = list(masked)
    for p in pairs:
        if p.open_at and masked[p.open_at - 1] == masked[p.open_at] == "'":
            chars[p.open_at - 1] = " "
    return "".join(chars)


def blank_dateline(text: str) -> str:
    """``text`` with its dateline blanked: "WASHINGTON — Michael Steele … said" names the speaker
    Michael Steele, not "WASHINGTON Michael Steele"."""
    found = find_dateline(text)
    return text if found is None else text[:found[0]] + " " * (found[1] - found[0]) + text[found[1]:]
