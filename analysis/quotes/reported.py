"""Reported speech: indirect ("X said (that) …", "X told Y …", "according to X, …", "X a affirmé
que …") and mixed quotations (reported words holding a quoted part), beside the direct ones.

Each reporting verb that did not introduce a direct quotation is read once: the reported words
are the rest of its sentence after the verb (its object skipped for a verb of telling, a
conjunction skipped) or, when the verb and its speaker close the sentence ("…, the senator said
on Tuesday."), the sentence up to the comma before them. A sentence opened by a name and a colon
("Sanders: Clinton Email Story Has Moved.", :func:`introductions.colon_heads`) reports the words
after the colon. Cost: linear; every search is bounded by the verb's sentence and a fixed window.
"""
from __future__ import annotations

import bisect
import re

from analysis.marks import QUOTE_MARKS, WORD_APOSTROPHES
from analysis.quotes.rules import QuoteRules
from analysis.quotes.introductions import colon_heads
from analysis.quotes.mentions import credited_after
from analysis.quotes.speakers import NO_MENTION, Mention, Verb, mention_after
from analysis.text import tokenize_words

TAIL_WORDS = 6   # words allowed after a verb that closes its sentence ("said in a statement")
OBJECT_WORDS = 8  # words of the person told ("told the Associated Press that")
PAREN_WORDS = 4  # words of speaker, and after the verb, in a verb between commas ("…, the senator said, …")
LEAD_WORDS = 12  # words of circumstance before "that" ("said in an interview with the AP last week that")
ADVERB_WORDS = 2  # words between an auxiliary and its passive verb ("was first reported by")
_END = re.compile(r"[\s.!?;:,\u2014\u2013-]+$")
_LEAD = re.compile(r"[\s,:\u2014\u2013-]+")
_CONTRACTION = re.compile("[" + WORD_APOSTROPHES + "](?:s|re|ll|d|ve|m)$")
# "the party's chief", "the terrorists' communications": an apostrophe, no quotation mark
_IN_WORD = re.compile(r"(?<=\w)[" + WORD_APOSTROPHES + r"](?=\w)|(?<=\ws)[" + WORD_APOSTROPHES + r"](?=\s\w)")


def _span(text: str, a: int, b: int) -> tuple[int, int]:
    """[a, b) without leading separators and the sentence's closing punctuation."""
    lead = _LEAD.match(text, a, b)
    a = lead.end() if lead else a
    tail = _END.search(text[a:b])
    return a, (a + tail.start() if tail else b)


def _elided_conjunction(folded: str, rules: QuoteRules) -> str | None:
    """The elided conjunction a folded word opens with (« qu' » of « qu'il »), or None."""
    return next((c for c in rules.conjunctions
                 if c[-1:] in WORD_APOSTROPHES and folded.startswith(c) and len(folded) > len(c)), None)


def _content_start(words: list, first: int, last: int, rules: QuoteRules, pronouns_until: int | None = None
                   ) -> int | None:
    """Where reported words begin among ``words[first:last]`` (matches in the text after a verb):
    after a conjunction ("that"), or at a subject pronoun ("he met", "they are") among the
    words before ``pronouns_until``; None if neither."""
    for k, w in enumerate(words[first:last], first):
        folded = _CONTRACTION.sub("", w.group().strip(",").casefold())  # "he’s", "they’re"
        if elided := _elided_conjunction(folded, rules):  # « qu'il était candidat »: the words after it
            return w.start() + len(elided)
        if folded in rules.conjunctions:
            # "told reporters that “…”": indirect speech with a verbatim part, a mixed quotation from "that"
            return w.start() if k + 1 < len(words) and words[k + 1].group()[:1] in QUOTE_MARKS else w.end()
        if folded in rules.subjects and (pronouns_until is None or k < pronouns_until):
            return w.start()
    return None


def _after(verb: Verb, text: str, masked: str, s_end: int, rules: QuoteRules) -> tuple[int, int] | None:
    """The reported words after the verb: "said (that) …", "told reporters that …"."""
    at = verb.end
    tail = masked[at:s_end]
    words = list(re.finditer(r"\S+", tail[:300]))
    if not words:
        return None
    first = words[0].group().strip(",").casefold()
    if first in rules.infinitive_markers and verb.verb.casefold() in rules.infinitive_verbs:
        return _span(text, at + words[0].start(), s_end)  # "vowed to repeal the law"
    # a circumstance ("said in an interview", "said while campaigning") or a clause of its own
    # ("issued a statement when Santorum told voters …") before any reported words
    opens_clause = first in rules.apposition_ends - rules.conjunctions - rules.relatives - rules.continuers
    if first in rules.breakers and first not in rules.conjunctions or opens_clause:
        begin = _content_start(words, 1, LEAD_WORDS, rules)
        if begin is None:
            return None  # "said in a statement", "said during the interview"
        return _span(text, at + begin, s_end)  # "said in an interview last week that …", "said on Friday he met"
    if _speaker_follows(verb, masked, tail, rules):
        return None  # "…," said David French of the NRF: the words after name the speaker
    if first in rules.weekdays and len(words) > 1:  # "said Monday that …", "said Tuesday the plan …"
        second = words[1].group().strip(",").casefold()
        circumstance = second in rules.breakers and second not in rules.conjunctions \
            and second not in rules.infinitive_markers
        begin = _content_start(words, 1 + circumstance, LEAD_WORDS + 1 + circumstance, rules)
        if begin is None and circumstance:
            return None  # "said Thursday during a taping of …": a circumstance, no reported words found
        return _span(text, at + (words[1].start() if begin is None else begin), s_end)
    if first in rules.conjunctions or _elided_conjunction(first, rules):
        at += _content_start(words, 0, 1, rules)  # "said that …", « a déclaré qu'il … »
    elif rules.tells(verb.verb) or verb.verb.casefold() in rules.conjunctions:
        begin = _content_start(words, 0, LEAD_WORDS + 1, rules, pronouns_until=OBJECT_WORDS + 1)
        if begin is None:
            return None
        at += begin  # "told reporters that …", "told a town hall in Salem, New Hampshire on Monday that …"
    elif tail[:1] not in (",", ":") and not first[:1].isalnum():
        return None  # "said “…”", "said (…)": a direct quotation or an aside; "says 31,000 …" is read
    return _span(text, at, s_end)


def _passive(verb: Verb, text: str, masked: str, sentence: tuple[int, int], rules: QuoteRules
             ) -> tuple[tuple[int, int] | None, Mention] | None:
    """A passive with an agent ("O’Malley’s move was first reported by MSNBC", « le plan a été
    annoncé par le ministère »): the reported words are its subject (None when a relative or a
    conjunction leaves none: "a deal that was rejected by"), the speaker the agent; None when the
    verb is not such a passive ((None, no mention) for a passive without one, inside the verb's
    match: it reports nothing). An auxiliary stands inside the verb's match (« a été annoncé ») or
    just before it, ``ADVERB_WORDS`` lower-case words at most between. Not for a verb of telling
    or asking (its words follow the agent: "was asked by a caller why …"), nor for an evaluating
    verb ("was attacked by a dog" judges nobody's words)."""
    s_start, s_end = sentence
    tail = masked[verb.end:s_end].split(None, 1)
    agent = len(tail) == 2 and tail[0].casefold() in rules.agents
    inside = any(w.casefold() in rules.auxiliaries for w in masked[verb.start:verb.end].split()[1:-1])
    if inside and (not agent or rules.tells(verb.verb) or rules.evaluates(verb.verb)):
        return None, NO_MENTION  # « a été annoncé lundi »: a passive, not « a annoncé »; nothing known said it
    if not agent or rules.tells(verb.verb) or rules.verb_role.get(verb.verb) in ("questioning", "evaluating"):
        return None
    if inside:
        end = verb.start  # « a été annoncé »: the auxiliary is inside the verb's match
    else:
        end, others = None, 0
        for m in reversed(list(re.finditer(r"\S+", masked[max(s_start, verb.start - 80):verb.start]))):
            word = m.group().casefold()
            if word in rules.auxiliaries or word in rules.skip:
                end = m.start() + max(s_start, verb.start - 80)
            elif m.group().isalpha() and m.group().islower() and others < ADVERB_WORDS:
                others += 1
            else:
                break
        if end is None or not any(w.casefold() in rules.auxiliaries for w in masked[end:verb.start].split()):
            return None
    begin = s_start
    for m in re.finditer(r"[^\s,;:]+|[;:]", masked[s_start:end]):
        if m.group() in ";:" or m.group().casefold() in rules.apposition_ends:
            begin = s_start + m.end()  # "a deal that was rejected": the clause after "that"
    speaker = mention_after(tail[1], rules)
    span = _span(text, begin, end)
    return (span if span[1] > span[0] else None), speaker


def _speaker_follows(verb: Verb, masked: str, tail: str, rules: QuoteRules) -> bool:
    """Whether the speaker follows the verb ("…," said David French of the NRF): no speaker
    before it, nothing but a comma or a quotation mark between it and the words before, and a
    name or a role right after it, or a comma ("c’est ce qu’a révélé, mercredi, le journal"); not
    "Forbes, however, says that …", "Others, however, say a recalibration is overdue" (the
    speaker is before the adverb)."""
    if verb.mention.kind != "none":
        return False
    if masked[max(0, verb.start - 40):verb.start].rstrip()[-1:] not in ("", ",") + tuple(QUOTE_MARKS):
        return False
    if tail.lstrip()[:1] == ",":
        return True
    first = tail.split(None, 1)[0].strip(",").casefold() if tail.strip() else ""
    return first not in rules.conjunctions and mention_after(tail.split(",")[0], rules).kind in ("name", "role")


def _in_relative_clause(verb: Verb, masked: str, sentence: tuple[int, int], rules: QuoteRules) -> bool:
    """The verb sits in a relative clause that a comma opens: "Barkley, who said he votes democratic,
    said …", "The man, who asked that his identity not be [revealed], lives", « Le député, qui a affirmé »."""
    comma = masked.rfind(",", sentence[0], verb.start)
    words = masked[comma + 1:verb.start].split() if comma >= 0 else []
    return 0 < len(words) <= LEAD_WORDS and words[0].casefold() in rules.relatives


def parenthetical(verb: Verb, text: str, masked: str, sentence: tuple[int, int], rules: QuoteRules) -> bool:
    """Whether the verb and its speaker sit between commas inside the reported words ("Perhaps,
    he said, this “town has grown too fast”"; "La réforme, a déclaré le député, est une erreur"):
    the author's words before the first comma, at most ``PAREN_WORDS`` words of speaker before
    the verb and after it ("told them"; an inverted speaker after it), no conjunction, and words
    after the second comma that do not open an apposition or a participle clause (a
    quotation there opens in lower case: one that opens with a capital is the speaker's own
    sentence, a direct quotation introduced by the verb)."""
    s_start, s_end = sentence
    comma = masked.rfind(",", s_start, verb.start)
    if comma < 0 or not tokenize_words(masked[s_start:comma], rules.language):
        return False
    if any(c in QUOTE_MARKS for c in masked[comma + 1:verb.start]):
        return False  # "…, “…,” says Walter Stone": the verb closes a quotation
    speaker = masked[comma + 1:verb.start].split()
    second = masked.find(",", verb.end, s_end)
    tail = masked[verb.end:second].split() if second >= 0 else None
    if tail is None or len(speaker) > PAREN_WORDS or len(tail) > PAREN_WORDS:
        return False
    if any(w.casefold() in rules.conjunctions for w in tail):
        return False
    if not speaker and (not tail or tail[0].casefold() in rules.breakers or mention_after(masked[verb.end:second], rules).kind not in ("name", "role")):
        return False  # inverted, the speaker after the verb: ", a déclaré le député," (not "said on Twitter,")
    if speaker and (verb.mention.kind == "none" or _in_relative_clause(verb, masked, sentence, rules)):
        return False  # no speaker, or a relative clause about the name before it ("Barkley, who said …, said")
    rest = text[second + 1:s_end].lstrip()
    if rest[:1] in QUOTE_MARKS:  # "…, Beck said, “Ted and I …”": a capital opens the speaker's own sentence
        return rest.lstrip(QUOTE_MARKS + " ")[:1].islower()  # also after a doubled mark: ''is …''
    first = rest.split(None, 1)[0].casefold() if rest.strip() else ""
    if first in rules.apposition_ends or first in rules.participles or (not speaker and first in rules.determiners):
        return False  # "…, said Smith, who …", "…, he said, adding that …", "…, said Kassenova, an expert"
    return bool(tokenize_words(rest, rules.language))


def _speaker_words(words: str, rules: QuoteRules) -> str:
    """``words`` up to the first word that ends a speaker description ("who", "qui"); not at a
    conjunction or a coordinator, which go on with the verb ("told the Times that …")."""
    ends = rules.apposition_ends - rules.conjunctions - rules.coordinators
    for m in re.finditer(r"\S+", words):
        if m.start() and m.group().casefold() in ends:
            return words[:m.start()]
    return words


def _closes(tail: str, verb: Verb, rules: QuoteRules) -> bool:
    """Whether the words after a verb (``tail``) leave it closing its sentence: none, or
    circumstance opened by a phrase breaker ("said in a statement"), a capital ("said Tuesday",
    "told CNN") or a day ("a déclaré mardi"), or the person told; not an object ("praised the
    president’s actions", "attacked Romney") nor a clause ("said The Donald is …")."""
    first = re.sub(r"\W+", "", tail.split(None, 1)[0]) if tail.strip() else ""
    folded = first.casefold()
    # "his son said The Donald is …": a clause; "attacked Romney": the object of a judging verb
    object_or_clause = folded in rules.determiners or folded in rules.subjects or rules.evaluates(verb.verb)
    return (not first or folded in rules.breakers or folded in rules.not_names
            or first[:1].isupper() and not object_or_clause or rules.tells(verb.verb))


def _up_to_participle(tail: str, rules: QuoteRules) -> str:
    """The words after a verb up to a participle clause right after it, at its first comma, that
    reports again ("…, a Chinese official said, adding that …": the words before the verb are
    what was said, "adding" has its own)."""
    clause = re.match(r"([^,]*),\s*(\S+)", tail)
    return tail[:clause.end(1)] if clause and clause.group(2).casefold() in rules.participles else tail


def _before(verb: Verb, text: str, masked: str, sentence: tuple[int, int],
            rules: QuoteRules) -> tuple[tuple[int, int] | None, bool]:
    """The reported words before "…, X said." when the verb closes its sentence (None when it
    does not), and whether the speaker follows the verb ("…, said Sen. John Smith.")."""
    s_start, s_end = sentence
    whole_tail = text[verb.end:min(s_end, verb.end + 200)]
    tail = whole_tail if rules.evaluates(verb.verb) else _up_to_participle(whole_tail, rules)
    first = tail.split(None, 1)[0].casefold() if tail.strip() else ""
    comma = text.rfind(",", max(s_start, verb.start - 120), verb.start)  # also "…smart,” Trump said"
    inverted = comma > s_start and not masked[comma + 1:verb.start].strip(QUOTE_MARKS + " ")  # "…,” said Sen. John Smith."
    # an inverted speaker may bring an apposition: "…,” said Doyle, whose home state is …", or a
    # relative clause: "…,” said the man who built his career on …"
    measured = _speaker_words(masked[verb.end:verb.end + len(tail)].split(",")[0], rules) if inverted else tail
    if (len(tokenize_words(measured, rules.language)) > TAIL_WORDS
            or any(w.casefold() in rules.conjunctions for w in measured.split())  # "said that", "…, said in an interview that"
            or any(c in QUOTE_MARKS for c in (_IN_WORD.sub("", tail) if inverted else tail)) or (first in rules.subjects and not inverted)):
        return None, False  # "Massoud said that … “…”": the words come after the verb
    if not inverted and rules.tells(verb.verb) and _content_start(
            list(re.finditer(r"\S+", tail)), 0, OBJECT_WORDS + 1, rules, pronouns_until=OBJECT_WORDS + 1) is not None:
        return None, False  # "…, Mr. Trump told reporters he was running": the words come after the person told
    if comma <= s_start or (first in rules.infinitive_markers and verb.verb.casefold() in rules.infinitive_verbs):
        return None, False  # "…, voters want to limit immigration": the infinitive after the verb is reported
    if not inverted and not _closes(tail, verb, rules):
        return None, False  # "…, Sen. Bernie Sanders, also praised the president’s actions": its object follows
    kept = [w.casefold() for w in masked[comma + 1:verb.start].split() if w.casefold() not in rules.skip]
    if not inverted and (not kept or kept[-1] in rules.coordinators | rules.relatives):
        # "…, but suggested Trump went too far", "…, Sen. Jim DeMint would not go that far but said
        # Steele must apologize": the verb goes on with the subject's clause, its words after it;
        # "…, objections from lawmakers who have warned Obama not to …": a relative clause's verb
        return None, False
    if not inverted and masked[comma + 1:verb.start].split(None, 1)[0].casefold() in rules.apposition_ends - rules.continuers - rules.coordinators:
        return None, False  # "…, where President Obama has promised to veto it": a relative clause, not a speaker
    if inverted and any(w.casefold() in rules.skip for w in measured.split()[1:]):
        return None, False  # "Mr. Coffman, who …, said Mr. Trump had disrespected …": a clause, no inverted speaker
    if inverted and first not in rules.breakers - rules.agents and mention_after(tail, rules).kind not in ("name", "role"):
        # "Sanders, who …, said he may campaign": the words come after the verb; not "…, a
        # spokeswoman, Anna White, said on Saturday.", where a circumstance follows
        return None, False
    opening = (masked[s_start:comma].split(None, 1) or [""])[0].casefold()
    if not opening:
        return None, False  # a quotation's words ("…. By only counting …,'' the report says."): read as direct
    if tail != whole_tail and (opening in rules.breakers or opening.endswith(rules.participle_endings)):
        return None, False  # "On Tuesday, Mr. Ackman wrote to investors, telling them …": a circumstance
    end = comma
    if masked[comma] != ",":  # the comma closes quoted words: the reported words end with their mark
        end += 1
        while end < verb.start and text[end] in QUOTE_MARKS:
            end += 1
    return _span(text, s_start, end), inverted


def _clause_end(text: str, a: int, limit: int, rules: QuoteRules) -> int | None:
    """Where the words from ``a`` end before another speaker's clause that starts before
    ``limit``: at the first comma followed by a joining word ("“insanity,” and Sanders, who
    says"), else at the last comma; quotation marks right after the comma stay with the words."""
    commas = [m.start() for m in re.finditer(",", text[a:limit])]
    if not commas:
        return None
    for c in commas:
        after = text[a + c + 1:limit].lstrip(QUOTE_MARKS + " ").split(None, 1)
        if after and after[0].casefold() in rules.apposition_ends:
            break
    else:
        c = commas[-1]
    end = a + c + 1
    while end < limit and text[end] in QUOTE_MARKS:
        end += 1
    return end if end - a > 1 else None


def _object(text: str, masked: str, span: tuple[int, int], rules: QuoteRules) -> tuple[int, int]:
    """The object of an evaluating verb (``span``: the words after it): up to the first comma or
    word that opens another clause ("endorsed Mr. Trump and criticized his campaign, …"); not at
    an object continuer ("as"), which goes on with the object ("described the field as “all very good”")."""
    a, b = span
    ends = (rules.apposition_ends - rules.continuers) | rules.coordinators | {","}
    for m in re.finditer(r"[^\s,]+|,", masked[a:b]):
        if m.start() and m.group().casefold() in ends:
            return _span(text, a, a + m.start())
    return span


def _before_next(text: str, masked: str, span: tuple[int, int], verb_at: int, rules: QuoteRules) -> tuple[int, int]:
    """``span`` (words after a verb) cut before the clause of another reporting verb inside it, at
    ``verb_at``: at the last comma, dash or joining word before that verb ("she said A, but she
    said B", "61 percent said A, while 38 percent said B"); unchanged when nothing joins them ("said
    Clinton said …": the second report is inside the first)."""
    a, _ = span
    ends = rules.apposition_ends | rules.coordinators
    cut = None
    for m in re.finditer(r"[^\s,;\u2014\u2013]+|[,;\u2014\u2013]", masked[a:verb_at]):
        if m.start() and (m.group() in ",;\u2014\u2013" or m.group().casefold() in ends):
            cut = a + m.start()
    return _span(text, a, cut) if cut is not None else span


def _overlaps(taken: list[tuple[int, int]], span: tuple[int, int]) -> bool:
    """Whether ``span`` overlaps one of the disjoint spans of ``taken`` (kept sorted): only the
    neighbours of its place need looking at (bisection, so the cost does not grow with the text)."""
    i = bisect.bisect_left(taken, span)
    return (i > 0 and taken[i - 1][1] > span[0]) or (i < len(taken) and taken[i][0] < span[1])


def find_reported(text: str, masked: str, sentences: list, verbs: list[Verb], used: set[int],
                  according: list, pairs, rules: QuoteRules, closing: frozenset = frozenset()) -> list[dict]:
    """Reported-speech rows of one document: ``kind`` (indirect / mixed), content ``start`` /
    ``end``, ``sentence_id``, the ``verb`` (or None for according to), ``mention`` and the cue's
    offsets. ``used``: starts of verbs that introduced a direct quotation: reported words that
    would hold one belong to that quotation's speaker and are not read. Reported words that open
    with a quotation mark are the direct quotation itself. ``closing``: starts of verbs that close
    a direct quotation ("…," he added, per the report): they report nothing else."""
    ends = [b for _, b in sentences]
    used_at = sorted(used)
    opens = sorted(p.open_at for p in pairs if p.depth == 0)
    found, taken = [], []
    verb_starts = [v.start for v in verbs]
    cues = [(v.start, v.end, v, v.mention) for v in verbs if v.start not in closing]
    cues += [(m.start, m.end, None, None) for m in according]
    cues += colon_heads(masked, sentences, rules)
    cue_starts = sorted(v.start for v in verbs if v.start not in closing and v.start not in used)
    for start, end, verb, mention in sorted(cues, key=lambda c: c[0]):
        s = min(bisect.bisect_right(ends, start), len(sentences) - 1)
        sentence = sentences[s]
        judged = verb is not None and rules.evaluates(verb.verb)  # "endorsed Cruz": its object, one word will do
        if verb is None and mention is not None:  # "Sanders: Clinton Email Story Has Moved."
            span = _span(text, end, sentence[1])
        elif verb is None:  # "according to X, …" or "…, according to X."
            region = masked[end:sentence[1]]
            comma = region.find(",")
            name = region[:comma] if comma >= 0 else region
            mention = credited_after(name, rules)
            if comma >= 0 and start - sentence[0] < 3:
                span = _span(text, end + comma + 1, sentence[1])  # "According to X, …"
            elif (comma >= 0 and masked[:start].rstrip().endswith(",") and len(tokenize_words(
                    region[comma + 1:], rules.language)) >= rules.indirect_min_words):
                span = _span(text, sentence[0], sentence[1])  # "…, according to X, was …": the whole sentence
            else:
                span = _span(text, sentence[0], start)  # "…, according to X."
            k = bisect.bisect_left(verb_starts, span[0])
            if k < len(verb_starts) and verb_starts[k] < span[1]:
                continue  # "According to Maariv, Massoud told …": the verb's own speaker reports it
        elif (passive := _passive(verb, text, masked, sentence, rules)) is not None:
            span, mention = passive  # "was first reported by MSNBC": the subject, said by the agent
            judged = True  # a short subject will do ("The meeting")
        elif parenthetical(verb, text, masked, sentence, rules):
            span = _span(text, sentence[0], sentence[1])  # the reported words hold the speaker's clause
            if not masked[masked.rfind(",", sentence[0], start) + 1:start].strip():
                mention = mention_after(masked[end:sentence[1]], rules)  # ", said Smith,"
        else:
            span, inverted = _before(verb, text, masked, sentence, rules)
            k = bisect.bisect_right(verb_starts, span[1]) if span else len(verb_starts)
            if not inverted and k < len(verb_starts) and verb_starts[k] < start:
                span = None  # "…, said he had less magnetism than they remembered": inside said's words
            if span and text[span[0]] in QUOTE_MARKS:
                continue  # the verb closes a direct quotation ("…," he said)
            next_word = masked[verb.end:sentence[1]].split(None, 1)[:1]
            # "…, a spokeswoman, Anna White, said on Saturday": a circumstance follows, the subject before speaks
            keeps_subject = mention.kind != "none" and bool(next_word) \
                and next_word[0].casefold() in rules.breakers - rules.agents
            if span and (mention.kind == "none" or inverted and not keeps_subject):
                mention = mention_after(masked[verb.end:sentence[1]], rules)
            if span is None:
                span = _after(verb, text, masked, sentence[1], rules)
                k = bisect.bisect_right(verb_starts, start)
                if span and k < len(verb_starts) and verb_starts[k] < span[0]:
                    continue  # "issued a statement Saturday after Santorum told voters that …": told's words
                k = bisect.bisect_right(cue_starts, start)
                if span and k < len(cue_starts) and cue_starts[k] < span[1]:
                    span = _before_next(text, masked, span, cue_starts[k], rules)  # "said A, but she said B"
                opening = text[span[0]:span[1]].split(None, 1)[0].casefold() if span and span[1] > span[0] else ""
                if span and (judged or opening in rules.prepositions):
                    # "endorsed Mr. Trump and criticized …": Mr. Trump; "asked about his errors, often …": its object
                    span = _object(text, masked, span, rules)
                elif span and _in_relative_clause(verb, masked, sentence, rules):
                    comma = masked.find(",", verb.end, span[1])  # the comma that closes the clause:
                    if 0 <= comma < span[0]:  # "The man, who asked that his identity not be revealed, lives"
                        span = None
                    elif comma > span[0]:  # "lawmakers, who warned that A, met": A
                        span = _span(text, span[0], comma)
        if not span or span[1] - span[0] < 2 or _overlaps(taken, span):
            continue
        a, b = span
        inside = bisect.bisect_left(used_at, a)
        used_inside = inside < len(used_at) and used_at[inside] < b
        if used_inside and verb is not None:
            # holds the verb of a direct quotation: that speaker's words, not this one's; the words
            # before that speaker's clause are still this one's ("called the pact “insanity,” and Sanders says …")
            cut = _clause_end(text, a, used_at[inside], rules)
            if cut is not None:
                a, b = _span(text, a, cut)
                used_inside = False
        if used_inside or b <= a or _overlaps(taken, (a, b)):
            continue
        if text[a] in QUOTE_MARKS:
            continue  # a direct quotation, already read
        if len(tokenize_words(text[a:b], rules.language)) < (1 if judged else rules.indirect_min_words):  # quoted words count
            continue
        i = bisect.bisect_left(opens, a)
        kind = "mixed" if i < len(opens) and opens[i] < b else "indirect"
        bisect.insort(taken, (a, b))
        found.append(dict(kind=kind, start=a, end=b, sentence_id=s, verb=verb,
                          mention=mention or NO_MENTION, cue_start=start, cue_end=end))
    return found


content_span = _span

__all__ = ["content_span", "find_reported", "Mention", "parenthetical"]
