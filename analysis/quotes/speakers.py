"""Who said it: reporting verbs outside quotations and the speaker named around each (pronouns
and surnames are resolved in :mod:`analysis.quotes.coreference`).

Every search is bounded to a window before the verb (``WINDOW`` characters), so the cost per
verb does not grow with the length of a sentence; a document's cost is linear in its length.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from analysis.entities_groups import name_group
from analysis.marks import QUOTE_MARKS, WORD_APOSTROPHES
from analysis.matcher import FoldedText
from analysis.quotes.appositions import (appositions_start, before_hometown, describes_between, ends_on_name,
                                         opens_apposition, role_after_modifier)
from analysis.quotes.mentions import (NO_MENTION, Mention, after_verb, describes,  # noqa: F401
                                      is_person, mention_after, mention_in, named_after, speaker_type, subject_of,
                                      whole_name)
from analysis.quotes.rules import QuoteRules

WINDOW = 300  # characters before a verb searched for its speaker
_SEGMENT = re.compile(r"[,;:]")
_CLAUSE_BREAK = re.compile("[:;\u2014\u2013]")
_POSSESSIVE_END = re.compile("[" + WORD_APOSTROPHES + "]s?$")
_TOKEN = re.compile(r"(?<!\w)([\w" + WORD_APOSTROPHES + r"]+)(?!\w)")
# a quoted clause's last mark: a comma, ! or ? right before closing marks ("… the event,” police said")
_QUOTED_CLAUSE_END = re.compile(r"[,!?]\s*[" + re.escape(QUOTE_MARKS) + "]+")
# a quotation's closing mark (not a word's apostrophe, "shouldn’t be read", nor an opening mark left
# unpaired, "\"I recommend that every member read"), then at most a short subject: "“…,” the email
# read", "“…” reads a memo"
_RIGHT_AFTER_QUOTATION = re.compile(r"(?<!\w)[" + re.escape(QUOTE_MARKS) + r"](?=[\s,])[\s,]*(?:[^\W\d_][\w" + WORD_APOSTROPHES
                                    + r".-]*\s+){0,6}$")


@dataclass
class Verb:
    start: int
    end: int
    verb: str
    mention: Mention
    source: str = ""


def _clause_start(masked: str, floor: int, at: int, rules: QuoteRules) -> int:
    """Where the clause ending at ``at`` begins: after the last , ; : or conjunction."""
    cut = floor
    for match in _SEGMENT.finditer(masked, floor, at):
        cut = match.end()
    for match in _TOKEN.finditer(masked, cut, at):
        if match.group(1).casefold() in rules.conjunctions:
            cut = match.end()
    return cut


def _own_clause(masked: str, cut: int, at: int, rules: QuoteRules) -> tuple[int, bool] | None:
    """Where a clause of its own opens inside the words from ``cut`` to a verb at ``at``: after
    the last word that opens a clause, not the first word ("issued a statement when Santorum told";
    not "When asked"), and whether that word is also a preposition ("after": its clause needs a
    name or a pronoun for subject, "shortly after Santorum told"; not "Officials after the meeting said")."""
    openers = rules.apposition_ends - rules.relatives - rules.continuers - rules.coordinators
    found = None
    for k, match in enumerate(_TOKEN.finditer(masked, cut, at)):
        word = match.group(1).casefold()
        if k and word in openers:
            found = (match.end(), word in rules.breakers)
    return found


def _aside(segment: str) -> bool:
    """A short aside between commas, all lower case ("however", "à leur tour", "for his part")."""
    words = segment.split()
    return 0 < len(words) <= 4 and all(w[:1].islower() for w in words)


def _gives_a_name(clause: str, rules: QuoteRules) -> bool:
    """A naming word before a capitalised word in ``clause``: "who is known only as Lana" names
    the person the clause is about; "who called on the attackers" does not."""
    return any(clause[m.end:].strip(" " + QUOTE_MARKS)[:1].isupper() for m in rules.naming_words.find(clause, "*"))


def _owner_only(segment: str, mention: Mention) -> bool:
    """The name found in ``segment`` is there only as an owner ("mirroring Elizabeth's stance"),
    and the segment opens in lower case: an aside about someone else's thing, not a subject."""
    words = segment.split()
    return mention.kind == "name" and bool(words) and words[0][:1].islower() and any(
        _POSSESSIVE_END.search(w) and _POSSESSIVE_END.sub("", w) == mention.text.split()[-1] for w in words[:-1])


def _described_subject(mention: Mention, region: str, rules: QuoteRules) -> bool:
    """Whether the description right before a verb is its own subject ("Pilots train, a group
    monitoring the war said", "…, her friend said"): a role, document or organisation noun or a
    possessive in it, no relative pronoun after it ("Jane Doe, 32, a staff member who said": Jane
    Doe), not a time ("Reince Priebus, the GOP chairman, this past week announced")."""
    words = {w.casefold() for w in mention.text.split()}
    heads = rules.roles | rules.documents | rules.organisations | rules.possessives
    return mention.kind == "role" and bool(words & heads) and not any(w.casefold() in rules.relatives for w in region.split())


def _previous_segment(masked: str, floor: int, at: int) -> int:
    commas = [m.start() for m in _SEGMENT.finditer(masked, floor, at)]
    return commas[-1] + 1 if commas else floor


def _quoting_phrase(verb: Verb, tail: str, rules: QuoteRules) -> Verb:
    """"<source> claimed quoting <speaker> as saying": the speaker is the one quoted, the verb's
    subject becomes the source."""
    closing = rules.as_saying.find(tail, "*")
    if not closing:
        return verb
    region = tail[:closing[0].start].lstrip().lstrip(",").strip()
    first, _, rest = region.partition(" ")
    if first.casefold() in rules.quoting:
        region = rest.strip()
    elif verb.verb.casefold() not in rules.quoting:
        return verb
    quoted = mention_in(region, rules)
    if not (0 < len(region) <= 40) or quoted.kind == "none":
        return verb
    end = verb.end + closing[0].end
    return Verb(verb.start, end, verb.verb, quoted, source=verb.mention.text)


def find_verbs(text: str, masked: str, sentences: list[tuple[int, int]], rules: QuoteRules) -> list[Verb]:
    """Every reporting verb outside quotations, with the speaker named before it, in text order.

    ``masked`` blanks every quotation (no verb is found inside one); ``text`` blanks only long
    quotations, so a short quoted title ("le « chef du Front … » a déclaré") can name a speaker.
    """
    verbs = []
    ends = [b for _, b in sentences]
    folded = FoldedText.of(masked)
    idioms = [(m.start, m.end) for m in rules.idioms.find(folded, "*")]
    closing = {}  # "“…,” the email read": where the quotation an after-quotation verb reports closes
    for m in rules.after_quotation.find(folded, "*"):
        quoted = _RIGHT_AFTER_QUOTATION.search(masked, max(_sentence_start(sentences, ends, m.start), m.start - 80), m.start)
        if quoted and masked[m.start].islower():  # not "Read the rest here", "a shirt that read “…”", "“…,” Read said"
            closing[m.start] = (m, quoted.start() + 1)
    for match in sorted([*rules.verbs.find(folded, "*"), *(m for m, _ in closing.values())], key=lambda m: (m.start, -m.end)):
        if masked[match.start - 1:match.start] in "-\u2010\u2011" and match.start:
            continue  # part of a compound: "so-called", "self-described"
        if any(a <= match.start and match.end <= b for a, b in idioms):
            continue  # "Needless to say, …": nobody's words
        if _is_name(masked, match.start, match.end):
            continue  # "campaign spokeswoman Hope Hicks said": a name, not the verb "hope"
        previous = masked[max(0, match.start - 20):match.start].split()
        if previous and previous[-1].strip(QUOTE_MARKS) == "" \
                and match.key.casefold().split(" ")[0] not in rules.participles:  # right after a closing mark
            marks = masked[max(0, match.start - 200):match.start].split()[-3:]  # the word before its opening mark
            previous = marks[:1] if len(marks) == 3 and marks[1].strip(QUOTE_MARKS) == "" else []
        if previous and previous[-1].casefold() in rules.noun_markers:
            continue  # "another show of strength", "the award show", "the “Today” show": a noun
        if previous and rules.compounds(previous[-1], match.key.casefold()):
            continue  # "on his radio show Tuesday", "a talk show host": a work's name, not the verb
        if rules.evaluates(match.key) and _names_something(masked[:match.start], rules):
            continue  # "a group called the Friends of the Earth": a name given, nothing reported
        opened = _sentence_start(sentences, ends, match.start)
        floor = max(opened, match.start - WINDOW)
        if match.start in closing:
            floor = closing[match.start][1]  # "“…,” read one": nobody before the quotation speaks
        cut = _clause_start(masked, floor, match.start, rules)
        for quoted in _QUOTED_CLAUSE_END.finditer(text, cut, match.start):
            if text[quoted.end():match.start].strip():  # words between: the subject ("the event,” police")
                cut = quoted.end()  # a short quotation's words are not its speaker's
        mention = mention_in(text[cut:match.start], rules)
        described_here = _described_subject(mention, text[cut:match.start], rules)
        if (inner := _own_clause(masked, cut, match.start, rules)) is not None:
            own = mention_in(text[inner[0]:match.start], rules)
            if own.kind in (("name", "pronoun") if inner[1] else ("name", "pronoun", "role", "plural")):
                mention = own
        if mention.kind == "none":
            mention = _named_after_quotation(masked[max(cut - 3, floor):match.start], text, rules)  # "“…,” From said"
        spoken = verbs[-1].mention if verbs and verbs[-1].start >= floor and verbs[-1].mention.kind != "none" \
            else None  # the speaker of the sentence's reporting verb before this one
        if spoken and _infinitive_after(masked[verbs[-1].end:match.start], rules):
            mention = spoken  # "went on to say", "declined to say": the speaker of the verb before
        participle = match.key.casefold().split(" ")[0] in rules.participles  # "saying", "referring to"
        if participle and not spoken:
            mention = _participle_subject(text[floor:match.start], mention, rules)
        if participle and spoken and mention.kind != "pronoun":
            # "Clinton responded to Vargas' question on Facebook writing": not Facebook; "…, said Jean
            # Dupont, adding": the name after the verb before
            right_after = masked[verbs[-1].end:match.start].split(",")[0]
            inverted = mention_after(right_after, rules) if right_after.strip()[:1].isupper() else NO_MENTION
            whole = len(inverted.text.split()) + len(inverted.title.split()) == len(right_after.split())
            # "endorsed Clinton, saying", "told Fox News -- referring": the name is its object
            its_object = rules.evaluates(verbs[-1].verb) or rules.tells(verbs[-1].verb)
            mention = inverted if inverted.kind == "name" and whole and not its_object else spoken
        if mention.kind == "none" and participle:
            # "Nefzi said, adding": the speaker of the verb right before; else "Clinton posted a comment, saying"
            adjacent = spoken and not masked[verbs[-1].end:match.start].strip(" ,")
            mention = spoken if adjacent else _inverted_speaker(masked, verbs[-1] if verbs else None, floor, match.start, rules)
            if mention.kind == "none":
                mention = subject_of(text[floor:cut], rules)
            if mention.kind == "none":
                mention = subject_of(text[cut:match.start], rules)  # "She followed that by saying"
        before = [w.casefold() for w in masked[cut:match.start].split() if w.casefold() not in rules.skip]
        if before and before[-1] in rules.coordinators:
            # "Suu Kyi said … but added, “…”", "Lazar said he welcomed extradition to the United States
            # and added": a coordinated verb has the subject of the verb before, or of its own clause
            # ("Asked about it, Mrs. Clinton shook her head and said"), or of its sentence ("Trump has
            # used the phrase often, and criticized")
            subject = NO_MENTION if spoken else subject_of(text[cut:match.start], rules)
            if subject.kind == "none" and not spoken and floor == opened:
                subject = subject_of(text[floor:match.start], rules)
            mention = spoken or (subject if subject.kind != "none" else mention)
        if mention.kind == "none" and cut > floor and masked[cut - 1] == "," \
                and not masked[cut:match.start].strip():
            mention = _inverted(masked, match, rules)  # "“…” that Sanders can win, said Steve Elmendorf"
        if mention.kind == "none" and cut > floor:
            start = _previous_segment(masked, floor, cut - 1)
            mention = mention_in(text[start:cut - 1], rules)
            if start > floor and (mention.kind == "none" and _aside(masked[start:cut - 1])
                                  or _owner_only(text[start:cut - 1], mention)):
                # "Gideon Kouts, however, insisted", "Les talibans ont, à leur tour, annoncé": the
                # segment before a short aside in lower case; "Cheney … and, mirroring Elizabeth's
                # stance, has said": the segment before an aside that names someone only as an owner
                before = text[_previous_segment(masked, floor, start - 1):start - 1]
                if before.split()[:1] and before.split()[0].casefold() not in rules.breakers:  # not "On Monday"
                    mention = mention_in(before, rules)
        bare = not [w for w in masked[cut:match.start].split() if w.strip(",").casefold() not in rules.skip]
        if masked.count(",", floor, match.start) >= 2 and (bare or mention.kind == "role" and not described_here):
            # "Ahmad Massoud, the leader of the NRF, said", "Seth McKee, a political scientist at
            # Texas Tech University, told", "Hillary Clinton, at a press gaggle, said": the name
            # before an apposition that opens with a determiner or a preposition; not "BEIRUT, Oct 17
            # - Pilots train, a group monitoring the war said": a description right before the verb speaks
            commas = [m.start() for m in re.finditer(",", masked[floor:match.start])]
            last = masked[floor + commas[-2] + 1:floor + commas[-1]].split()  # the segment before the verb
            # "Jane Doe, 45, of Springfield, Mo., said", "a user who lives near Austin, Tex., posted"
            state = bare and len(last) == 1 and bool(name_group(last[0], rules.language)[0])
            j = len(commas) - 2 if state else appositions_start(masked, floor, commas, rules, circumstances=bare)
            apposition = last if j == len(commas) - 2 else masked[floor + commas[j] + 1:floor + commas[j + 1]].split()
            head = text[_previous_segment(masked, floor, floor + commas[j]):floor + commas[j]]
            if state:
                named = before_hometown(text, masked, floor, [floor + c for c in commas], rules)
            elif ends_on_name(head, rules):
                named = mention_in(head, rules)
            else:
                # "After the mayors of Chicago and Boston heaped scorn upon the company, the mayor of
                # Springfield, in Ohio, said": a clause opens the chain; a description is who speaks
                described = mention_in(" ".join(apposition), rules)
                about = mention_in(head, rules)
                opening = [w for w in head.split() if w.casefold() not in rules.coordinators][:1]
                clause = bool(apposition) and (apposition[0].casefold() in rules.relatives | rules.participles
                                               or bare and apposition[0].casefold() in rules.prepositions  # "at the rally"
                                               or apposition[0].islower()
                                               and apposition[0].endswith(rules.participle_endings))
                if clause and about.kind == "role" and about.text.split()[:1] == opening \
                        and not _gives_a_name(" ".join(apposition), rules):
                    # "But a senior army officer in the northeast, who asked …, said", "The note,
                    # calling for …, says", "The president, speaking at the White House, said", "Some
                    # voters, at the rally in Ohio, said": the description opening the segment speaks
                    described = about
                mention = described if described.kind == "role" else mention
                named = NO_MENTION
            if named.kind == "name" and (
                    # "Sen. Ron Johnson, R-Wis., said"; not a description read as a title ("In a statement
                    # released Thursday, Rep. Hakeem Jeffries … reacted to the news, saying")
                    mention.kind == "role" or rules.titles.find(named.title, "*")
                    or apposition and (apposition[0].casefold() in rules.determiners | rules.breakers | rules.prepositions
                                       or apposition[0].isdigit()  # "Suu Kyi, 70, said"
                                       # "Jane Doe, of the Red Cross, said", "Jean Dupont, du Front national, a déclaré"
                                       or apposition[0].casefold() in rules.particles - rules.coordinators
                                       # "Hamish de Bretton-Gordon, ex-head of … for the Army and Nato, said"
                                       or bare and describes_between(apposition, named, rules))) \
                    or state and named.kind in ("name", "role"):
                mention = named
        if mention.kind == "role" and masked.count(",", floor, match.start) == 1 and floor == opened:
            # "Anthony Anton, president and CEO of the association stated": the name that opens the
            # sentence before an apposition that nothing closes
            head = text[floor:masked.index(",", floor)].split()
            if len(head) > 2 and head[0].casefold() in rules.stopwords - rules.name_stopwords:
                head = head[1:]  # "As Akhil Amar, professor of constitutional law at Yale, put it"
            if 2 <= len(head) <= 5 and head[0].casefold() not in rules.stopwords and all(
                    w[:1].isupper() or w.casefold() in rules.particles for w in head):
                named = mention_in(" ".join(head), rules)
                mention = named if named.kind == "name" else mention
        relative = _named_before_relative(text, masked, floor, match.start, rules)
        mention = relative if relative.kind == "name" else mention  # "Jeb Bush, …, who resented Rubio, called"
        found = Verb(match.start, match.end, match.key, mention)
        tail = masked[match.end:match.end + 80]
        next_word = tail.split(None, 1)[0].strip(",").casefold() if tail.strip() else ""
        if match.key.casefold() in rules.quoting or next_word in rules.quoting:
            found = _quoting_phrase(found, tail, rules)
        if verbs and _in_complement(verbs[-1], found, masked, rules):
            continue  # "said that he thinks “…”": the belief is part of what was said
        verbs.append(found)
    return verbs


def _named_after_quotation(region: str, text: str, rules: QuoteRules) -> Mention:
    """One capitalised word between a quotation's closing mark and the verb names the speaker,
    even a word listed as a stopword, when the document writes it as a surname after another
    capitalised word ("“…,” From said" after "Al From"); not one opening the sentence ("Another
    posted"), nor a word the document never gives a first name ("“…,” Another said")."""
    head, _, word = region.rstrip().rpartition(" ")
    marks = head.strip(" ,")
    if not marks or marks.strip(QUOTE_MARKS + " ,") or not word[:1].isupper():
        return NO_MENTION
    surname = re.compile(r"(\w+)[ \t]+" + re.escape(word) + r"(?!\w)")
    named = any(m.group(1)[:1].isupper() for m in surname.finditer(text))
    return Mention(word, "name") if named else NO_MENTION


def _infinitive_after(between: str, rules: QuoteRules) -> bool:
    """Only an infinitive marker (and skip words) stands between two reporting verbs ("went on to
    say"): the second is the first's complement and has its speaker."""
    words = [w.casefold() for w in between.split() if w.casefold() not in rules.skip]
    return len(words) == 1 and words[0] in rules.infinitive_markers


def _inverted_speaker(masked: str, previous: Verb | None, floor: int, at: int, rules: QuoteRules) -> Mention:
    """The speaker named right after the sentence's verb before a participle, when it fills the words
    up to the participle's comma: "“…,” said one of the protesters, adding that …", « a dit
    l'avocate, ajoutant que … »."""
    if previous is None or previous.start < floor:
        return NO_MENTION
    between = masked[previous.end:at].split(",")
    if len(between) != 2 or between[1].strip():
        return NO_MENTION
    named = named_after(masked, previous.end, rules)
    size = len(named.text.split()) + len(named.title.split())
    return named if named.kind in ("name", "role") and size == len(between[0].split()) else NO_MENTION


def _participle_subject(region: str, mention: Mention, rules: QuoteRules) -> Mention:
    """The name that opens the sentence before a participle, when the name nearest the participle
    is in the object of the sentence's verb: "Kerpen needled the CNN “reporter,” saying" is
    Kerpen's, not CNN's; not a name right before the participle, its own subject ("chimed in,
    with Donald Trump tweeting")."""
    subject = subject_of(region, rules)
    words = [w for w in region.split() if w.casefold() not in rules.skip]
    if mention.kind != "name" or subject.kind != "name" or not words or subject.text == mention.text \
            or _POSSESSIVE_END.sub("", words[-1]) == mention.text.split()[-1]:
        return mention
    return subject if words[0].strip(",") in subject.text.split() else mention


def _named_before_relative(text: str, masked: str, floor: int, at: int, rules: QuoteRules) -> Mention:
    """The name that ends the comma-separated segment before a relative clause and any appositions
    running up to the verb at ``at``: "Jeb Bush, the former Florida governor, who has resented Mr.
    Rubio's glide path, called"; "Katie Packer, who is chairman of the PAC said"; « Jean Dupont,
    qui dirige le parti, a déclaré »; not where the relative clause is the verb's and has a subject of
    its own ("Bannon, who Beck called", "the Stonewall Inn, which President Obama declared")."""
    cuts = [floor - 1] + [floor + m.start() for m in re.finditer(",", masked[floor:at])] + [at]
    relative = False
    for k in range(len(cuts) - 2, max(len(cuts) - 6, 0) - 1, -1):
        raw = masked[cuts[k] + 1:cuts[k + 1]].split()
        words = [w for w in raw if w.casefold() not in rules.skip]
        first = words[0].casefold() if words else ""
        if not words and k == len(cuts) - 2:
            continue  # ", said"
        if first in rules.relatives and not relative:
            after = raw[1] if len(raw) > 1 else ""
            if k == len(cuts) - 2 and (after[:1].isupper()
                                       or after.casefold() in rules.determiners | rules.subjects):
                return NO_MENTION  # the verb's own relative clause has a subject: "Bannon, who Beck called"
            relative = True
        elif words and first not in rules.relatives and not _CLAUSE_BREAK.search(masked, cuts[k] + 1, cuts[k + 1]) and (
                opens_apposition(words, rules) or role_after_modifier(words, rules)):
            continue  # an apposition (no colon in it: "…: Sheriff Joe Arpaio of Maricopa County, Ariz., who")
        elif relative and words and _state_after_place(masked, cuts, k, words, rules):
            continue  # "Sheriff Joe Arpaio of Maricopa County, Ariz., who calls": the county's state
        elif relative and words:  # the name the relative clause is about ends this segment
            segment = _CLAUSE_BREAK.split(text[cuts[k] + 1:cuts[k + 1]])[-1]  # its last clause
            named, words = mention_in(segment, rules), segment.split()
            last = words[-1].rstrip(".") if words else ""
            k_place = _before_place(words, rules)  # "Sheriff Joe Arpaio of Maricopa County"
            place = k_place is not None and named.kind == "name" and words[k_place].rstrip(".,").endswith(named.text.split()[-1])
            return named if named.kind == "name" and (last.endswith(named.text.split()[-1]) or place) else NO_MENTION
        else:
            return NO_MENTION
    return NO_MENTION


def _state_after_place(masked: str, cuts: list[int], k: int, words: list[str], rules: QuoteRules) -> bool:
    """The segment is a state the language's name groups list ("Ariz." is Arizona, as in the
    hometowns of the apposition chain) after a segment that ends on a place ("of Maricopa County,
    Ariz.,", "in Salem, Ore.,"): the place's state, not who is described."""
    before = masked[cuts[k - 1] + 1:cuts[k]].split() if k > 0 else []
    return bool(name_group(" ".join(words), rules.language)[0]) and _before_place(before, rules) is not None


def _before_place(words: list[str], rules: QuoteRules) -> int | None:
    """Index of the capitalised word that a place ends ``words`` after: a place preposition or
    particle, then capitalised words only ("Joe [Arpaio] of Maricopa County"); None without one."""
    folded, linkers = [w.casefold() for w in words], rules.places | rules.particles
    return next((i - 1 for i in range(1, len(words) - 1) if folded[i] in linkers
                 and words[i - 1][:1].isupper() and all(w[:1].isupper() for w in words[i + 1:])), None)


def _inverted(masked: str, match, rules: QuoteRules) -> Mention:
    """The speaker named right after a verb that follows a comma, when the words up to the next
    comma or sentence end are a name, or a description and then a name ("…” that Sanders can catch
    Clinton, said Steve Elmendorf, a strategist"; "…, said his friend, Bruce Turry"); not what the
    verb reports, judges or whom it tells ("…, said Trump was wrong", "…, calling Rubio's plan",
    "…, told Fox News"), nor a time ("said Tuesday")."""
    if rules.tells(match.key) or match.key.casefold() in rules.participles or \
            rules.verb_role.get(match.key) in ("evaluating", "believing"):
        return NO_MENTION
    segment = after_verb(masked, match.end, rules.title_abbreviations)
    first = segment.split()[0] if segment.split() else ""
    opens = first[:1].isupper() or first.casefold() in rules.determiners | rules.roles
    if first.casefold() in rules.conjunctions or not opens:
        return NO_MENTION  # "said that … by Ms. Malik and her husband, Syed Farook": a clause, no name
    named = whole_name(segment, rules)
    after = match.end + len(segment)
    if named.kind == "none" and describes(segment, rules) and masked[after:after + 1] == ",":
        named = whole_name(after_verb(masked, after + 1, rules.title_abbreviations), rules)
    timely = all(w.casefold() in rules.not_names for w in named.text.split())
    return named if named.kind == "name" and not timely else NO_MENTION


def _sentence_start(sentences: list[tuple[int, int]], ends: list[int], at: int) -> int:
    """Where the sentence holding offset ``at`` begins."""
    s = bisect.bisect_right(ends, at)
    return sentences[s][0] if s < len(sentences) else 0


def _is_name(masked: str, start: int, end: int) -> bool:
    """A verb written with a capital between a lower-case word and a capitalised one is a first
    name ("spokeswoman Hope Hicks"); a headline's capitals ("Trump Says Clinton …") and a
    sentence's first word ("… museum. Said Dorothy Poynter, …") are not."""
    before = masked[max(0, start - 40):start].split()
    after = masked[end:end + 40].split()
    return masked[start:start + 1].isupper() and bool(before) and before[-1][:1].islower() \
        and before[-1][-1] not in ".!?:" and bool(after) and after[0][:1].isupper()


def _names_something(before: str, rules: QuoteRules) -> bool:
    """The words before a verb end in a noun opened by an indefinite article ("a group", "a new
    movement"): the verb is a participle naming it."""
    words = before[-40:].split()[-3:]
    folded = [w.casefold() for w in words]
    return any(f in rules.naming_articles and all(w[:1].islower() for w in words[k + 1:]) and k < len(words) - 1
               for k, f in enumerate(folded))


def _in_complement(previous: Verb, verb: Verb, masked: str, rules: QuoteRules) -> bool:
    """A belief verb right inside the clause another reporting verb introduces ("said that he
    thinks", "told reporters he wants"): the first verb is the cue, the belief its content."""
    if rules.verb_role.get(verb.verb) != "believing" or verb.start - previous.end > 60:
        return False
    between = masked[previous.end:verb.start]
    return not re.search(r"[.;!?\n]", between) and len(between.split()) <= 4
