"""Quotations in article texts: the quoted words, their kind (direct, scare, title), speaker and verb.

A quotation is found from its marks (:mod:`analysis.marks`), never from apostrophes; each row keeps
the offsets of the quoted words in the corpus ``text``, so every quotation can be shown in a
concordance. Per-language words come from the language resources; a language without them
gets no verbs (speakers ``unknown``) and its rows say ``resources`` = none.

Cost: linear in the text length. Marks are visited once; verbs are found in one matcher pass;
each quotation finds its sentence, the verbs around it and the source phrase by bisection, and
every window searched for a speaker is bounded.
"""
from __future__ import annotations

import bisect
import re

import pandas as pd

from analysis.marks import QUOTE_MARKS, WORD_APOSTROPHES, scan_quote_marks
from analysis.quotes.kinds import after_possessive, classify, title_words, work_title
from analysis.quotes.introductions import (POSSESSOR, SPACES, goes_on, introduction, paragraph_alone,
                                          sentence_alone, signature)
from analysis.quotes.links import link_mixed, link_parts
from analysis.quotes.mentions import (NEAR, NO_MENTION, Mention, after_verb, credited_after, describes, mention_after, mention_in,
                                      named_after, names_right_after, opens_new_clause, opens_noun_phrase, said_of_object, speaker_type, whole_name)
from analysis.quotes.masking import blank_dateline, blank_doubled_openings, blank_inside
from analysis.quotes.reported import content_span, find_reported, parenthetical
from analysis.quotes.sentence_model import candidate_sentences, model_path, sentence_model, word_starts
from analysis.quotes.rules import QuoteRules, quote_rules
from analysis.quotes.coreference import Speakers
from analysis.quotes.speakers import Verb, find_verbs
from analysis.schemas import conform, empty_table, row_tuples, table_columns
from analysis.text import split_sentences, tokenize_words

# Between a quotation and the verb after it: a name of up to six words (titles and initials with
# their periods), then up to four appositions between commas ("…,” Sarandon, 69, told; "…,” Scott
# Pruitt, the attorney general of Oklahoma, said; "…,” Harry Bond, 30, of Raleigh, N.C., said).
_AFTER_QUOTE = re.compile(r"[\s," + WORD_APOSTROPHES + r"]*(?:[^\W\d_][\w" + WORD_APOSTROPHES + r"\-.]*\s*){0,6}"
                          r"(?:(?:,\s*[^,;:!?\n]{1,90}){1,4},\s*)?")
_SENTENCE_REST = re.compile(r"([^.;:!?\n]{1,120})[.;!?]")
_PRIVATE = ["_open", "_close", "_cont", "_continues", "_inside", "_title", "_owned"]
_FIRST_WORD = re.compile(r"[^\W\d_][\w\-]*")
_CLOSES = re.compile(r"(?:\s+[^\W\d_][\w" + WORD_APOSTROPHES + r"\-]*){0,3}\s*(?:[.,;!?]|$)")  # "asked." "said Tuesday,"


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in SPACES:
        a += 1
    while b > a and (text[b - 1] in SPACES or text[b - 1] == ","):
        b -= 1
    return a, b


class _Verbs:
    """A document's verbs in text order, searched by bisection."""

    def __init__(self, verbs: list[Verb]):
        self.verbs = verbs
        self.starts = [v.start for v in verbs]
        self.ends = [v.end for v in verbs]

    def first_from(self, at: int, limit: int) -> Verb | None:
        i = bisect.bisect_left(self.starts, at)
        return self.verbs[i] if i < len(self.verbs) and self.starts[i] < limit else None

    def last_before(self, at: int, floor: int) -> Verb | None:
        i = bisect.bisect_right(self.ends, at) - 1
        return self.verbs[i] if i >= 0 and self.starts[i] >= floor else None

    def any_between(self, a: int, b: int) -> bool:
        i = bisect.bisect_left(self.starts, a)
        return i < len(self.verbs) and self.starts[i] < b


def _attribute(p, text: str, masked: str, sentence: tuple[int, int], verbs: _Verbs,
               rules: QuoteRules) -> tuple[Verb | None, bool, bool]:
    """The verb that attributes quotation ``p``, whether any verb is in its sentence, and whether
    a verb introduces it directly."""
    s_start, s_end = sentence
    close_end = p.close_at + (0 if p.continues else 1)
    limit = max(s_end, close_end)
    has_verb = verbs.any_between(s_start, limit)
    # The verb after may lie past the sentence end: “Is it true?” Graham asked. (the splitter ends
    # the sentence at the question mark); _AFTER_QUOTE keeps it to a name before the verb.
    after = verbs.first_from(close_end, close_end + NEAR)
    before = verbs.last_before(p.open_at, s_start)
    post = None
    if after and after.verb.casefold() in rules.participles and not masked[close_end:after.start].strip(" ,"):
        after = None  # “…,” adding that …: goes on in the voice of the speaker before
    if after and after.start >= limit and not _closes_its_sentence(masked, close_end, after.end, rules):
        after = None  # past the sentence, the verb must close its own: not “…?” Trump said that …
    if after and before and after.start >= limit and _leads_in(masked[before.end:p.open_at]):
        after = None  # Clinton said, “…” She followed that by saying, “…”: the verb before introduces it
    if after and after.start - close_end <= NEAR and "\n" not in masked[close_end:after.start]:
        between = masked[close_end:after.start]  # not across a paragraph: "“…”\n\nThe candidate added, “…”"
        tight = not between.strip() and names_right_after(masked, after.end, after.verb, rules)
        if _AFTER_QUOTE.fullmatch(between) and _names_first(between, rules) and (
                text[p.close_at - 1] in ",?!.-\u2014" or between.strip().startswith(",") or tight):  # “…” said Friedman
            first = mention_in(between.split(",")[0], rules)  # "…," Sarandon, 69, told MSNBC
            parts = between.lstrip(SPACES + "," + WORD_APOSTROPHES + "'\"").split(",")
            named = whole_name(parts[1], rules) if len(parts) >= 3 and describes(parts[0], rules) else NO_MENTION
            if named.kind == "name":
                first = named  # "…," Google's chief executive, Laszlo Bock, told
            mention = after.mention if after.source else first if first.kind == "name" else mention_in(between, rules)
            if mention.kind == "none":  # inverted: "…," said Sen. Jean Dupont, a …
                mention = named_after(masked, after.end, rules)
            if mention.kind == "none" and after.mention.kind == "name" and after.mention.text in between:
                mention = after.mention  # "“…,” From said": a name that is also a stopword
            post = Verb(after.start, after.end, after.verb, mention, after.source)
    if before and before.mention.kind == "none" and not post:  # Said Ellis: “…”
        gap = masked[before.end:p.open_at].split(",")[0]  # Said Dorothy Poynter, who grew up …, “…”
        named = mention_after(gap.rstrip(" :"), rules)
        if named.kind == "name" and len(gap.split()) <= 4:
            before = Verb(before.start, before.end, before.verb, named, before.source)
    if after and not post and not _quotations_run_on(p, text, close_end, after.start):
        after = None  # Potts echoed:\n\n“…”\n\nAfter the mayor, Duke Bennett, was elected, …
    if after and not post and opens_new_clause(masked[close_end:after.start], rules):
        after = None  # His cousin “started mouthing off,” and Holder urged him …: a new clause, its own verb
    chosen = post or before or after
    gap = masked[before.end:p.open_at] if before else ""
    introduced = post is not None or (
        before is not None and len(gap) <= NEAR and len(tokenize_words(gap, rules.language)) <= 2)
    return chosen, has_verb, introduced


def _leads_in(gap: str) -> bool:
    """The words between a verb and a quotation lead into it: a comma or colon right before it,
    after three words at most ("said,", "responds to Mills with,", « répond à Marie Durand : »)."""
    words = gap.split()
    return bool(words) and len(words) <= 3 and gap.rstrip()[-1:] in ",:"


def _quotations_run_on(p, text: str, close_end: int, at: int) -> bool:
    """A verb at ``at`` past the paragraph of quotation ``p`` may attribute it only when both
    paragraphs open with a quotation: a speech quoted paragraph after paragraph, its verb given
    once ("“…”\n\n“…,” Viguerie notes."), not the author's next paragraph."""
    if "\n" not in text[close_end:at] or p.depth:
        return True
    line = text[text.rfind("\n", 0, at) + 1:at].lstrip(SPACES)
    return paragraph_alone(p, text) and line[:1] in QUOTE_MARKS


def _closes_its_sentence(masked: str, close_end: int, at: int, rules: QuoteRules) -> bool:
    """The verb ending at ``at`` ends its sentence within a dozen words on the quotation's line
    ("asked.", "wrote in a September 16, 2012 email to top State officials."), with no conjunction
    opening a clause of its own ("said that")."""
    if _CLOSES.match(masked, at):
        return True
    if "\n" in masked[close_end:at]:
        return False
    rest = _SENTENCE_REST.match(masked, at)
    words = rest.group(1).split() if rest else []
    return 0 < len(words) <= 12 and not any(w.casefold() in rules.conjunctions for w in words)


def _names_first(between: str, rules: QuoteRules) -> bool:
    """The words between a quotation and the verb after it open with a speaker ("the gambling
    tycoon", "Sen. Smith", "she"), not with the author's words ("…,” but also hungry for what she
    calls)."""
    first = _FIRST_WORD.search(between)
    if not first or first.group()[:1].isupper():
        return True
    return first.group().casefold() in rules.determiners | rules.singular | rules.plural | rules.skip | rules.roles


def _named_by(masked: str, at: int, chosen: Verb | None, rules: QuoteRules) -> bool:
    """A naming word ("called", "dubbed", « appelée ») right before the quotation, where it is
    not the reporting verb that introduces it: the quoted words are a name given."""
    window = masked[max(0, at - 30):at]
    found = [m for m in rules.naming_words.find(window, "*") if not window[m.end:].strip()]
    return bool(found) and not (chosen is not None and chosen.end == at - len(window) + found[-1].end)


def _source(chosen: Verb | None, masked: str, according: list, starts: list[int],
            sentence: tuple[int, int], rules: QuoteRules):
    """The outlet or report credited: the verb's source, else an "according to X" of the sentence
    (``according``: its matches, ``starts`` their offsets, in text order); and that "according to
    X" as (mention, cue start, cue end), or None."""
    i = bisect.bisect_left(starts, sentence[0])
    found = None
    if i < len(according) and according[i].end <= sentence[1]:
        m = according[i]
        mention = credited_after(after_verb(masked, m.end, rules.title_abbreviations), rules)
        if mention.kind in ("name", "role"):
            found = (mention, m.start, m.end)
    if chosen and chosen.source:
        return chosen.source, found
    return (found[0].text if found else ""), found


def _line_column(line_starts: list[int], at: int) -> tuple[int, int]:
    line = bisect.bisect_right(line_starts, at)
    return line, at - line_starts[line - 1] + 1


def extract_document(doc_id: str, outlet: str, language: str, text: str) -> tuple[list[dict], list[dict]]:
    """Quotation rows and unbalanced-mark warnings of one text (see :func:`extract_quotes`)."""
    rules = quote_rules(language)
    pairs, mark_warnings = scan_quote_marks(text)
    sentences = split_sentences(text, language, pairs=pairs) or [(0, len(text))]
    ends = [b for _, b in sentences]
    masked = blank_dateline(blank_doubled_openings(blank_inside(text, pairs), pairs))
    long_only = blank_dateline(blank_inside(text, pairs, lambda p: len(text[p.open_at + 1:p.close_at].split())
                                            > rules.name_max_words + 2))
    verbs = _Verbs(find_verbs(long_only, masked, sentences, rules))
    according_to = rules.sources_named(masked)
    according_starts = [m.start for m in according_to]
    speakers = Speakers(verbs.verbs, rules, text, masked, sentences)
    rows = []
    for n, p in enumerate(pairs):
        a, b = _trim(text, p.open_at + 1, p.close_at)
        if a >= b:
            continue
        s = min(bisect.bisect_right(ends, a), len(sentences) - 1)
        chosen, has_verb, introduced = _attribute(p, text, masked, sentences[s], verbs, rules)
        words = tokenize_words(text[a:b], language)
        kind = classify(words, has_verb, introduced, rules)
        source, according = _source(chosen, masked, according_to, according_starts, sentences[s], rules)
        mention = chosen.mention if chosen else NO_MENTION
        cue_start, cue_end = (chosen.start, chosen.end) if chosen else (-1, -1)
        after_verb = introduced and chosen is not None and chosen.start > p.close_at
        named_by = _named_by(masked, p.open_at, chosen, rules)
        if not after_verb and len(words) <= rules.name_max_words + 2 and (
                opens_noun_phrase(masked, p.open_at, rules) or named_by):
            kind = "scare"  # the "science" from the CDC; le « chef du Front … » (an appositive); called “X”
        other = None if introduced or (p.depth > 0) else introduction(p, text, masked, sentences[s], verbs, rules)
        title = len(words) <= rules.name_max_words and title_words(words, rules)
        # "The Apprentice", called “X”: reported words around it do not make it theirs; "refers to
        # the governor as “Chris”": the name the speaker gives
        owned = bool(POSSESSOR.search(masked[max(0, p.open_at - 60):p.open_at]))
        work = (title and owned) or work_title(words, masked, p.open_at, p.close_at + 1, owned, rules)
        named = (title and not said_of_object(masked, p.open_at, rules)) or named_by or work
        if work:
            kind, other = "title", None  # NBC's “Today”, the book “…”: nobody's words, no distancing either
        signed = signature(p, masked, rules) if p.depth == 0 else None
        if signed:
            other, mention = signed, NO_MENTION  # the signature names the speaker, whatever verb is near
        if other and (kind == "scare" or mention.kind == "none"):
            mention, cue_start, cue_end = other
            kind, chosen = "direct", None
        elif according is not None and kind == "direct" and mention.kind == "none":
            (mention, cue_start, cue_end), chosen = according, None  # "according to the EEOC, “…”"
        if kind in ("scare", "title"):
            chosen, mention, source, cue_start, cue_end = None, NO_MENTION, "", -1, -1
        speaker = (speakers.resolve(mention, cue_start) if mention.kind != "none" else "unknown")
        alone = paragraph_alone(p, text)
        if kind == "direct" and speaker == "unknown" and p.depth == 0 and (alone or sentence_alone(p, text, sentences[s])):
            previous = next((r for r in reversed(rows) if r["kind"] == "direct" and r["depth"] == 0), None)
            if previous and previous["speaker"] != "unknown" and goes_on(previous, p, text, sentences, s, alone):
                speaker, mention = previous["speaker"], Mention(previous["speaker_mention"],  # no he or she for "the email"
                                                                "role" if previous["speaker_type"] == "document" else "name")
        if kind == "direct" and speaker != "unknown" and mention.kind in ("name", "pronoun"):
            speakers.add_quoted(a, speaker)
        verb = chosen.verb if chosen else ""
        full = speakers.full_name(speaker) if kind == "direct" else ""
        rows.append(dict(
            quote_id=f"{doc_id}:q{n:03d}", doc_id=doc_id, outlet=outlet, language=language,
            kind=kind, quote_text=text[a:b], start=a, end=b,
            speaker=full, speaker_mention=mention.text, verb=verb, verb_role=rules.verb_role.get(verb, ""),
            source=source, sentence_id=s, sentence=text[sentences[s][0]:sentences[s][1]],
            marks=p.marks, depth=p.depth, part_of="", nested_in="", resources=rules.resources,
            speaker_type=speaker_type(full, mention, rules) if kind == "direct" else "",
            speaker_title=(mention.title or speakers.title_of(full)) if kind == "direct" else "",
            cue=text[cue_start:cue_end] if kind == "direct" and cue_start >= 0 else "",
            cue_start=cue_start if kind == "direct" else -1, cue_end=cue_end if kind == "direct" else -1,
            _open=p.open_at, _close=p.close_at, _cont=p.continued, _continues=p.continues,
            _inside=_runs_on(chosen, introduced, after_verb, other, text, masked, sentences[s], p, rules),
            _title=named, _owned=len(words) <= rules.scare_max_words and after_possessive(masked, p.open_at, rules)))
    link_parts(rows, text, rules)
    # A verb whose words run on before the quotation ("Police say they have “adequate resources”")
    # reports a mixed quotation: find_reported reads it; the quoted words are its part_of.
    used = {r["cue_start"] for r in rows if r["kind"] == "direct" and not r["_inside"]}
    closing = frozenset(r["cue_start"] for r in rows
                        if r["kind"] == "direct" and r["cue_start"] > r["_close"] and not r["_inside"])
    for n, r in enumerate(find_reported(text, masked, sentences, verbs.verbs, used, according_to, pairs, rules,
                                        closing)):
        mention, verb = r["mention"], r["verb"].verb if r["verb"] else ""
        speaker = speakers.full_name(speakers.resolve(mention, r["cue_start"]))
        sid = r["sentence_id"]
        rows.append(dict(
            quote_id=f"{doc_id}:r{n:03d}", doc_id=doc_id, outlet=outlet, language=language, kind=r["kind"],
            quote_text=text[r["start"]:r["end"]], start=r["start"], end=r["end"], speaker=speaker,
            speaker_mention=mention.text, verb=verb, verb_role=rules.verb_role.get(verb, ""),
            source=r["verb"].source if r["verb"] else "", sentence_id=sid,
            sentence=text[sentences[sid][0]:sentences[sid][1]], marks="", depth=0, part_of="", nested_in="",
            resources=rules.resources, speaker_type=speaker_type(speaker, mention, rules),
            speaker_title=mention.title or speakers.title_of(speaker),
            cue=text[r["cue_start"]:r["cue_end"]], cue_start=r["cue_start"], cue_end=r["cue_end"],
            _open=r["start"], _close=r["end"], _cont=False, _continues=False, _inside=False, _title=False, _owned=False))
    rows += _model_rows(doc_id, outlet, language, text, sentences, rows, pairs, [w[0] for w in mark_warnings], rules)
    link_mixed(rows)
    return rows, _warning_rows(doc_id, outlet, text, mark_warnings)


_NOBODY = dict(speaker="unknown", speaker_mention="", speaker_type="unknown", speaker_title="")


def _model_rows(doc_id: str, outlet: str, language: str, text: str, sentences: list, rows: list,
                pairs, unbalanced: list[int], rules: QuoteRules) -> list[dict]:
    """Reported-speech rows the sentence model finds among the sentences the rules left alone
    (:mod:`analysis.quotes.sentence_model`): the content is the part of the sentence its content
    tagger keeps (a row repeating a rule's row is dropped); the speaker is
    ``unknown`` and there is no cue (the model says that a sentence reports someone, not who:
    its subject is often the author's topic, "Massoud and his treacherous team have appealed"),
    unless the sentence holds direct quotations of one named speaker, whose view it then reports
    ("…, with Donald Trump tweeting that it was a “disaster” and asking, “…?”"); ``resources``
    names the model."""
    model = sentence_model(language) if rules.found else None
    if model is None:
        return []
    reported = [(r["start"], r["end"]) for r in rows if r["kind"] in ("indirect", "mixed")]
    covered = {w for a, b in reported for w in word_starts(text, a, b)}
    direct = [(r["start"], r["end"]) for r in rows if r["kind"] == "direct"]
    opens = sorted(p.open_at for p in pairs if p.depth == 0)
    ends = [b for _, b in sentences]
    found = []
    for sa, sb in candidate_sentences(text, sentences, reported, direct):
        if not model.predict([text[sa:sb]])[0]:
            continue
        a, b = content_span(text, sa, sb)
        if any(a <= at < b for at in unbalanced):
            continue  # an unbalanced mark: the sentence is listed in quote_warnings, not read
        if model.content_ is not None:
            a, b = model.content_.content(text, a, b, [(p.open_at, p.close_at + 1) for p in pairs if p.depth == 0],
                                          rules.noun_markers)
            words = word_starts(text, a, b)
            if len(words & covered) >= 0.5 * len(words):
                continue  # a rule's row already reports these words ("questioned [his depth and experience]")
        sid = min(bisect.bisect_right(ends, a), len(sentences) - 1)
        i = bisect.bisect_left(opens, a)
        quoted = [r for r in rows if r["kind"] == "direct" and a <= r["start"] and r["end"] <= b]
        named = {r["speaker"] for r in quoted} - {"unknown"}
        voice = next(r for r in quoted if r["speaker"] in named) if len(named) == 1 else _NOBODY
        found.append(dict(
            quote_id=f"{doc_id}:m{len(found):03d}", doc_id=doc_id, outlet=outlet, language=language,
            kind="mixed" if i < len(opens) and opens[i] < b else "indirect", quote_text=text[a:b], start=a, end=b,
            speaker=voice["speaker"], speaker_mention=voice["speaker_mention"], verb="", verb_role="", source="",
            sentence_id=sid, sentence=text[sentences[sid][0]:sentences[sid][1]], marks="", depth=0, part_of="",
            nested_in="", resources=f"data/models/{model_path(language).name}", speaker_type=voice["speaker_type"],
            speaker_title=voice["speaker_title"], cue="", cue_start=-1, cue_end=-1,
            _open=a, _close=b, _cont=False, _continues=False, _inside=False, _title=False, _owned=False))
    return found


def _warning_rows(doc_id: str, outlet: str, text: str, mark_warnings: list) -> list[dict]:
    """Rows of table ``quote_warnings`` for one text's unbalanced marks, with line and column."""
    if not mark_warnings:
        return []
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return [dict(doc_id=doc_id, outlet=outlet, line=line, column=column, offset=at, mark=mark,
                 message=message)
            for at, mark, message in mark_warnings for line, column in [_line_column(line_starts, at)]]


def _runs_on(chosen: Verb | None, introduced: bool, after_verb: bool, other, text: str, masked: str,
             sentence: tuple[int, int], p, rules: QuoteRules) -> bool:
    """Whether the quoted words are part of reported words around them (a mixed quotation): the
    verb before them does not introduce them ("Police say they have “adequate resources”"), or
    the verb after them closes a sentence that opened with the author's words ("Not paying taxes
    “makes me smart,” Trump said"), or a conjunction sits between the verb and them ("said that “…”")."""
    if chosen is None or other:
        return False
    if not introduced:  # a verb of the same sentence that does not frame the quoted words
        return chosen.end <= p.open_at or chosen.start < sentence[1]
    if after_verb:
        return bool(tokenize_words(masked[sentence[0]:p.open_at], rules.language))
    if parenthetical(chosen, text, masked, sentence, rules):  # "Perhaps, he said, this “town …”"
        return True
    gap = masked[chosen.end:p.open_at].split()
    if any(w.casefold() in rules.conjunctions for w in gap):
        return True  # "said that “…”": reported speech holding the quoted words
    if gap and rules.evaluates(chosen.verb):
        return True  # "called Trump “unhinged”": a judgement of its object, in the author's clause
    # “…” followed by more of the reported clause: "saying that “race still determines too much” in America"
    return len(tokenize_words(masked[p.close_at + 1:sentence[1]], rules.language)) >= rules.indirect_min_words


def _extract(corpus: pd.DataFrame, column: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, warnings = [], []
    for doc in row_tuples(corpus):
        text = getattr(doc, column)
        if not isinstance(text, str) or not text:
            continue
        language = doc.language if column == "text" else "en"
        r, w = extract_document(doc.doc_id, doc.outlet, language, text)
        rows += r
        warnings += w
    columns = table_columns("quotes", upto="cue_end")
    quotes = pd.DataFrame(rows, columns=columns + _PRIVATE)[columns].reset_index(drop=True)
    quotes = quotes.astype({"start": "int64", "end": "int64", "sentence_id": "int64", "depth": "int64",
                            "cue_start": "int64", "cue_end": "int64"})
    return quotes, pd.DataFrame(warnings, columns=table_columns("quote_warnings"))


def extract_quotes(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per quotation (direct, scare or title) in the article texts.

    In: corpus with ``doc_id``, ``outlet``, ``language``, ``text``. Out: the ``quotes`` table's
    columns up to ``resources`` (grouping adds the rest); unbalanced marks are skipped here and
    listed by :func:`quote_warnings`.
    """
    return _extract(corpus, "text")[0]


def quote_warnings(corpus: pd.DataFrame, column: str = "text") -> pd.DataFrame:
    """Unbalanced quotation marks: table ``quote_warnings`` (the marks scanned, nothing else
    extracted). The rest of each document is read."""
    rows = []
    for doc in row_tuples(corpus):
        text = getattr(doc, column)
        if isinstance(text, str) and text:
            rows += _warning_rows(doc.doc_id, doc.outlet, text, scan_quote_marks(text)[1])
    return pd.DataFrame(rows, columns=table_columns("quote_warnings"))


def extract_translated_quotes(corpus: pd.DataFrame,
                              originals: pd.DataFrame | None = None) -> pd.DataFrame:
    """Quotations in the English pivot translations (``translation`` column), linked to the
    quotation of the original text they translate: table ``translated_quotes`` (offsets into
    ``translation``; ``original_quote_id`` is the quotation of the same rank in the original
    when both hold as many quotations, else the one at the nearest relative position).
    ``originals``: the corpus's :func:`extract_quotes` result, when already computed.
    """
    docs = corpus[corpus["translation"].fillna("").str.len() > 0]
    marked = lambda q: q[q["kind"].isin(["direct", "scare", "title"])].reset_index(drop=True)  # noqa: E731
    quotes = marked(_extract(docs, "translation")[0])
    if quotes.empty:
        return empty_table("translated_quotes")
    quotes["quote_id"] = quotes["quote_id"].str.replace(r":q(\d+)$", r":t\1", regex=True)
    originals = marked(extract_quotes(docs) if originals is None
                       else originals[originals["doc_id"].isin(set(docs["doc_id"]))])
    linked = []
    mine_of = quotes.groupby("doc_id", sort=False).indices
    theirs_of = originals.groupby("doc_id", sort=False).indices
    none = []
    for doc in row_tuples(docs):
        mine = quotes.iloc[mine_of.get(doc.doc_id, none)]
        theirs = originals.iloc[theirs_of.get(doc.doc_id, none)]
        if len(theirs) == 0:
            linked += [""] * len(mine)
        elif len(mine) == len(theirs):
            linked += list(theirs["quote_id"])
        else:
            where = (theirs["start"] / max(len(doc.text), 1)).to_numpy()
            for start in mine["start"]:
                linked.append(theirs["quote_id"].iloc[
                    int(abs(where - start / max(len(doc.translation), 1)).argmin())])
    by = docs.set_index("doc_id")["translation_by"]
    return conform(quotes.assign(via_translation=True, translation_by=quotes["doc_id"].map(by).fillna(""),
                                 original_quote_id=linked), "translated_quotes")
