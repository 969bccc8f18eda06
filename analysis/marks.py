"""Quotation marks: the one table of mark characters and the one scanner that pairs them.

Every stage that needs to know where a quotation opens or closes asks this module: sentence
splitting (no sentence ends inside an open quotation), quotation extraction (the quoted words),
target mentions (a name wrapped in its own marks) and folding (every mark variant folds to one
ASCII form). No other module spells out a quotation-mark character.

The scanner reads one paragraph (line) at a time and pairs:

- double marks: “ ” and „ “ (German low-high) or „ ”, « » with or without inner spaces, straight ",
  and reversed guillemets (» … », as some French sites write them) or a reversed ” used as an
  opener;
- single marks ‘ ’, ' ', ‹ ›, told apart from apostrophes (Israel’s, l’aide, ’90s, Afghans’);
- nesting (a single quotation inside a double one has depth 1);
- a quotation running over several paragraphs, which by convention leaves its mark open at the
  end of a paragraph and reopens the next one.
- marks typed wrong: a “ that can only close (after a word or punctuation, before a space or the
  paragraph end, with a quotation open) closes, as does a ‘ in that place; a " after a space that
  no word follows closes the open "; a " opens after a colon or between two letters with no space
  (Clinton:"We …", about"joint …"); a ” that closes nothing opens when the next mark closes it.

A doubled straight single mark (''…'', as The New York Times writes a double quotation) opening
and closing on one line is read as one straight double mark, so that an apostrophe inside it
(''Francis' walls …'') does not close it; its pair still shows the marks '' as written.

Marks inside markup tags left in scraped text (<a href="…">, <tweet author="…">) are not read.

A mark that cannot be paired is reported as a warning with its offset and ignored; reading goes on.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

# --- the table of marks ------------------------------------------------------------------------

#: Every character folded to ' by :func:`analysis.text.fold_text` (apostrophes and single marks).
APOSTROPHES = "'’‘‛ʼ′`´"
#: Every character folded to " (double marks of every typography).
DOUBLE_QUOTES = '"“”„‟«»″'
#: Marks that open a double quotation (« “ „); ” and » close one, " opens and closes by turns.
DOUBLE_OPENERS = "“„«"
DOUBLE_CLOSERS = "”»"
STRAIGHT_DOUBLE = '"'
#: Single marks that may open or close a quotation (or be an apostrophe).
SINGLE_MARKS = "'‘’‹›"
#: Apostrophes that may stand inside a word (Israel’s, l’aide), for regex character classes.
WORD_APOSTROPHES = "'’"
#: Every mark the scanner visits.
QUOTE_MARKS = DOUBLE_OPENERS + DOUBLE_CLOSERS + STRAIGHT_DOUBLE + SINGLE_MARKS
#: Characters that may follow a sentence-final ., ! or ? and still belong to the sentence.
CLOSING_AFTER_SENTENCE_END = "”»\"’')]"
#: Characters that may open a sentence besides a capital letter or digit.
OPENING_A_SENTENCE = "“«\"'‘(["

_MARK = re.compile("[" + re.escape(QUOTE_MARKS) + "]")
_DOUBLE_MARK = re.compile("[" + re.escape(DOUBLE_OPENERS + DOUBLE_CLOSERS + STRAIGHT_DOUBLE) + "]")
_OPEN_CONTEXT = set("([{—–-/") | set(DOUBLE_OPENERS) | {STRAIGHT_DOUBLE, "‘", "'"}
_DOUBLE_START = set(DOUBLE_OPENERS + DOUBLE_CLOSERS + STRAIGHT_DOUBLE)
_CURLY_OR_STRAIGHT_OPENERS = "“„”" + STRAIGHT_DOUBLE  # ” when reversed, as an opener
_CONTINUATION_OPENERS = set(DOUBLE_OPENERS + "»" + STRAIGHT_DOUBLE)
_NEXT_PARAGRAPH = re.compile(r"\n\s*")
_DOUBLED_SINGLE = re.compile("(?<!')''(?!')")  # ''…'': The New York Times' double quotation
#: A markup tag left in a scraped text (<a href="…">, PolNeAR's <tweet author="…">): its marks
#: delimit attribute values, not quotations.
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>\n]*)?/?>")
_STRIP = re.compile("[" + re.escape(DOUBLE_QUOTES + "‘") + "]|(?<!\\w)['’]|['’](?!\\w)")
_SCARE_TAIL = re.compile("(?:['’]s)?[.,]?[" + re.escape(QUOTE_MARKS) + "]")


@dataclass
class QuotePair:
    """One quotation's marks: ``open_at`` is the offset of the opening mark, ``close_at`` that of
    the closing mark (the end of the paragraph for a part that goes on in the next one); ``marks``
    is opening + closing mark (``¶`` as closing when it goes on)."""

    open_at: int
    close_at: int
    depth: int
    marks: str
    continues: bool = False  # opened here and goes on in the next paragraph
    continued: bool = False  # this quotation continues one from the previous paragraph

    @property
    def is_double(self) -> bool:
        return self.marks[0] in _DOUBLE_START


Warning = tuple[int, str, str]  # (offset, mark, message)


def _is_word(char: str) -> bool:
    return char.isalnum()


def _is_space(char: str) -> bool:
    """White space, or an invisible format character (a left-to-right mark before a quotation)."""
    return char.isspace() or unicodedata.category(char) == "Cf"


def _single_role(text: str, i: int, single_open: bool) -> str:
    """'open', 'close' or 'apostrophe' for a single mark at ``text[i]``."""
    char = text[i]
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if _is_word(prev) and _is_word(nxt):
        return "apostrophe"          # Israel’s, l’aide, won’t, 90's
    if char == "‘" and single_open and not _is_word(nxt) and (_is_word(prev) or prev in ".,!?"):
        return "close"               # typed as an opening mark: ‘over their dead bodies‘,
    if char in "‘‹" or (char in "'’" and not _is_word(prev) and prev not in ".,!?;:…"):
        if re.match(r"\d\ds?\b", text[i + 1:i + 4]) and char != "‘":
            return "apostrophe"      # ’90s, '20
        if _is_word(nxt) or nxt in DOUBLE_OPENERS + STRAIGHT_DOUBLE:
            return "open" if (prev.isspace() or prev in _OPEN_CONTEXT or i == 0) else "apostrophe"
        return "apostrophe"
    # after a word or punctuation, before space or punctuation: closes an open single quote,
    # otherwise it is an apostrophe (Afghans’ rights, qu' »il)
    return "close" if single_open else "apostrophe"


class _Paragraph:
    """The scanner's state within one paragraph: the stack of open marks and the pairs closed."""

    def __init__(self, text: str, start: int, end: int, continued: bool, warnings: list[Warning]):
        self.text, self.start, self.end = text, start, end
        self.stack: list[tuple[int, str]] = []  # (offset, mark)
        self.pairs: list[QuotePair] = []
        self.first_continued = continued
        self.warnings = warnings

    def close(self, pos: int, close_mark: str) -> None:
        at, mark = self.stack.pop()
        self.pairs.append(QuotePair(at, pos, len(self.stack), mark + close_mark,
                                    continued=self.first_continued and not self.stack))
        if not self.stack:
            self.first_continued = False

    def give_up_above(self, keep: int, before: str) -> None:
        """Drop the marks opened above stack position ``keep`` (never closed), with a warning."""
        while len(self.stack) - 1 > keep:
            at, mark = self.stack.pop()
            self.warnings.append((at, mark, f"quotation opened by {mark} is not closed before "
                                  f"{before}; ignored"))

    def close_innermost(self, i: int, close_mark: str) -> None:
        """Close the innermost open “, „ or " at mark ``i`` (mixed typography is common in
        scraped text), giving up the marks opened inside it."""
        opener = max(k for k, (_, m) in enumerate(self.stack) if m in _CURLY_OR_STRAIGHT_OPENERS)
        self.give_up_above(opener, f"the {close_mark} at offset {i}")
        self.close(i, close_mark)

    def _spaced_close(self, nxt: str) -> bool:
        """A " after a space closes the open " when no word follows it: a mark followed by no word
        opens nothing ("…,' " Magel said; "What does that mean? " Clinton asked; "Lyin' " Ted)."""
        return not _is_word(nxt) and nxt not in QUOTE_MARKS

    def _closes_typed_as_opening(self, i: int, prev: str, nxt: str) -> bool:
        """The “ at ``i`` can only close, typed as an opening mark (“…, here,“ said Clyburn;
        “…the Arab states“ with; headline.“[HuffPost.]): a “ or " is open, and the mark follows a
        word or punctuation and comes before a space, a bracket or the paragraph end."""
        return (any(m in "“\"" for _, m in self.stack) and not _is_space(prev)
                and prev not in _OPEN_CONTEXT and (_is_space(nxt) or nxt in "[("))

    def _closed_later(self, i: int) -> bool:
        """A ” that closes nothing opens when the next double mark of its paragraph is a ” closing it
        (He says,” there are …”; ” … if the incumbent …”)."""
        found = _DOUBLE_MARK.search(self.text, i + 1, self.end)
        return bool(found) and found.group() == "”"

    def visit(self, i: int) -> None:
        text, char = self.text, self.text[i]
        prev = text[i - 1] if i > self.start else "\n"
        nxt = text[i + 1] if i + 1 < self.end else "\n"
        stack = self.stack
        top = stack[-1][1] if stack else ""
        if char in SINGLE_MARKS:
            role = _single_role(text, i, any(m in SINGLE_MARKS for _, m in stack))
            if role == "open":
                stack.append((i, char))
            elif role == "close":
                single = max(k for k, (_, m) in enumerate(stack) if m in SINGLE_MARKS)
                self.give_up_above(single, f"the single quote at offset {i}")
                self.close(i, char)
        elif char == "“" and top == "„":
            self.close(i, char)  # German „…“
        elif char == "“" and self._closes_typed_as_opening(i, prev, nxt):
            self.close_innermost(i, char)
        elif char in DOUBLE_OPENERS:
            stack.append((i, char))
        elif char == "”":
            # closes “ or „, or a straight " (mixed typography is common in scraped text)
            if any(m in _CURLY_OR_STRAIGHT_OPENERS for _, m in stack):
                self.close_innermost(i, char)
            elif (_is_space(prev) and _is_word(nxt)) or self._closed_later(i):
                stack.append((i, char))  # reversed curly mark used as an opener
            else:
                self.warnings.append((i, char, "closing ” without an opening mark; ignored"))
        elif char == "»":
            if top and top in "«»":
                self.close(i, char)
            else:
                stack.append((i, char))  # reversed guillemet: » opens, » closes
        else:  # straight double quote
            opens = _is_space(prev) or prev in _OPEN_CONTEXT or prev == ":" or i == self.start
            if top == STRAIGHT_DOUBLE and (not _is_space(prev) or self._spaced_close(nxt)):
                self.close(i, char)
            elif opens:
                stack.append((i, char))
            elif any(m in _CURLY_OR_STRAIGHT_OPENERS for _, m in stack):
                self.close_innermost(i, char)  # the innermost open " (or “ „: mixed typography)
            elif prev.isalpha() and nxt.isalpha():
                stack.append((i, char))  # a missing space: waxed poetic about"joint operations"
            else:
                self.warnings.append((i, char, 'straight " closes nothing; ignored'))


def _next_paragraph_opens(text: str, end: int) -> str | None:
    """The opening double mark that begins the next non-empty paragraph after ``end``, if any."""
    match = _NEXT_PARAGRAPH.match(text, end)
    at = match.end() if match else len(text)
    return text[at] if at < len(text) and text[at] in _CONTINUATION_OPENERS else None


def _next_paragraph_closes(text: str, end: int, mark: str) -> int | None:
    """Where the next non-empty paragraph after ``end`` begins, when it closes a quotation opened
    by ``mark`` in the paragraph before without reopening it (a scraped article split into lines
    inside one quotation: "“It has been …\nSo I am asking you …”"); else None."""
    match = _NEXT_PARAGRAPH.match(text, end)
    at = match.end() if match else len(text)
    if mark not in DOUBLE_OPENERS or at >= len(text) or text[at] in QUOTE_MARKS:
        return None
    stop = text.find("\n", at)
    trial = _Paragraph(text, at, len(text) if stop < 0 else stop, True, [])
    trial.stack.append((at - 1, mark))
    for found in _MARK.finditer(text, at, trial.end):
        trial.visit(found.start())
    return at if any(p.open_at == at - 1 for p in trial.pairs) else None


def scan_quote_marks(text: str) -> tuple[list[QuotePair], list[Warning]]:
    """Matched quotation marks of one text, and warnings for unbalanced ones.

    Paragraphs (lines) are read one by one; a mark left open at the end of a paragraph is closed
    there when the next paragraph begins with an opening mark (the convention for a quotation
    running over several paragraphs), or goes on into the next paragraph when that one closes it
    without reopening it (the second part then opens at the line break: ``open_at`` is the
    offset of the "\\n", not of a mark); otherwise it gives a warning and is ignored, and reading
    goes on. Warnings are ``(offset, mark, message)``. Cost: linear in the text length (each mark
    is visited once, at most twice when a paragraph is tried as a continuation).
    """
    original, text = text, _as_scanned(text)
    pairs: list[QuotePair] = []
    warnings: list[Warning] = []
    carried = False
    seeded: tuple[int, str] | None = None  # (paragraph start, mark): a quotation goes on there unmarked
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        paragraph = _Paragraph(text, start, end, carried, warnings)
        if seeded and seeded[0] == start:
            paragraph.stack.append((start - 1, seeded[1]))
            seeded = None
        for found in _MARK.finditer(text, start, end):
            paragraph.visit(found.start())
        pairs.extend(paragraph.pairs)
        if line.strip():  # an empty line between paragraphs keeps the continuation pending
            carried = False
        still_open = paragraph.stack
        if still_open:
            bottom_at, bottom = still_open[0]
            alone = len(still_open) == 1 and bottom not in SINGLE_MARKS
            reopened = alone and _next_paragraph_opens(text, end) is not None
            unmarked = _next_paragraph_closes(text, end, bottom) if alone and not reopened else None
            if reopened or unmarked is not None:
                pairs.append(QuotePair(bottom_at, len(line.rstrip()) + start, 0, bottom + "¶",
                                       continues=True))
                carried = True
                seeded = None if reopened else (unmarked, bottom)
            else:
                for at, mark in still_open:
                    warnings.append((at, mark, f"quotation opened by {mark} is not closed in its "
                                     "paragraph; ignored"))
                for pair in paragraph.pairs:  # a quotation opened after an ignored mark is not inside it
                    pair.depth -= sum(at < pair.open_at for at, _ in still_open)
        start = end + 1
    for p in pairs:
        if original[p.open_at] == "'" and text[p.open_at] == STRAIGHT_DOUBLE:
            p.marks = "'" + p.marks[1].replace(STRAIGHT_DOUBLE, "'")  # read as ", shown as written
    return sorted(pairs, key=lambda p: p.open_at), sorted(warnings)


def _as_scanned(text: str) -> str:
    """``text`` as the scanner reads it, same offsets: no marks inside markup tags, and a doubled
    straight single mark (''…'', The New York Times' double quotation) read as a straight " when
    one opens and one closes on the same line, so that an apostrophe inside (''Francis' walls …'')
    does not close it."""
    text = _TAG.sub(lambda tag: _MARK.sub("=", tag.group()), text)
    chars, opened = None, None
    for found in _DOUBLED_SINGLE.finditer(text):
        at = found.start()
        nxt = text[at + 2] if at + 2 < len(text) else "\n"
        if opened is not None and "\n" not in text[opened:at] and not _is_space(text[at - 1]):
            chars = chars or list(text)
            chars[opened:opened + 2] = " " + STRAIGHT_DOUBLE
            chars[at:at + 2] = STRAIGHT_DOUBLE + " "
            opened = None
        elif _is_word(nxt) or (at == 0 or _is_space(text[at - 1])) and not _is_space(nxt):
            opened = at
    return "".join(chars) if chars else text


class QuotedRegions:
    """Where a text is inside a double quotation, from :func:`scan_quote_marks`' pairs, answered
    by bisection (sentence splitting asks once per candidate sentence end)."""

    def __init__(self, pairs: list[QuotePair]):
        merged: list[list[int]] = []
        for p in sorted((p for p in pairs if p.is_double), key=lambda p: p.open_at):
            if merged and p.open_at <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], p.close_at)
            else:
                merged.append([p.open_at, p.close_at])
        self._starts = [a for a, _ in merged]
        self._ends = [b for _, b in merged]

    def inside(self, index: int) -> bool:
        """True when ``index`` lies after an opening double mark and before its closing mark."""
        i = bisect_right(self._starts, index) - 1
        return i >= 0 and index < self._ends[i]


_TO_STRAIGHT = str.maketrans({"’": "'"})


def straight_apostrophes(text: str) -> str:
    """``text`` with the typographic apostrophe written as a straight one."""
    return text.translate(_TO_STRAIGHT)


def strip_marks(text: str) -> str:
    """``text`` with quotation marks replaced by spaces (apostrophes inside words kept)."""
    return _STRIP.sub(" ", text)


def is_scare_quoted(text: str, a: int, b: int) -> bool:
    """True when the word(s) at ``[a, b)`` are wrapped in their own quotation marks
    ('Israel’s', "Israel.")."""
    before_ok = a >= 1 and text[a - 1] in QUOTE_MARKS and (a < 2 or not text[a - 2].isalnum())
    return bool(before_ok and _SCARE_TAIL.match(text, b, b + 4))
