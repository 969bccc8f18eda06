"""Quotations credited without a reporting verb right beside them: a possessor ("Trump's 'America
last'"), a colon clause ("Kathleen Parker, The Washington Post: “…”"), a short clause headed by a
document or role noun ("The email began, “…”"), a sentence closing on a reporting verb ("Dianne
Bystrom agreed. “…”"), a signature ("“…” ― Jane Doe"), the quotation before it (a paragraph or
sentence of quoted words after an attributed one goes on in its voice). Every search is bounded
by ``NEAR`` characters.
"""
from __future__ import annotations

import re

from analysis.marks import QUOTE_MARKS, WORD_APOSTROPHES
from analysis.quotes.mentions import NEAR, Mention, mention_after, mention_in, speaker_type, subject_of, whole_name
from analysis.quotes.rules import QuoteRules

# a capitalised owner and its possessive ending: "NBC's", and the bare apostrophe after an s ("CBS' “Face the Nation”")
POSSESSOR = re.compile(r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})([" + WORD_APOSTROPHES + r"]s|(?<=[sS])["
                       + WORD_APOSTROPHES + r"])\s*$")
SPACES = " \t\u00a0\u202f\u2009"  # spaces around marks: a line may hold no-break and thin ones
_NOT_SAYING = ("factive", "evaluating", "believing")  # "bruises that Fields showed to the police."
_DASHES = (" - ", " -- ", " \u2013 ", " \u2014 ")  # a spaced dash between a headline and its author
_SIGNATURE = re.compile(r"[ \t\u00a0]*([\u2015\u2014\u2013]|--)[ \t\u00a0]*([^\n]{1,80})")  # “…” ― Jane Doe
# or on the next line, where a hyphen also signs: “…”\n\n- Sanders.
_SIGNATURE_BELOW = re.compile(r"[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)?[ \t\u00a0]*([\u2015\u2014\u2013-]|--)[ \t\u00a0]*([^\n]{1,80})")


def introduction(p, text: str, masked: str, sentence: tuple[int, int], verbs, rules: QuoteRules):
    """A quotation credited without a reporting verb next to it: "Trump's 'America last'" (the
    possessor); "X agreed." ending the sentence before it (its verb); "X continued:" or "Kathleen
    Parker, The Washington Post:" ending the sentence or paragraph before it (the colon's clause:
    its reporting verb, else its speaker); "The email
    began, “…”" (a short clause headed by a document or role noun). Returns (mention, cue
    start, cue end) or None."""
    before = masked[max(sentence[0], p.open_at - NEAR):p.open_at]
    owner = POSSESSOR.search(before)
    if owner:
        at = p.open_at - len(before) + owner.start(2)
        return Mention(owner.group(1), "name"), at, at + len(owner.group(2))
    window = masked[max(0, p.open_at - NEAR):p.open_at]
    stripped = window.rstrip()
    closing = _closing_verb(p, window, stripped, verbs, rules)
    if closing is not None:
        return closing.mention, closing.start, closing.end
    if stripped.endswith(tuple(rules.colon_cues)):
        colon = p.open_at - len(window) + len(stripped) - 1
        # a sentence, a line or a spaced dash ends before the clause: "IOWA POLLS NOT WRONG, JUST TOO
        # EARLY - Mark Blumenthal and Jon Cohen:" (a newsletter's headline, then who wrote it)
        start = max(window.rfind("\n", 0, len(stripped) - 1), *(window.rfind(c + " ", 0, len(stripped) - 1)
                                                                for c in ".;!?"),
                    *(at + len(dash) - 1 for dash in _DASHES for at in [window.rfind(dash, 0, len(stripped) - 1)]
                      if at >= 0)) + 1
        start += p.open_at - len(window)
        verb = verbs.last_before(colon + 1, start)
        if verb is not None and verb.mention.kind != "none":
            return verb.mention, verb.start, verb.end
        clause = masked[start:colon].split(",")
        first = clause[0].split()
        whole_name = len(clause) > 1 and len(first) >= 2 and all(w[:1].isupper() for w in first)  # "Kathleen Parker, The Post:"
        mention = _colon_speaker(clause[0] if whole_name else clause[-1], rules)
        return (mention, colon, colon + 1) if mention.kind in ("name", "role") else None
    if not stripped.endswith(",") or "\n" in before.strip():
        return None
    clause = stripped[:-1]
    clause = clause[max(clause.rfind(c) for c in ".;!?\n") + 1:]
    words = clause.split()
    mention = mention_after(clause, rules)
    head = mention.text.split()[-1].casefold() if mention.text else ""
    if mention.kind == "role" and (head in rules.documents or head in rules.roles) and len(words) <= 4:
        at = p.open_at - len(window) + len(stripped) - 1
        return mention, at, at + 1
    return None


def signature(p, masked: str, rules: QuoteRules):
    """The name signing a quotation: "“…” ― Jane Doe", "“…” -- Mitt Romney, 2012." (a dash right
    after the closing mark, or opening the next line: "“…”\n\n- Sanders.", then a name and nothing
    else on its line but an apposition)."""
    sign = _SIGNATURE.match(masked, p.close_at + 1) or _SIGNATURE_BELOW.match(masked, p.close_at + 1)
    if not sign:
        return None
    name = sign.group(2).split(",")[0].rstrip(" .")
    mention = mention_after(name, rules)
    if mention.kind != "name" or len(mention.text.split()) != len(name.split()):
        return None
    return mention, sign.start(1), sign.end(1)


def _closing_verb(p, window: str, stripped: str, verbs, rules: QuoteRules):
    """The reporting verb that ends the sentence right before the quotation, a few words at most
    after it, with the speaker it names: "Iowa State University's Dianne Bystrom agreed. “…”",
    "Sam Lau, the party's spokesman, said in a statement. “…”"; None elsewhere ("Trump said he
    would win the state. “…”": what he said is told before)."""
    if not stripped.endswith(".") or stripped[-2:-1].isupper():
        return None  # "Sen." before a name is no sentence end
    end = p.open_at - len(window) + len(stripped) - 1
    verb = verbs.last_before(end, end - NEAR)
    if verb is None or verb.mention.kind in ("none", "plural") or rules.verb_role.get(verb.verb) in _NOT_SAYING:
        return None
    after = window[len(window) - (p.open_at - verb.end):len(stripped) - 1]  # "in a statement"
    return verb if len(after.split()) <= 3 else None


def _colon_speaker(clause: str, rules: QuoteRules) -> Mention:
    """Who a colon's clause without a reporting verb names: in a headline's "X on Y:" the few
    words before the first preposition (a phrase breaker) when they name someone ("Gillibrand on
    Hillary Releasing Her Transcripts:", "CNN President On Trump:", « Jean Dupont sur la réforme : »),
    else the name nearest the colon ("a cultish blind faith in Obama's word:"); a document
    nearest the colon is what the clause's subject issued ("President Clinton released the
    following statement:", « Jean Dupont a publié le texte suivant : »)."""
    words = clause.split()
    cut = next((k for k, w in enumerate(words) if k and w.casefold() in rules.breakers), len(words))
    first = mention_in(" ".join(words[:cut]), rules) if cut <= 4 else None
    if first is not None and first.kind == "role" and cut >= 2:
        bare = mention_in(" ".join(words[:cut - 1]), rules)  # "Professor Crawley replies:": a verb ends it
        first = bare if bare.kind == "name" else first
    if first is not None and first.kind in ("name", "role"):
        return first
    nearest = mention_in(clause, rules)
    document = nearest.kind == "role" and speaker_type(nearest.text, nearest, rules) == "document"
    issuer = subject_of(clause, rules) if document else nearest
    return issuer if issuer.kind == "name" else nearest


def paragraph_alone(p, text: str) -> bool:
    """The quotation is a paragraph of its own (nothing but spaces before it on its line; the first
    of a doubled mark, ''…'', is part of the quotation's marks)."""
    line_start = text.rfind("\n", 0, p.open_at) + 1
    return not text[line_start:p.open_at].strip(SPACES + QUOTE_MARKS)


def sentence_alone(p, text: str, sentence: tuple[int, int]) -> bool:
    """The quotation opens its sentence and nothing follows it there ("“A,” said X. “B.”")."""
    return not text[sentence[0]:p.open_at].strip(SPACES + QUOTE_MARKS) and \
        not text[p.close_at + 1:sentence[1]].strip(SPACES + QUOTE_MARKS + ".,")


def goes_on(previous: dict, p, text: str, sentences: list[tuple[int, int]], s: int, alone: bool) -> bool:
    """A quotation with no speaker goes on in the voice of the direct quotation ``previous`` (a
    row): a paragraph of its own a line or two after it, or a sentence of its own with no other
    sentence between them but the one that attributes it ("“A,” said X. “B.”"; "“A?” X asked.
    “B.”", where the splitter ends a sentence right after the question's closing mark)."""
    if text.count("\n", previous["_close"], p.open_at) > 2 or p.open_at - previous["_close"] > 2 * NEAR:
        return False
    if alone:
        return True
    between = [a for a, _ in sentences[previous["sentence_id"] + 1:s] if a > previous["_close"]
               and text[previous["_close"] + 1:a].strip(SPACES + QUOTE_MARKS)]
    return not between


def colon_heads(masked: str, sentences: list, rules: QuoteRules) -> list[tuple]:
    """Cues of sentences opened by a name and a colon ("Sanders: Clinton Email Story Has Moved.",
    « Dupont : la réforme est morte »): the colon's offsets, no verb, the name; the words after the
    colon are reported."""
    cues = []
    for a, b in sentences:
        head = masked[a:min(b, a + 60)]
        colon = min((head.find(c) for c in rules.colon_cues if c in head), default=-1)
        if colon <= 0 or len(head[:colon].split()) > rules.name_max_words:
            continue
        named = whole_name(head[:colon].strip(), rules)
        if named.kind == "name":
            cues.append((a + colon, a + colon + 1, None, named))
    return cues
