"""Quotations: extraction with speakers, scare quotes, grouping across outlets, fidelity.

A quotation is found from its marks (straight, curly, « » with or without inner spaces, reversed
guillemets, single quotes), never from apostrophes; each row keeps the offsets of the quoted words
in the corpus ``text``, so every quotation can be shown in a concordance. Per-language words
(reporting verbs, pronouns, role nouns, scare-quote sizes) live in ``data/quotes.yaml``.
"""
from __future__ import annotations

import bisect
import difflib
import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from analysis.paths import DATA
from analysis.text import fold_text, split_sentences, tokenize_words, word_spans

QUOTE_COLUMNS = ["quote_id", "doc_id", "outlet", "language", "kind", "text", "start", "end",
                 "speaker", "speaker_mention", "verb", "source", "sentence_id", "sentence",
                 "marks", "depth", "part_of", "nested_in"]
WARNING_COLUMNS = ["doc_id", "outlet", "line", "column", "offset", "mark", "message"]

_DOUBLE_OPENERS = "“„«"
_SINGLE = "'‘’‹›"
_SPACES = " \t\u00a0\u202f\u2009"
_MARK = re.compile("[\"“”„«»'‘’‹›]")
_OPEN_CONTEXT = set("([{—–-/") | set(_DOUBLE_OPENERS) | {'"', "‘", "'"}


# --- per-language data -------------------------------------------------------------------

@lru_cache(maxsize=None)
def load_quote_rules(path: Path | str = DATA / "quotes.yaml") -> dict[str, dict]:
    """Per-language quotation rules from ``data/quotes.yaml`` (see the comments in that file)."""
    path = Path(path)
    rules = yaml.safe_load(path.read_text(encoding="utf-8"))
    for language, entry in rules.items():
        missing = {"reporting_verbs", "scare_max_words", "name_max_words"} - set(entry)
        if missing:
            raise ValueError(f"{path}: language {language!r} lacks {', '.join(sorted(missing))}")
    return rules


def _phrase_pattern(phrases) -> str:
    """Alternation of phrases, longest first; a space also matches one inserted word."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        words = [re.escape(w) for w in phrase.split()]
        parts.append(r"\s+(?:[^\W\d_]+\s+)?".join(words))
    return r"(?<![\w’'])(?:" + "|".join(parts) + r")(?![\w’'])"


@dataclass(frozen=True)
class _Lang:
    verbs: re.Pattern
    verb_forms: dict
    quoting: frozenset
    as_saying: re.Pattern | None
    according_to: re.Pattern | None
    conjunctions: frozenset
    skip: frozenset
    singular: frozenset
    plural: frozenset
    determiners: frozenset
    roles: frozenset
    particles: frozenset
    breakers: frozenset
    scare_max_words: int
    name_max_words: int


@lru_cache(maxsize=None)
def _lang(language: str) -> _Lang:
    rules = load_quote_rules()
    entry = rules.get(language) or rules["en"]
    low = lambda key: frozenset(w.casefold() for w in entry.get(key, []))  # noqa: E731
    verbs = entry["reporting_verbs"]
    return _Lang(
        verbs=re.compile(_phrase_pattern(verbs), re.IGNORECASE),
        verb_forms={tuple(v.casefold().split()): v for v in verbs},
        quoting=low("quoting_verbs"),
        as_saying=(re.compile(_phrase_pattern(entry["as_saying"]), re.IGNORECASE)
                   if entry.get("as_saying") else None),
        according_to=(re.compile(_phrase_pattern(entry["according_to"]), re.IGNORECASE)
                      if entry.get("according_to") else None),
        conjunctions=low("conjunctions"), skip=low("skip_words"),
        singular=low("singular_pronouns"), plural=low("plural_pronouns"),
        determiners=low("determiners"), roles=low("role_nouns"), particles=low("name_particles"),
        breakers=low("phrase_breakers"),
        scare_max_words=int(entry["scare_max_words"]), name_max_words=int(entry["name_max_words"]))


# --- marks -------------------------------------------------------------------------------

@dataclass
class _Pair:
    open_at: int
    close_at: int          # index of the closing mark, or end of paragraph for a continued part
    depth: int
    marks: str
    continues: bool = False  # opened here and goes on in the next paragraph
    continued: bool = False  # this quotation continues one from the previous paragraph


def _is_word(char: str) -> bool:
    return char.isalnum()


def _single_role(text: str, i: int, single_open: bool) -> str:
    """'open', 'close' or 'apostrophe' for a single mark at ``text[i]``."""
    char = text[i]
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if _is_word(prev) and _is_word(nxt):
        return "apostrophe"          # Israel’s, l’aide, won’t, 90's
    if char in "‘‹" or (char in "'’" and not _is_word(prev) and prev not in ".,!?;:…"):
        if re.match(r"\d\ds?\b", text[i + 1:i + 4]) and char != "‘":
            return "apostrophe"      # ’90s, '20
        if _is_word(nxt) or nxt in _DOUBLE_OPENERS + '"':
            return "open" if (prev.isspace() or prev in _OPEN_CONTEXT or i == 0) else "apostrophe"
        return "apostrophe"
    # after a word or punctuation, before space or punctuation: closes an open single quote,
    # otherwise it is an apostrophe (Afghans’ rights, qu' »il)
    return "close" if single_open else "apostrophe"


def _scan_line(text: str, a: int, b: int, carried: str | None,
               warnings: list[tuple[int, str, str]]) -> tuple[list[_Pair], list[tuple[int, str]]]:
    """Pairs of marks in ``text[a:b]`` (one paragraph) and the marks still open at its end."""
    stack: list[tuple[int, str]] = []   # (position, mark)
    pairs: list[_Pair] = []
    first_continued = carried is not None

    def close(pos: int, close_mark: str) -> None:
        nonlocal first_continued
        at, mark = stack.pop()
        pairs.append(_Pair(at, pos, len(stack), mark + close_mark,
                           continued=first_continued and not stack))
        if not stack:
            first_continued = False

    for found in _MARK.finditer(text, a, b):
        i = found.start()
        char = text[i]
        prev = text[i - 1] if i > a else "\n"
        nxt = text[i + 1] if i + 1 < b else "\n"
        top = stack[-1][1] if stack else ""
        if char in _SINGLE:
            role = _single_role(text, i, any(m in _SINGLE for _, m in stack))
            if role == "open":
                stack.append((i, char))
            elif role == "close":
                while stack and stack[-1][1] not in _SINGLE:
                    at, mark = stack.pop()
                    warnings.append((at, mark, f"quotation opened by {mark} is not closed before "
                                     f"the single quote at offset {i}; ignored"))
                close(i, char)
            continue
        if char in _DOUBLE_OPENERS:
            stack.append((i, char))
        elif char == "”":
            opener = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] in "“„"), None)
            if opener is not None:
                while len(stack) - 1 > opener:
                    at, mark = stack.pop()
                    warnings.append((at, mark, f"quotation opened by {mark} is not closed before "
                                     f"”; ignored"))
                close(i, char)
            elif prev.isspace() and _is_word(nxt):
                stack.append((i, char))  # reversed curly mark used as an opener
            else:
                warnings.append((i, char, "closing ” without an opening mark; ignored"))
        elif char == "»":
            if top in "«»" and top:
                close(i, char)
            else:
                stack.append((i, char))  # reversed guillemet: » opens, » closes
        elif char == '"':
            opens = prev.isspace() or prev in _OPEN_CONTEXT or i == a
            if top == '"' and not prev.isspace():
                close(i, char)
            elif opens:
                stack.append((i, char))
            elif '"' in [m for _, m in stack]:
                while stack[-1][1] != '"':  # a single quote left open inside: give it up
                    at, mark = stack.pop()
                    warnings.append((at, mark, f"quotation opened by {mark} is not closed before "
                                     f'the " at offset {i}; ignored'))
                close(i, char)
            else:
                warnings.append((i, char, 'straight " closes nothing; ignored'))
    return pairs, stack


def _next_paragraph_opens(text: str, end: int) -> str | None:
    """The opening double mark that begins the next non-empty paragraph after ``end``, if any."""
    match = re.compile(r"\n[\s]*").match(text, end)
    rest = text[match.end():] if match else ""
    return rest[0] if rest and rest[0] in '"“„«»' else None


def scan_quote_marks(text: str) -> tuple[list[_Pair], list[tuple[int, str, str]]]:
    """Matched quotation marks of one text, and warnings for unbalanced ones.

    Paragraphs (lines) are read one by one; a mark left open at the end of a paragraph is closed
    there only when the next paragraph begins with an opening mark (the convention for a
    quotation running over several paragraphs); otherwise it gives a warning and is ignored, and
    reading goes on. Warnings are ``(offset, mark, message)``.
    """
    pairs: list[_Pair] = []
    warnings: list[tuple[int, str, str]] = []
    carried = None
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        line_pairs, still_open = _scan_line(text, start, end, carried, warnings)
        pairs.extend(line_pairs)
        if line.strip():  # an empty line between paragraphs keeps the continuation pending
            carried = None
        if still_open:
            nxt = _next_paragraph_opens(text, end)
            bottom_at, bottom = still_open[0]
            if nxt is not None and bottom not in _SINGLE and len(still_open) == 1:
                pairs.append(_Pair(bottom_at, len(line.rstrip()) + start, 0, bottom + "¶",
                                   continues=True))
                carried = bottom
            else:
                for at, mark in still_open:
                    warnings.append((at, mark, f"quotation opened by {mark} is not closed in its "
                                     "paragraph; ignored"))
        start = end + 1
    return sorted(pairs, key=lambda p: p.open_at), sorted(warnings)


# --- speakers ----------------------------------------------------------------------------

_NAME_TOKEN = re.compile(r"[^\W\d_][\w’'\-]*|\(|\)|,")


@dataclass(frozen=True)
class _Mention:
    text: str
    kind: str  # name, role, pronoun, plural, none


def _strip_marks(text: str) -> str:
    return re.sub(r"[\"“”„«»‘]|(?<!\w)['’]|['’](?!\w)", " ", text)


def _mention_in(region: str, lang: _Lang) -> _Mention:
    """The speaker named in the words before a reporting verb (its clause only)."""
    words = [w for w in re.findall(r"[^\W_][\w’'\-]*", _strip_marks(region))]
    while words and words[-1].casefold() in lang.skip:
        words.pop()
    if not words:
        return _Mention("", "none")
    last = words[-1].casefold()
    if last in lang.singular:
        return _Mention(words[-1], "pronoun")
    if last in lang.plural:
        return _Mention(words[-1], "plural")
    folded = [w.casefold() for w in words]
    for i, w in enumerate(folded):
        if w in lang.roles:
            begin = i
            while begin > 0 and i - begin < 2 and (folded[begin - 1] in lang.determiners
                                                   or words[begin - 1][0].isupper()):
                begin -= 1
                if folded[begin] in lang.determiners:
                    break
            end = i + 1
            if end < len(words) and folded[end] in lang.particles:
                # the complement: "of the group", "du Front de résistance nationale"
                while (end < len(words) and end - i <= 6 and folded[end] not in lang.breakers
                       and folded[end] not in lang.skip):
                    end += 1
                while end > i + 1 and folded[end - 1] in lang.particles | lang.determiners:
                    end -= 1
            return _Mention(" ".join(words[begin:end]), "role")
    runs, run = [], []
    for w, f in zip(words, folded):
        if w[0].isupper() and f not in lang.determiners and f not in lang.singular | lang.plural:
            run.append(w)
        elif run and f in lang.particles:
            run.append(w)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    for run in runs:
        while run and run[-1].casefold() in lang.particles:
            run.pop()
        if run:
            name = " ".join(run)
            return _Mention(re.sub(r"['’]s$", "", name), "name")
    return _Mention("", "none")


def _is_person(name: str) -> bool:
    """A name a singular pronoun may refer to: not an all-capitals acronym (NRF, UN)."""
    return any(not w.isupper() for w in name.split())


@dataclass
class _Verb:
    start: int
    end: int
    verb: str
    mention: _Mention
    source: str = ""


def _clause_start(masked: str, floor: int, at: int, lang: _Lang) -> int:
    """Where the clause ending at ``at`` begins: after the last , ; : or conjunction."""
    cut = floor
    for match in re.finditer(r"[,;:()]", masked[floor:at]):
        cut = floor + match.end()
    for match in re.finditer(r"(?<!\w)([\w’']+)(?!\w)", masked[cut:at]):
        if match.group(1).casefold() in lang.conjunctions:
            cut = cut + match.end()
    return cut


def _previous_segment(masked: str, floor: int, at: int) -> int:
    commas = [m.start() for m in re.finditer(r"[,;:()]", masked[floor:at])]
    return floor + commas[-2] + 1 if len(commas) >= 2 else floor


def _find_verbs(text: str, masked: str, sentences, lang: _Lang) -> list[_Verb]:
    """Every reporting verb outside quotations, with the speaker named before it.

    ``masked`` blanks every quotation (no verb is found inside one); ``text`` blanks only long
    quotations, so a short quoted title ("le « chef du Front … » a déclaré") can name a speaker.
    """
    verbs = []
    ends = [b for _, b in sentences]
    for match in lang.verbs.finditer(masked):
        s = bisect.bisect_right(ends, match.start())
        floor = sentences[s][0] if s < len(sentences) else 0
        cut = _clause_start(masked, floor, match.start(), lang)
        mention = _mention_in(text[cut:match.start()], lang)
        if mention.kind == "none" and cut > floor:
            mention = _mention_in(text[_previous_segment(masked, floor, cut - 1):cut - 1], lang)
        words = tuple(match.group().casefold().split())
        verb = lang.verb_forms.get(words) or lang.verb_forms.get((words[0], words[-1]),
                                                                  match.group())
        found = _Verb(match.start(), match.end(), verb, mention)
        tail = masked[match.end():match.end() + 80]
        next_word = tail.split(None, 1)[0].strip(",").casefold() if tail.strip() else ""
        if lang.as_saying is not None and (verb.casefold() in lang.quoting
                                           or next_word in lang.quoting):
            q = re.match(r"\s*,?\s*(?:(\w+)\s+)?(.{1,40}?)\s+(?=" + lang.as_saying.pattern + ")",
                         tail, re.IGNORECASE)
            if q and (verb.casefold() in lang.quoting or (q.group(1) or "").casefold() in lang.quoting):
                closing = lang.as_saying.search(tail, q.end())
                quoted = _mention_in(q.group(2), lang)
                if closing and quoted.kind != "none":
                    found = _Verb(match.start(), match.end() + closing.end(),
                                  text[match.start():match.end() + closing.end()], quoted,
                                  source=mention.text)
        verbs.append(found)
    return verbs


def _full_name(name: str, named: list[tuple[int, str]]) -> str:
    """A one-word name completed from a longer name of the same document ("Massoud" → "Ahmad
    Massoud" when a reporting verb had "Ahmad Massoud" as its subject)."""
    if " " in name:
        return name
    longer = sorted({n for _, n in named if n.endswith(" " + name)})
    return longer[0] if len(longer) == 1 else name


def _resolve(mention: _Mention, at: int, quoted: list[tuple[int, str]],
             named: list[tuple[int, str]]) -> str:
    """The speaker a mention stands for: a name or description as written; a singular pronoun
    resolved to the last person quoted before it, or failing that the last person named as the
    subject of a reporting verb; otherwise ``unknown``."""
    if mention.kind in ("name", "role"):
        return mention.text
    if mention.kind == "pronoun":
        for candidates in (quoted, named):
            earlier = [name for pos, name in candidates if pos < at and _is_person(name)]
            if earlier:
                return earlier[-1]
    return "unknown"


# --- extraction --------------------------------------------------------------------------

def _words(text: str, language: str) -> list[str]:
    return tokenize_words(text, language)


def _classify(words: list[str], has_verb: bool, introduced: bool, lang: _Lang) -> str:
    if not words:
        return "scare"
    capitalised = all(w[0].isupper() or w.casefold() in lang.particles for w in words)
    if len(words) <= lang.name_max_words and capitalised and words[0][0].isupper() and not introduced:
        return "scare"
    if len(words) <= lang.scare_max_words and not has_verb:
        return "scare"
    return "direct"


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _SPACES:
        a += 1
    while b > a and (text[b - 1] in _SPACES or text[b - 1] == ","):
        b -= 1
    return a, b


def _extract_document(doc_id: str, outlet: str, language: str, text: str):
    lang = _lang(language)
    pairs, marks_warnings = scan_quote_marks(text)
    sentences = split_sentences(text, language) or [(0, len(text))]
    ends = [b for _, b in sentences]
    masked = list(text)
    for p in pairs:
        if p.depth == 0:
            for k in range(p.open_at + 1, p.close_at):
                if masked[k] != "\n":
                    masked[k] = " "
    masked = "".join(masked)
    speaker_text = list(text)
    for p in pairs:
        if p.depth == 0 and len(text[p.open_at + 1:p.close_at].split()) > lang.name_max_words + 2:
            speaker_text[p.open_at + 1:p.close_at] = masked[p.open_at + 1:p.close_at]
    verbs = _find_verbs("".join(speaker_text), masked, sentences, lang)
    named = [(v.start, v.mention.text) for v in verbs if v.mention.kind == "name"]
    quoted: list[tuple[int, str]] = []
    rows = []
    for n, p in enumerate(pairs):
        a, b = _trim(text, p.open_at + 1, p.close_at)
        if a >= b:
            continue
        s = min(bisect.bisect_right(ends, a), len(sentences) - 1)
        s_start, s_end = sentences[s]
        close_end = p.close_at + (0 if p.continues else 1)
        in_sentence = [v for v in verbs if s_start <= v.start < max(s_end, close_end)]
        after = [v for v in in_sentence if v.start >= close_end]
        before = [v for v in in_sentence if v.end <= p.open_at]
        post = None
        if after and re.fullmatch(r"[\s,]*(?:[^\W\d_][\w’'\-]*[\s,]*){0,4}",
                                  masked[close_end:after[0].start]) \
                and (text[p.close_at - 1] in ",?!" or masked[close_end:after[0].start].strip()
                     .startswith(",")):
            post = after[0]
            region = masked[close_end:after[0].start]
            mention = post.mention if post.source else _mention_in(region, lang)
            if mention.kind == "none":  # inverted: "…," said Jean Dupont
                mention = _mention_in(re.split(r"[,.;:!?\n]", masked[post.end:s_end] + ".")[0],
                                      lang)
            post = _Verb(post.start, post.end, post.verb, mention, post.source)
        chosen = post or (before[-1] if before else (after[0] if after else None))
        introduced = post is not None or (
            bool(before) and len(_words(masked[before[-1].end:p.open_at], language)) <= 2)
        words = _words(text[a:b], language)
        kind = _classify(words, bool(in_sentence), introduced, lang)
        source = chosen.source if chosen else ""
        if not source and lang.according_to is not None:
            acc = lang.according_to.search(masked, s_start, s_end)
            if acc:
                source = _mention_in(masked[acc.end():acc.end() + 40].split(",")[0]
                                     .split(".")[0], lang).text
        mention = chosen.mention if chosen else _Mention("", "none")
        if kind == "scare":
            chosen, mention, source = None, _Mention("", "none"), ""
        speaker = _resolve(mention, chosen.start, quoted, named) if chosen else "unknown"
        if kind == "direct" and speaker != "unknown" and mention.kind in ("name", "pronoun"):
            quoted.append((a, speaker))
        rows.append(dict(
            quote_id=f"{doc_id}:q{n:03d}", doc_id=doc_id, outlet=outlet, language=language,
            kind=kind, text=text[a:b], start=a, end=b,
            speaker=_full_name(speaker, named) if kind == "direct" else "",
            speaker_mention=mention.text, verb=chosen.verb if chosen else "", source=source,
            sentence_id=s, sentence=text[s_start:s_end], marks=p.marks, depth=p.depth,
            part_of="", nested_in="", _open=p.open_at, _close=p.close_at, _cont=p.continued,
            _continues=p.continues))
    _link_parts(rows, text, masked, lang)
    warnings = []
    for at, mark, message in marks_warnings:
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        warnings.append(dict(doc_id=doc_id, outlet=outlet, line=line, column=column, offset=at,
                             mark=mark, message=message))
    return rows, warnings


def _link_parts(rows: list[dict], text: str, masked: str, lang: _Lang) -> None:
    """Link split quotations (“…,” he added, “…”) and paragraph continuations to their first part,
    and nested quotations to the quotation around them. Parts share speaker and verb."""
    top = [r for r in rows if r["depth"] == 0]
    for prev, cur in zip(top, top[1:]):
        gap = text[prev["_close"] + 1:cur["_open"]]
        root = prev["part_of"] or prev["quote_id"]
        comma_first = gap.strip().startswith(",") or text[prev["_open"] + 1:prev["_close"]].rstrip().endswith(",")
        split = ("\n" not in gap and comma_first and gap.strip().endswith((",", ":"))
                 and len(gap.split()) <= 7 and lang.verbs.search(gap) is not None
                 and prev["verb"] and prev["kind"] == "direct")
        if split or (prev["_continues"] and cur["_cont"]):
            cur.update(part_of=root, kind="direct")
            if cur["verb"] == "" or split:
                cur.update(speaker=prev["speaker"], speaker_mention=prev["speaker_mention"],
                           verb=prev["verb"], source=prev["source"])
    for r in rows:
        if r["depth"] > 0:
            outer = [o for o in rows if o["depth"] < r["depth"] and o["_open"] < r["_open"]
                     and o["_close"] > r["_close"]]
            if outer:
                r["nested_in"] = outer[-1]["quote_id"]


def _extract(corpus: pd.DataFrame, column: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, warnings = [], []
    for doc in corpus.itertuples(index=False):
        text = getattr(doc, column)
        if not isinstance(text, str) or not text:
            continue
        language = doc.language if column == "text" else "en"
        r, w = _extract_document(doc.doc_id, doc.outlet, language, text)
        rows += r
        warnings += w
    quotes = pd.DataFrame(rows, columns=QUOTE_COLUMNS + ["_open", "_close", "_cont", "_continues"])
    quotes = quotes[QUOTE_COLUMNS].reset_index(drop=True)
    quotes[["start", "end", "sentence_id", "depth"]] = quotes[
        ["start", "end", "sentence_id", "depth"]].astype("int64")
    return quotes, pd.DataFrame(warnings, columns=WARNING_COLUMNS)


def extract_quotes(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per quotation (direct or scare) in the article texts.

    In: corpus with ``doc_id``, ``outlet``, ``language``, ``text``.
    Out: ``quote_id`` (``doc_id:qNNN``, stable), ``doc_id``, ``outlet``, ``language``, ``kind``
    (``direct`` or ``scare``), ``text`` (the quoted words without marks; ``text ==
    corpus text[start:end]``), ``start``, ``end``, ``speaker`` (name or description; a singular
    pronoun resolved to the last named speaker before it; ``unknown`` when the text names none),
    ``speaker_mention`` (the words naming the speaker, e.g. "he"), ``verb`` (reporting verb or
    phrase, "" when none), ``source`` (outlet or report cited: "according to Maariv", "Maariv
    claimed quoting him as saying"), ``sentence_id``, ``sentence`` (as
    :func:`analysis.text.split_sentences`), ``marks`` (opening + closing mark; ``¶`` when the
    quotation goes on in the next paragraph), ``depth`` (0 outermost, 1 nested …), ``part_of``
    (quote_id of the first part of a split or multi-paragraph quotation, else ""), ``nested_in``.
    Unbalanced marks are skipped here and listed by :func:`quote_warnings`. Cost: linear in the
    text length.
    """
    return _extract(corpus, "text")[0]


def quote_warnings(corpus: pd.DataFrame, column: str = "text") -> pd.DataFrame:
    """Unbalanced quotation marks: ``doc_id``, ``outlet``, ``line``, ``column`` (1-based),
    ``offset`` (into ``column``), ``mark``, ``message``. The rest of each document is still read."""
    return _extract(corpus, column)[1]


def extract_translated_quotes(corpus: pd.DataFrame,
                              originals: pd.DataFrame | None = None) -> pd.DataFrame:
    """Quotations in the English pivot translations (``translation`` column), linked to the
    quotation of the original text they translate.

    Out: the columns of :func:`extract_quotes` (``language`` = ``en``, offsets into
    ``translation``, ``quote_id`` = ``doc_id:tNNN``) plus ``via_translation`` (True),
    ``translation_by`` and ``original_quote_id`` (the quotation of the same rank in the original
    when both hold as many quotations, else the one at the nearest relative position).
    ``originals``: the corpus's :func:`extract_quotes` result, when already computed.
    """
    docs = corpus[corpus["translation"].fillna("").str.len() > 0]
    quotes, _ = _extract(docs, "translation")
    if quotes.empty:
        return quotes.assign(via_translation=pd.Series(dtype=bool), translation_by="",
                             original_quote_id="")
    quotes["quote_id"] = quotes["quote_id"].str.replace(r":q(\d+)$", r":t\1", regex=True)
    originals = (extract_quotes(docs) if originals is None
                 else originals[originals["doc_id"].isin(set(docs["doc_id"]))])
    linked = []
    for doc in docs.itertuples(index=False):
        mine = quotes[quotes["doc_id"] == doc.doc_id]
        theirs = originals[originals["doc_id"] == doc.doc_id]
        if len(theirs) == 0:
            linked += [""] * len(mine)
        elif len(mine) == len(theirs):
            linked += list(theirs["quote_id"])
        else:
            where = (theirs["start"] / max(len(doc.text), 1)).to_numpy()
            for start in mine["start"]:
                linked.append(theirs["quote_id"].iloc[
                    int(np.abs(where - start / max(len(doc.translation), 1)).argmin())])
    by = docs.set_index("doc_id")["translation_by"]
    return quotes.assign(via_translation=True, translation_by=quotes["doc_id"].map(by).fillna(""),
                         original_quote_id=linked)


def count_scare_quotes(quotes: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """Scare quotes per outlet: ``outlet``, ``documents``, ``words``, ``scare_quotes``,
    ``direct_quotes``, ``scare_per_1000_words`` (scare quotes × 1000 / words), ``examples``
    (distinct scare-quoted texts, "; "-joined)."""
    base = corpus.groupby("outlet").agg(documents=("doc_id", "size"), words=("n_words", "sum"))
    kinds = quotes.pivot_table(index="outlet", columns="kind", values="quote_id", aggfunc="count",
                               fill_value=0)
    examples = quotes[quotes["kind"] == "scare"].groupby("outlet")["text"].agg(
        lambda t: "; ".join(sorted(set(t))))
    out = base.join(kinds).fillna(0)
    for kind in ("scare", "direct"):
        out[kind] = out[kind].astype("int64") if kind in out else 0
    out = out.rename(columns={"scare": "scare_quotes", "direct": "direct_quotes"})
    out["scare_per_1000_words"] = out["scare_quotes"] * 1000 / out["words"].where(out["words"] > 0)
    out["examples"] = examples.reindex(out.index).fillna("")
    return out.reset_index()[["outlet", "documents", "words", "scare_quotes", "direct_quotes",
                              "scare_per_1000_words", "examples"]]


def count_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """Direct quotations per outlet and speaker: ``outlet``, ``speaker``, ``quotes``."""
    direct = quotes[(quotes["kind"] == "direct") & (quotes["part_of"] == "")]
    return (direct.groupby(["outlet", "speaker"]).size().rename("quotes").reset_index()
            .sort_values(["outlet", "quotes", "speaker"], ascending=[True, False, True])
            .reset_index(drop=True))


# --- grouping ----------------------------------------------------------------------------

def quote_tokens(text: str, language: str = "en") -> tuple[str, ...]:
    """Folded words of a quotation (case, accents, apostrophes folded), the unit of matching."""
    return tuple(tokenize_words(fold_text(text)[0], language))


def _bigrams(tokens) -> set:
    return set(zip(tokens, tokens[1:]))


def quote_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Similarity of two token sequences, 0 to 1: the mean of word containment and word-pair
    containment, each |A ∩ B| / min(|A|, |B|). Containment keeps a truncated version (a contiguous
    part of the other) at 1; word pairs keep word order in play."""
    ua, ub = set(a), set(b)
    if not ua or not ub:
        return 0.0
    uni = len(ua & ub) / min(len(ua), len(ub))
    ba, bb = _bigrams(a), _bigrams(b)
    bi = len(ba & bb) / min(len(ba), len(bb)) if ba and bb else uni
    return (uni + bi) / 2


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def cluster_token_sequences(sequences: list[tuple[str, ...]], threshold: float = 0.5,
                            min_words: int = 4, shingle: int = 3, max_compare: int = 50):
    """Component label of each token sequence, joining sequences that are the same utterance.

    Candidates: sequences sharing a word ``shingle``-gram (an inverted index: one posting list per
    shingle). Within a posting list a sequence is compared only with one representative of each
    component already in the list (at most ``max_compare``), and not at all when it is already in
    that component, so cost grows with the number of postings, not with their square. A pair is
    joined when both have ≥ ``min_words`` words and :func:`quote_similarity` ≥ ``threshold``;
    components by union-find. Returns (labels, number of similarity checks).
    """
    uf = _UnionFind(len(sequences))
    postings: dict[tuple, list[int]] = {}
    for i, seq in enumerate(sequences):
        if len(seq) < min_words:
            continue
        for k in range(max(1, len(seq) - shingle + 1)):
            postings.setdefault(seq[k:k + shingle], []).append(i)
    checks = 0
    for members in postings.values():
        if len(members) < 2:
            continue
        reps: list[int] = []
        for m in members:
            root = uf.find(m)
            roots = {uf.find(r) for r in reps}
            if root in roots:
                continue
            joined = False
            for r in reps[:max_compare]:
                if uf.find(r) == uf.find(m):
                    joined = True
                    break
                checks += 1
                if quote_similarity(sequences[m], sequences[r]) >= threshold:
                    uf.union(m, r)
                    joined = True
            if not joined:
                reps.append(m)
    return [uf.find(i) for i in range(len(sequences))], checks


def all_pairs_matches(sequences: list[tuple[str, ...]], threshold: float = 0.5,
                      min_words: int = 4) -> list[tuple[int, int]]:
    """Every pair (i < j) the verifier judges the same utterance: the quadratic baseline."""
    keep = [i for i, s in enumerate(sequences) if len(s) >= min_words]
    pairs = []
    for x, i in enumerate(keep):
        for j in keep[x + 1:]:
            if quote_similarity(sequences[i], sequences[j]) >= threshold:
                pairs.append((i, j))
    return pairs


def group_quotes(quotes: pd.DataFrame, translated: pd.DataFrame | None = None,
                 threshold: float = 0.5, min_words: int = 4) -> pd.DataFrame:
    """Give each direct quotation a ``group_id``: versions of one utterance across outlets.

    In: quotes from :func:`extract_quotes`; optionally translated quotes from
    :func:`extract_translated_quotes`, whose English text stands in for the original quotation
    it is linked to. Only outermost direct quotations take part; scare quotes and nested
    quotations get ``group_id`` "". Out: the quotes plus ``match_text`` (text compared: the
    quotation, or its pivot translation), ``via_translation`` and ``group_id`` (``gNNNN``,
    numbered by first quote_id; singletons are groups of one). See
    :func:`cluster_token_sequences` for cost.
    """
    out = quotes.copy()
    out["match_text"] = out["text"]
    out["via_translation"] = False
    if translated is not None and not translated.empty:
        pivot = translated[translated["original_quote_id"] != ""].drop_duplicates("original_quote_id")
        pivot = pivot.set_index("original_quote_id")["text"]
        hit = out["quote_id"].isin(pivot.index)
        out.loc[hit, "match_text"] = out.loc[hit, "quote_id"].map(pivot)
        out.loc[hit, "via_translation"] = True
    eligible = out[(out["kind"] == "direct") & (out["depth"] == 0)]
    languages = np.where(eligible["via_translation"], "en", eligible["language"])
    tokens = [quote_tokens(t, lang) for t, lang in zip(eligible["match_text"], languages)]
    unique = {}
    index = [unique.setdefault(t, len(unique)) for t in tokens]
    labels, _ = cluster_token_sequences(list(unique), threshold, min_words)
    component = [labels[i] for i in index]
    order = pd.Series(component, index=eligible.index)
    first = eligible.groupby(order.values)["quote_id"].min().sort_values()
    names = {comp: f"g{n + 1:04d}" for n, comp in enumerate(first.index)}
    out["group_id"] = ""
    out.loc[eligible.index, "group_id"] = order.map(names)
    return out


def summarise_quote_groups(grouped: pd.DataFrame) -> pd.DataFrame:
    """One row per group: ``group_id``, ``outlets`` ("; "-joined), ``n_outlets``, ``n_quotes``,
    ``languages``, ``speakers``, ``canonical_quote_id`` and ``canonical_text`` (the longest
    version in words, as compared: pivot English for translated quotations)."""
    g = grouped[grouped["group_id"] != ""].copy()
    g["n_words"] = g["match_text"].map(lambda t: len(quote_tokens(t)))
    canon = g.sort_values(["group_id", "n_words", "quote_id"], ascending=[True, False, True]) \
        .drop_duplicates("group_id").set_index("group_id")
    summary = g.groupby("group_id").agg(
        outlets=("outlet", lambda o: "; ".join(sorted(set(o)))),
        n_outlets=("outlet", "nunique"), n_quotes=("quote_id", "size"),
        languages=("language", lambda o: "; ".join(sorted(set(o)))),
        speakers=("speaker", lambda o: "; ".join(sorted(set(o)))))
    summary["canonical_quote_id"] = canon["quote_id"]
    summary["canonical_text"] = canon["match_text"]
    return summary.reset_index()


def quote_overlap(grouped: pd.DataFrame) -> pd.DataFrame:
    """Shared quotation groups per pair of outlets: ``outlet_a`` < ``outlet_b``,
    ``shared_groups``, ``jaccard`` (shared / groups quoted by either)."""
    g = grouped[grouped["group_id"] != ""]
    sets = g.groupby("outlet")["group_id"].agg(set)
    rows = []
    for i, a in enumerate(sets.index):
        for b in sets.index[i + 1:]:
            shared = len(sets[a] & sets[b])
            rows.append((a, b, shared, shared / len(sets[a] | sets[b])))
    return pd.DataFrame(rows, columns=["outlet_a", "outlet_b", "shared_groups", "jaccard"])


# --- fidelity ----------------------------------------------------------------------------

def _display_tokens(text: str, language: str) -> list[tuple[str, str]]:
    """(word as written, folded word) pairs."""
    return [(text[a:b], fold_text(text[a:b])[0]) for a, b in word_spans(text, language)]


def _diff(canon: list[tuple[str, str]], version: list[tuple[str, str]]):
    matcher = difflib.SequenceMatcher(None, [f for _, f in canon], [f for _, f in version],
                                      autojunk=False)
    return matcher.get_opcodes()


def compare_quote_versions(grouped: pd.DataFrame) -> pd.DataFrame:
    """Word-level comparison of every version in a multi-outlet group with the group's longest.

    Out: ``group_id``, ``quote_id``, ``doc_id``, ``outlet``, ``canonical_quote_id``,
    ``canonical_text``, ``version_text`` (as compared: pivot English when translated),
    ``words_dropped`` / ``words_added`` (words of the canonical missing here / words here not in
    the canonical, " "-joined), ``n_dropped``, ``n_added``, ``canonical`` (this row is the
    canonical version itself), ``truncated`` (the version is a
    contiguous part of the canonical, shorter than it), ``translated`` (compared through the
    project's pivot translation), ``identical``, ``similarity`` (difflib ratio on words).
    """
    g = grouped[grouped["group_id"] != ""].copy()
    multi = g.groupby("group_id")["outlet"].transform("nunique") > 1
    g = g[multi]
    g["n_words"] = g["match_text"].map(lambda t: len(quote_tokens(t)))
    rows = []
    for group_id, versions in g.groupby("group_id"):
        versions = versions.sort_values(["n_words", "quote_id"], ascending=[False, True])
        canon = versions.iloc[0]
        c_tokens = _display_tokens(canon["match_text"], "en" if canon["via_translation"]
                                   else canon["language"])
        for v in versions.itertuples(index=False):
            v_tokens = _display_tokens(v.match_text, "en" if v.via_translation else v.language)
            ops = _diff(c_tokens, v_tokens)
            dropped = [w for tag, i1, i2, _, _ in ops if tag in ("delete", "replace")
                       for w, _ in c_tokens[i1:i2]]
            added = [w for tag, _, _, j1, j2 in ops if tag in ("insert", "replace")
                     for w, _ in v_tokens[j1:j2]]
            equal = [op for op in ops if op[0] == "equal"]
            truncated = (len(v_tokens) < len(c_tokens) and not added and len(equal) == 1)
            size = sum(i2 - i1 for _, i1, i2, _, _ in equal)
            rows.append(dict(
                group_id=group_id, quote_id=v.quote_id, doc_id=v.doc_id, outlet=v.outlet,
                canonical_quote_id=canon["quote_id"], canonical_text=canon["match_text"],
                version_text=v.match_text, words_dropped=" ".join(dropped),
                words_added=" ".join(added), n_dropped=len(dropped), n_added=len(added),
                canonical=v.quote_id == canon["quote_id"],
                truncated=bool(truncated), translated=bool(v.via_translation),
                identical=not dropped and not added,
                similarity=2 * size / max(len(c_tokens) + len(v_tokens), 1)))
    return pd.DataFrame(rows, columns=[
        "group_id", "quote_id", "doc_id", "outlet", "canonical_quote_id", "canonical_text",
        "version_text", "words_dropped", "words_added", "n_dropped", "n_added", "canonical", "truncated",
        "translated", "identical", "similarity"])


def fidelity_html(fidelity: pd.DataFrame) -> "HTML":  # noqa: F821
    """Side-by-side comparison of each version with its group's canonical text, as escaped HTML:
    words of the canonical missing from the version in <del>, words added in <ins>."""
    from IPython.display import HTML

    blocks = []
    for group_id, versions in fidelity.groupby("group_id", sort=True):
        canon_text = versions["canonical_text"].iloc[0]
        rows = []
        for v in versions.itertuples(index=False):
            c_tokens = _display_tokens(canon_text, "en")
            v_tokens = _display_tokens(v.version_text, "en")
            pieces = []
            for tag, i1, i2, j1, j2 in _diff(c_tokens, v_tokens):
                if tag == "equal":
                    pieces.append(html.escape(" ".join(w for w, _ in v_tokens[j1:j2])))
                if tag in ("delete", "replace"):
                    pieces.append("<del>" + html.escape(" ".join(w for w, _ in c_tokens[i1:i2]))
                                  + "</del>")
                if tag in ("insert", "replace"):
                    pieces.append("<ins>" + html.escape(" ".join(w for w, _ in v_tokens[j1:j2]))
                                  + "</ins>")
            notes = [label for label, on in (("canonical", v.quote_id == v.canonical_quote_id),
                                             ("truncated", v.truncated),
                                             ("via the project's English translation", v.translated),
                                             ("identical", v.identical and v.quote_id != v.canonical_quote_id))
                     if on]
            rows.append(f"<tr><td>{html.escape(v.outlet)}<br><code>{html.escape(v.quote_id)}</code>"
                        f"</td><td>{' '.join(pieces)}</td><td>{html.escape(', '.join(notes))}"
                        f"</td></tr>")
        blocks.append(f"<h4>{html.escape(group_id)}</h4><table><tr><th>outlet · quote</th>"
                      f"<th>version against the canonical (longest) text</th><th>notes</th></tr>"
                      + "".join(rows) + "</table>")
    if not blocks:
        return HTML("<p>No quotation is carried by more than one outlet.</p>")
    return HTML("<style>del{background:#fdd}ins{background:#dfd;text-decoration:none}</style>"
                + "".join(blocks))


def describe_quotes(grouped: pd.DataFrame, translated: pd.DataFrame,
                    threshold: float) -> "HTML":  # noqa: F821
    """A paragraph generated from the data: quotations found, direct and scare, speakers known,
    quotations read through a pivot translation, groups shared by several outlets (escaped HTML)."""
    from IPython.display import HTML

    direct = grouped[grouped["kind"] == "direct"]
    scare = grouped[grouped["kind"] == "scare"]
    known = direct[direct["speaker"] != "unknown"]
    groups = grouped[grouped["group_id"] != ""].groupby("group_id")["outlet"].nunique()
    docs = translated["doc_id"].nunique() if len(translated) else 0
    by = sorted(set(translated["translation_by"])) if len(translated) else []
    text = (f"<p><strong>{len(grouped)}</strong> quotations found in "
            f"<strong>{grouped['doc_id'].nunique()}</strong> documents: <strong>{len(direct)}"
            f"</strong> direct, <strong>{len(scare)}</strong> scare quotes. "
            f"{len(known)} of the direct quotations name a speaker; {len(direct) - len(known)} "
            "are <code>unknown</code>. ")
    if docs:
        text += (f"{len(translated)} quotations come from English pivot translations of {docs} "
                 f"document(s) (translated by {_escape_join(by)}) and stand in for the original "
                 "words when quotations are matched across languages. ")
    text += (f"At similarity ≥ {threshold:g}, the direct quotations form <strong>{len(groups)}"
             f"</strong> groups; <strong>{int((groups > 1).sum())}</strong> are carried by more "
             "than one outlet.</p>")
    return HTML(text)


def _escape_join(values) -> str:
    """Values HTML-escaped and joined with commas."""
    return ", ".join(html.escape(str(v)) for v in values)
