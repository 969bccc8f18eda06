"""Who a few words name: the speaker a reporting verb's neighbourhood names (a name, its title
kept apart, a description, a pronoun), read from a bounded region of text; and the words after a
verb that may name its speaker. :mod:`analysis.quotes.speakers` finds the verbs and the regions.
"""
from __future__ import annotations

import re

from analysis.marks import WORD_APOSTROPHES, strip_marks
from analysis.quotes.names import NO_MENTION, WORD as _WORD, Mention, capitalised_runs, names_organisation, read_name
from analysis.quotes.rules import QuoteRules

PARENTHESES = re.compile(r"\([^()]{0,40}\)")
NEAR = 200  # characters: a verb further than this from its quotation does not introduce it
LAST_WORD = re.compile(r"([^\W\d_][\w" + WORD_APOSTROPHES + r"\-]*)[\s]*$")
_STOP = re.compile(r"[,;:!?\n]|\.(?:\s|$)")


def _words(region: str, rules: QuoteRules) -> list[str]:
    """The words of ``region`` (marks and short parentheses left out: "John Kasich (R-OH)"), an
    elided article split from the common noun it opens (« l'avocat » -> « l' », « avocat »), so
    that the noun is read as a role and the article as a determiner; « l'ancien », « l'un » and
    names (« L'Union européenne ») stay whole."""
    words = []
    for word in _WORD.findall(strip_marks(PARENTHESES.sub(" ", region))):
        cut = next((k + 1 for k, c in enumerate(word[:3]) if c in WORD_APOSTROPHES), 0)
        folded = word.casefold()
        if (cut and folded[:cut] in rules.determiners and word[cut:cut + 1].islower()
                and folded not in rules.determiners and folded not in rules.quantifiers):
            words += [word[:cut], word[cut:]]
        else:
            words.append(word)
    return words


def _text(words: list[str], rules: QuoteRules) -> str:
    """``words`` as one phrase, an elided article joined to its noun again (« l'avocat »)."""
    phrase, previous = "", ""
    for word in words:
        elided = previous[-1:] in WORD_APOSTROPHES and previous.casefold() in rules.determiners
        phrase += word if not phrase or elided else " " + word
        previous = word
    return phrase


def _role_phrase(words: list[str], folded: list[str], i: int, rules: QuoteRules) -> tuple[int, int]:
    """Word bounds of the description headed by role noun ``words[i]``: "a spokesperson of the
    group", "le chef du Front de résistance nationale", "an industry lobbyist"."""
    det = next((k for k in range(i - 1, max(i - 4, -1), -1) if folded[k] in rules.determiners), None)
    begin = i
    if det is not None and not any(f in rules.breakers for f in folded[det + 1:i]):
        begin = det  # "an industry lobbyist", "the group's spokesman"
    else:
        while begin > 0 and i - begin < 2 and words[begin - 1][0].isupper():
            begin -= 1  # "NRF spokesman"
    end = i + 1
    while end < len(words) and folded[end] in rules.roles and not words[end][0].isupper():
        end += 1  # "campaign manager"
    if end < len(words) and folded[end] in rules.particles:
        while (end < len(words) and end - i <= 6 and folded[end] not in rules.breakers
               and folded[end] not in rules.skip):
            end += 1
        while end > i + 1 and folded[end - 1] in rules.particles | rules.determiners:
            end -= 1
        while end < len(words) and words[end][:1].isupper() and words[end - 1][:1].isupper():
            end += 1  # not cut inside a name: "A spokesman for St. Louis County Prosecutor Bob | McCulloch"
    return begin, end


def mention_in(region: str, rules: QuoteRules) -> Mention:
    """The speaker named in the words before a reporting verb (its clause only): the name nearest
    the verb, a description (role noun, or a determiner's noun phrase: "her campaign"), a pronoun."""
    words = _words(region, rules)
    while words and words[-1].casefold() in rules.skip and not _first_name(words[-1], rules):
        words.pop()
    if not words:
        return NO_MENTION
    last = words[-1].casefold()
    if last in rules.singular:
        return Mention(words[-1], "pronoun")
    if last in rules.plural:
        return Mention(words[-1], "plural")
    folded = [w.casefold() for w in words]
    joined = len(words) > 1 and folded[0] in rules.coordinators  # "But aides said", "and her communications seem"
    while len(words) > 1 and folded[0] in rules.coordinators:
        words, folded = words[1:], folded[1:]
    if _quantified(words, folded, rules):
        return Mention(_text(words, rules), "role")  # "Some say", "many in the party believe": a group
    runs = capitalised_runs(words, folded, rules)
    runs = [r for r in runs  # "Priebus later Thursday told": not Thursday ("Read said" stays Read)
            if not all(folded[k] in rules.not_names and folded[k] not in rules.title_words for k in range(*r))
            ] or runs
    role = next((i for i, w in enumerate(folded) if (w in rules.roles or i == 0 and w in rules.documents) and (
        not words[i][0].isupper() or i == 0 and _opens_description(words, rules))), None)  # "Records show"
    if role is not None:
        begin, end = _role_phrase(words, folded, role, rules)
        after = [r for r in runs if end <= r[0] <= end + 2 and all(  # "chief executive Lowell McAdam"
            words[k][:1].islower() and folded[k] not in rules.breakers | rules.determiners | rules.particles
            for k in range(end, r[0]))]
        if after:  # "NRF leader Ahmad Massoud", "le ministre Jean Dupont"
            return read_name(words, *after[-1], rules, title=_text(words[begin:after[-1][0]], rules))
        if runs and runs[-1][0] > end and folded[runs[-1][0] - 1] in rules.coordinators:
            return read_name(words, *runs[-1], rules)  # "a woman asked for a photo and Clinton said"
        return Mention(_text(words[begin:end], rules), "role")
    if runs and folded[0] in rules.determiners and len(words) <= 6 and 0 < len(words) - runs[-1][1] <= 2 and all(
            words[k][:1].islower() and folded[k] not in rules.stopwords
            for k in [*range(1, runs[0][0]), *range(runs[-1][1], len(words))]):
        # "A prominent Saudi Arabian cleric said", "The Syrian government said": the noun after the
        # name heads the description (not "The Fed does not", "The AP and others")
        return Mention(_text(words, rules), "role")
    if len(runs) == 1 and runs[0][0] == 0 and _heads_description(words, runs[0], rules):
        return Mention(_text(words, rules), "role")  # "Democratic lawmakers said": the noun after the name heads it
    if runs:
        return read_name(words, *_subject_run(words, folded, runs, rules), rules)
    if 2 < len(words) <= 4 and folded[-1] in rules.relatives and words[-1].islower():
        words, folded = words[:-1], folded[:-1]  # "A husband who thought": the husband
    if folded[0] in rules.determiners and len(words) <= 4 and not joined and not (words[-1].islower() and (
            folded[-1] in rules.breakers or folded[-1] in rules.prepositions)):  # not "A day after"
        return Mention(_text(words, rules), "role")  # "her campaign", "the statement"
    return NO_MENTION


def _heads_description(words: list[str], run: tuple[int, int], rules: QuoteRules) -> bool:
    """The one or two lower-case words after the name at ``run`` (which opens ``words``) are the
    noun of a description: plural ("Republican senators", "Trump supporters") or an organisation
    after a possessive ("Gowdy's office"; "Clinton's response was:" stays Clinton's words); no
    function word, listed verb or auxiliary ("Trump went", "Cruz did", "Trump routinely" stay Trump)."""
    tail, owner = words[run[1]:], words[run[1] - 1]
    if not 1 <= len(tail) <= 2 or len(words) > 4:
        return False
    folded = [w.casefold() for w in tail]
    possessive = len(owner) > 2 and owner[-2] in WORD_APOSTROPHES and owner[-1] == "s"
    return all(w[:1].islower() and not any(c in WORD_APOSTROPHES for c in w) for w in tail) and not any(
        f in rules.stopwords or f in rules.skip or f in rules.auxiliaries or f in rules.verb_role for f in folded
    ) and (folded[-1].endswith(rules.plural_endings) or possessive and folded[-1] in rules.organisations)


def _opens_description(words: list[str], rules: QuoteRules) -> bool:
    """A role noun capitalised only because it opens the clause ("Critics of the plan argue",
    "Officials said"), not a title before a name ("President Obama said", "Secretary of State
    John Kerry said")."""
    if words[0].casefold().rstrip(".") in rules.title_words:
        return False
    return len(words) == 1 or not words[1][:1].isupper() and words[1].casefold() not in (
        rules.skip | rules.auxiliaries) - rules.particles  # not “People are angry,” said …


def _first_name(word: str, rules: QuoteRules) -> bool:
    """A capitalised word that is a first name as well as an auxiliary: "Will wrote", "George Will
    said" name the columnist, the auxiliary is written in lower case ("he will say")."""
    return word[:1].isupper() and word.casefold() in rules.name_stopwords


def _subject_run(words: list[str], folded: list[str], runs: list[tuple[int, int]],
                 rules: QuoteRules) -> tuple[int, int]:
    """Of the names before a verb, the one that speaks: the nearest, unless words stand between it
    and the verb and a preposition puts it in the object of another verb, while a name opens the
    clause: "Warren appeared with MSNBC's Rachel Maddow and [endorsed]", "Mr. McConnell deflected
    questions about Mr. Trump before [saying]"; not "Cruz accuses Obama … and Donald Trump [says]"."""
    last, first = runs[-1], runs[0]
    if last[1] < len(words) and first[0] == 0 and first != last and _governed(words, folded, last[0], rules):
        return first
    return last


def _governed(words: list[str], folded: list[str], at: int, rules: QuoteRules) -> bool:
    """A preposition stands among the three lower-case words before ``words[at]``."""
    return any(folded[k] in rules.prepositions for k in range(max(at - 3, 0), at)
               if not any(w[:1].isupper() for w in words[k + 1:at]))


def subject_of(region: str, rules: QuoteRules) -> Mention:
    """The name or description that opens the main clause of ``region`` (a sentence's subject,
    after an introductory phrase: "In a statement, Rep. Hakeem Jeffries said …")."""
    segments = region.split(",")
    in_place = False  # the segment before was an opening phrase ending on a place: "in Salem,"
    for segment in segments[:3]:
        words = _words(segment, rules)
        folded = [w.casefold() for w in words]
        if in_place and words and all(w[:1].isupper() for w in words) and segment is not segments[-1]:
            in_place = False
            continue  # "Speaking at an event in Salem, New Hampshire, Trump …": the place's state
        if words and folded[0] in rules.singular:
            return Mention(words[0], "pronoun")  # "She followed that by saying"
        runs = capitalised_runs(words[:8], folded[:8], rules)
        opening = runs[0][1] if runs and runs[0][0] == 0 else 0  # words of a name opening the segment
        if not words or folded[0] in rules.stopwords and folded[0] not in rules.determiners and (
                opening < 2 or all(f in rules.not_names for f in folded[1:opening])):
            pronoun = next((k for k in range(1, min(len(words), 6)) if rules.gender(folded[k])
                            and folded[k] in rules.subjects and folded[k - 1] not in rules.stopwords), None)
            if pronoun is not None:  # "On Tuesday he repeated his apology …, calling it": no comma after the
                return Mention(words[pronoun], "pronoun")  # opening (not "After he …,", "In what he …,")
            continue  # "In a statement", "But", "On Thursday"; not "Former Secretary of State …"
        if opening == 1 and (folded[0] in rules.verb_role or len(words) > 1 and folded[1] in rules.prepositions
                             and folded[0].endswith(rules.participle_endings) and segment is not segments[-1]):
            in_place = len(words) > 2 and folded[-2] in rules.places and words[-1][:1].isupper()
            continue  # "Asked on Monday whether …, Mrs. Clinton said", "Speaking on Fox, Sen. Jim DeMint
            # … said": a participle opening, not a name
        if opening == 1 and len(words) <= 3 and len(segments) > 1 and segment is not segments[-1]:
            continue  # "Hours later, Trump …", "Later on Sunday, Carson …": a sentence's capital, not a name
        if opening:
            end = runs[0][1]
            later = [r for r in runs[1:] if r[0] - end <= 3 and any(f in rules.roles for f in folded[end:r[0]])
                     and all(w[:1].islower() for w in words[end:r[0]])]
            if later:  # "Republican presidential candidate Donald Trump took to Twitter, writing"
                return read_name(words, *later[0], rules, title=_text(words[:later[0][0]], rules))
            return read_name(words, *runs[0], rules)
        if folded[0] in rules.determiners:
            return mention_after(_text(words[:8], rules), rules)
        return NO_MENTION
    return NO_MENTION


def mention_after(region: str, rules: QuoteRules) -> Mention:
    """The speaker named right after a reporting verb ("…," said Sen. Sheldon Whitehouse; says
    David Palmiter, a professor; said an industry lobbyist who spoke on condition of anonymity):
    the noun phrase up to a comma, a relative pronoun or a preposition; a parenthesis is no part
    of it ("said Rep. Jason Chaffetz (R-Utah)")."""
    words = _words(region, rules)
    folded = [w.casefold() for w in words]
    end = next((k for k, f in enumerate(folded) if k and (f in rules.apposition_ends or f in rules.breakers)
                and not _surname(words, k)), len(words))
    size = 8
    if folded and folded[0] not in rules.determiners and _titles_joined(words, folded, end, rules):  # "former Pennsylvania Gov. and DNC Chairman Ed Rendell"
        end = next((k for k, f in enumerate(folded) if k > end and (f in rules.apposition_ends or f in rules.breakers)),
                   len(words))
        size = 2 * size
    if end < len(words) and folded[end] in rules.agents and any(f in rules.documents for f in folded[:end]):
        agent = mention_after(_text(words[end + 1:], rules), rules)  # "a court document filed by X"
        if agent.kind in ("name", "role"):
            return agent
    words, folded = words[:min(end, size)], folded[:min(end, size)]
    if not words:
        return NO_MENTION
    if folded[0] in rules.singular:
        return Mention(words[0], "pronoun")
    if folded[0] in rules.plural:
        return Mention(words[0], "plural")
    if _quantified(words, folded, rules):
        return Mention(_text(words, rules), "role")  # "said one of his close friends", "said one"
    runs = capitalised_runs(words, folded, rules)
    if folded[0] in rules.roles and not words[0][:1].isupper() and not runs:
        return Mention(words[0], "role")  # "according to members who spoke", "said officials"
    if runs and runs[0][0] == 0 and _affiliation_follows(words, folded, runs[0][1], rules) \
            and " ".join(folded[:runs[0][1]]) not in rules.title_words:  # not "Vice President of the firm X"
        return read_name(words, *runs[0], rules)  # "Andrew J. Pincus of the law firm Mayer Brown"
    if runs and (runs[0][0] == 0 or folded[0] not in rules.determiners):
        return read_name(words, *runs[-1], rules, title=_text(words[:runs[-1][0]], rules))
    if runs and folded[0] in rules.determiners:
        a, b = runs[0]
        between = folded[1:a]
        if between and len(between) <= 3 and any(f in rules.roles for f in between) and not any(
                f in rules.breakers | rules.particles | rules.determiners for f in between):
            # "le ministre Jean Dupont", "le directeur général Jean Dupont", "the chief executive Tim Cook"
            return read_name(words, a, b, rules, title=_text(words[:a], rules))
        if not between and (folded[b - 1] in rules.organisations or words[b - 1].isupper()):
            return read_name(words, a, b, rules)  # "the Equal Employment Opportunity Commission", "the EEOC"
    if folded[0] in rules.determiners:
        head = next((k for k, f in enumerate(folded)  # not a name's word: 'the Daily Caller'
                     if f in rules.roles | rules.documents and words[k][:1].islower()), None)
        while head is not None and head + 1 < len(words) and folded[head + 1] in rules.roles | rules.documents \
                and words[head + 1][:1].islower():
            head += 1  # "a police source", "a campaign spokesman": the last noun heads the phrase
        if head is None and runs:  # "a Nevada Democrat"
            head = runs[0][1] - 1
        return Mention(_text(words[:head + 1], rules), "role") if head is not None else NO_MENTION
    return NO_MENTION


def _quantified(words: list[str], folded: list[str], rules: QuoteRules) -> bool:
    """A quantifier alone, before a preposition (six words at most) or before a plural noun: an
    unnamed speaker or group ("Some", "many in the party", "one of his close friends", "Two lower
    courts"); not when a name after a noun ends it, the subject of a clause of its own ("One of the
    jobs Perez talks about")."""
    if folded[0] not in rules.quantifiers or len(words) > 6:
        return False
    named_last = len(words) > 2 and words[-1][:1].isupper() and words[-2][:1].islower() \
        and folded[-2] not in rules.determiners | rules.particles | rules.prepositions
    plural = 2 <= len(words) <= 4 and folded[-1].endswith(rules.plural_endings) and all(
        w[:1].islower() and f not in rules.stopwords and f not in rules.skip and f not in rules.verb_role for w, f in zip(words[1:], folded[1:]))
    return not named_last and (len(words) == 1 or folded[1] in rules.prepositions or folded[1] in rules.particles
                               or plural)


def credited_after(region: str, rules: QuoteRules) -> Mention:
    """Who or what "according to X" credits (``region``: the words after the cue): the name or
    description :func:`mention_after` reads, else the short noun phrase a determiner opens, whatever
    its head ("according to the slides", « selon les documents »): a source, not ``unknown``."""
    mention = mention_after(region, rules)
    if mention.kind != "none":
        return mention
    words = _words(region, rules)
    folded = [w.casefold() for w in words]
    end = next((k for k, f in enumerate(folded) if k and (f in rules.apposition_ends or f in rules.breakers)), len(words))
    if words and folded[0] in rules.determiners and 2 <= end <= 5:
        return Mention(_text(words[:end], rules), "role")
    return NO_MENTION


def _surname(words: list[str], k: int) -> bool:
    """``words[k]``, capitalised after a capitalised word and last of its phrase, ends a name
    rather than opens a phrase: "said Al From, who …" (the phrase stops at the comma)."""
    return k == len(words) - 1 and words[k][:1].isupper() and words[k - 1][:1].isupper()


def _titles_joined(words: list[str], folded: list[str], at: int, rules: QuoteRules) -> bool:
    """A coordinator at ``at`` joins two titles of one person: a title before it and a capitalised
    word after it ("former Pennsylvania Gov. and Democratic National Committee Chairman Ed
    Rendell", « l'ancien ministre et député Jean Dupont » has no capital: its titles are words)."""
    return 0 < at < len(words) - 1 and folded[at] in rules.coordinators and folded[at - 1] in rules.title_words \
        and words[at + 1][:1].isupper()


def _affiliation_follows(words: list[str], folded: list[str], end: int, rules: QuoteRules) -> bool:
    """A name of two words or more ends at ``end`` and a particle then a lower-case word follow it:
    what comes after is where the person works ("Andrew J. Pincus of the law firm Mayer Brown",
    « Jean Dupont du cabinet Mayer Brown »), not a name that a title before it introduces."""
    rest = [k for k in range(end, len(words)) if folded[k] not in rules.particles]
    return end >= 2 and end < len(words) and folded[end] in rules.particles and bool(rest) \
        and words[rest[0]][:1].islower()


def describes(segment: str, rules: QuoteRules) -> bool:
    """The words end in a lower-case head noun, whatever name they hold: "Google's chief human
    resources executive", "another Twitter user", "Clinton's introducer" describe someone the
    apposition after them may name; "Laszlo Bock", "Sarandon" do not."""
    words = _WORD.findall(strip_marks(segment))
    return len(words) >= 2 and words[-1][:1].islower() and words[-1].casefold() not in rules.particles


def whole_name(segment: str, rules: QuoteRules) -> Mention:
    """The name that makes up all of ``segment`` (a title or role before it allowed: "Laszlo Bock",
    "actress Jamie Lee Curtis"; an affiliation after it too: "Andrew J. Pincus of the law firm Mayer
    Brown"; not "who helped found the DLC"), else NO_MENTION."""
    named = mention_after(segment, rules)
    words = segment.split()
    first = words[0] if words else ""
    size = len(named.text.split()) + len(named.title.split())
    whole = named.kind == "name" and (first[:1].isupper() or first.casefold() in rules.roles) and (
        size == len(words) or _affiliation_follows(words, [w.casefold() for w in words], size, rules))
    return named if whole else NO_MENTION


def speaker_type(speaker: str, mention: Mention, rules: QuoteRules) -> str:
    """person, organisation, document, description or unknown: what kind of speaker it is.
    An all-capitals name (EEOC) or one headed by an organisation word (Commission, Post) is an
    organisation; a description headed by a document noun (the statement) is a document."""
    if speaker in ("", "unknown"):
        return "unknown"
    nouns = [w for w in _WORD.findall(speaker) if w.casefold() not in rules.determiners]
    if mention.kind == "role" and speaker == mention.text:  # not resolved to the person it describes
        if any(w.casefold() in rules.documents for w in nouns[-2:]):
            return "document"
        # headed by an organisation word, alone or naming one: "the campaign", « le ministère de la
        # Justice »; not "a group of protesters"
        named = len(nouns) == 1 or any(w[:1].isupper() for w in nouns[1:])
        return "organisation" if nouns and nouns[0].casefold() in rules.organisations and named else "description"
    return "organisation" if not is_person(speaker) or names_organisation(speaker, rules) else "person"


def is_person(name: str) -> bool:
    """A name a singular pronoun may refer to: not an all-capitals acronym (NRF, UN)."""
    return any(not w.isupper() for w in name.split())


def after_verb(masked: str, at: int, abbreviations: frozenset = frozenset()) -> str:
    """The words after a verb up to a comma or a period that ends a word longer than a title
    (``abbreviations``: titles written with a period, "Capt." in "said Navy Capt. Jeff Davis")."""
    region = masked[at:at + NEAR]
    for m in _STOP.finditer(region):
        if m.group()[0] == ".":
            word = LAST_WORD.search(region[:m.start()])
            if word and word.group(1)[0].isupper() and (
                    len(word.group(1)) <= 3 or word.group(1).casefold() in abbreviations):
                continue  # "Sen.", "Dr.", "J.", "Capt."
        return region[:m.start()]
    return region


def described_after(region: str, rules: QuoteRules) -> Mention:
    """A short noun phrase a determiner opens, right after the verb that follows a quotation, whatever
    its noun: "“…,” said the abbess", "said the elderly cleric, who …", « a dit l'abbesse »: after a
    quotation nothing but its speaker stands there. Four words at most, none of them a function
    word, ending the clause or before a relative pronoun or a complement ("the narrator of …"); not
    a verb's object ("posted the clip to YouTube", "described the impact as …", "cited that …")."""
    words = _words(region, rules)
    folded = [w.casefold() for w in words]
    stops = rules.apposition_ends | rules.breakers | rules.particles
    end = next((k for k, f in enumerate(folded) if k and f in stops), len(words))
    ends_well = end == len(words) or folded[end] in (rules.apposition_ends | rules.particles) - rules.continuers
    if (2 <= end <= 4 and ends_well and folded[0] in rules.determiners - rules.conjunctions
            and not any(f in rules.stopwords for f in folded[1:end])):
        return Mention(_text(words[:end], rules), "role")
    return NO_MENTION


def names_right_after(masked: str, at: int, verb: str, rules: QuoteRules) -> bool:
    """The words right after the verb ending at ``at`` name its speaker: a name ("“…” said
    Friedman") or, unless the verb tells someone, a short description ("“…” says the elderly cleric")."""
    region = after_verb(masked, at, rules.title_abbreviations)
    return mention_after(region, rules).kind == "name" or (
        not rules.tells(verb) and described_after(region, rules).kind == "role")


def named_after(masked: str, at: int, rules: QuoteRules) -> Mention:
    """The speaker named after the verb ending at ``at``; when the words up to the first comma
    describe rather than name ("said his best friend at Lehigh, Bruce Turry, who …"), the name
    that makes up the next comma-separated segment."""
    words = after_verb(masked, at, rules.title_abbreviations)
    mention = mention_after(words, rules)
    if mention.kind == "none":
        mention = described_after(words, rules)
    if mention.kind == "name" and not describes(words, rules) or masked[at + len(words):at + len(words) + 1] != ",":
        return mention
    segment = after_verb(masked, at + len(words) + 1, rules.title_abbreviations)
    named = whole_name(segment, rules)
    return named if named.kind == "name" else mention


def opens_noun_phrase(masked: str, at: int, rules: QuoteRules) -> bool:
    """The word just before a quotation opens a noun phrase (the, le, its): the quoted words are
    used as a name or term inside the author's sentence, not reported."""
    word = LAST_WORD.search(masked[max(0, at - 30):at])
    if not word:
        return False
    w = word.group(1).casefold()
    return w in rules.determiners and w not in rules.conjunctions


def said_of_object(masked: str, at: int, rules: QuoteRules) -> bool:
    """An object continuer ("as", « comme ») right before a quotation, past a determiner
    ("refers to the governor as “Chris”", "referring to the US as the “Great Satan”"): the quoted
    words are said of an object, a name someone gives it, not the title of a work."""
    folded = [w.casefold() for w in masked[max(0, at - 40):at].split()[-2:]]
    if folded and folded[-1] in rules.determiners:
        folded = folded[:-1]
    return bool(folded) and folded[-1] in rules.continuers


def opens_new_clause(between: str, rules: QuoteRules) -> bool:
    """The words between a quotation and a verb after it are a coordinator and a name: that verb
    opens a clause of its own ("“started mouthing off,” and Holder urged him"), unlike a verb
    that goes on with the sentence's subject ("“…” but said little")."""
    words = between.split()
    return 2 <= len(words) <= 4 and words[0].casefold() in rules.coordinators \
        and mention_in(" ".join(words[1:]), rules).kind == "name"
