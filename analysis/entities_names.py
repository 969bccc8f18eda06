"""Candidate names in sentences: the first stage of entity discovery (analysis/entities.py).

A *name* is a run of capitalised words in a sentence ("Ahmad Massoud", "Turning Point USA",
"Bank of England"; lower-case ``name_particles`` of the language allowed inside), or an acronym
("NRF", "U.S."). Titles of the language resources (``titles``: "President", "Sen.",
"Former President") are kept apart from the name; a possessive ("Massoud's") is the name. A
capitalised word is not a name when it is a stopword, a listed ``not_names`` word (months, days)
or a word the corpus mostly writes in lower case (a sentence-initial "Police"). Languages
without letter case (Arabic) yield no names.

Cost: one pass over the words of each sentence plus one title match per candidate.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

import pandas as pd

from analysis.entities_groups import _collectives, described_member, name_group, split_linked
from analysis.languages import folded_quote_words, language_resources
from analysis.marks import OPENING_A_SENTENCE, WORD_APOSTROPHES
from analysis.matcher import list_matcher
from analysis.text import SHARED_ABBREVIATIONS, find_dateline, fold_word, split_sentences, word_spans
from analysis.schemas import row_tuples

ACRONYM_MAX = 6         # an all-capitals word up to this length is an acronym (NRF, NATO)
# a capitalised word joined to a lower-case one, before a name or ending it
_LEADING_ADJECTIVE, _TRAILING_ADJECTIVE = re.compile(r"^\w+-[a-z]+ (?=\S)"), re.compile(r"(?<=\w)-[a-z]+$")
_POSSESSIVE = re.compile("[" + WORD_APOSTROPHES + "]s?$")
_LAST_WORD = re.compile(r"(\w+(?:[" + WORD_APOSTROPHES + r"]|(?=\s)))\s*$")  # "the ", "l’"
NAME_COLUMNS = ["doc_id", "outlet", "language", "sentence_id", "start", "end", "name", "title", "determiner",
                "expansion", "setting"]


def _fold(text: str) -> str:
    return fold_word(text)  # cached there


@lru_cache(maxsize=None)
def _word_sets(language: str) -> tuple[frozenset, frozenset, frozenset, frozenset, frozenset]:
    """A language's name particles, stopwords, not-names, weekdays and short words (abbreviations,
    titles written with a period among them, that end in a period inside a name), folded once."""
    resources = language_resources(language)
    particles = frozenset({_fold(w) for w in resources.quote_words("name_particles")}
                          - {_fold(w) for w in resources.name_conjunctions})
    not_names = frozenset(_fold(w) for w in resources.not_names)
    weekdays = frozenset(_fold(w) for w in resources.weekdays)
    # the abbreviations hold the titles written with a period ("Sen."): "Congressman." ends a sentence
    short = frozenset(set(resources.abbreviations) | SHARED_ABBREVIATIONS)
    # a stopword that is also a first name may open a name ("Bill Clinton", "Will Smith")
    stop = frozenset(resources.stopwords - {_fold(w) for w in resources.name_stopwords})
    return particles, stop, not_names, weekdays, short


def _titles(language: str):
    titles = language_resources(language).titles
    return list_matcher(titles) if titles else None


@lru_cache(maxsize=65536)  # a pure function of its arguments, called for every name found
def split_title(name: str, language: str, inner: bool = True) -> tuple[str, str]:
    """``(title, bare name)``: the leading titles of ``name`` listed in the language resources
    (longest listed form: "Former President Barack Obama" -> ("Former President", "Barack
    Obama")), or a listed title after modifiers ("Arizona Sheriff Joe Arpaio" -> ("Arizona
    Sheriff", "Joe Arpaio")); ``("", name)`` when it holds none. A name that is only a title
    gives ``(title, "")``. ``inner=False``: leading titles only."""
    name = name.strip()
    matcher = _titles(language)
    title_end = 0
    while matcher is not None:
        rest = name[title_end:]
        matches = matcher.find(rest, language)
        lead = len(rest) - len(rest.lstrip())
        if not matches or matches[0].start != lead:
            break
        end = title_end + matches[0].end
        if end < len(name) and name[end] == ".":
            end += 1  # "Sen." when the list holds "Sen"
        title_end = end
    if matcher is not None and not title_end and inner:
        # a title after a modifier: "Arizona Sheriff Joe Arpaio", "Supreme Court Justice Anthony Kennedy"
        inner = [m for m in matcher.find(name, language) if m.start > 0 and name[m.end:].strip()[:1].isupper()]
        if inner:
            title_end = inner[-1].end + (name[inner[-1].end:inner[-1].end + 1] == ".")
    return name[:title_end].strip(), name[title_end:].strip()


def _role_phrase(name: str, language: str, lowercase: Counter) -> bool:
    """Whether ``name`` describes a person by a role rather than names anyone: two words or more
    ending in a listed title, each of which the corpus also writes in lower case ("America's
    Toughest Sheriff", written "the toughest sheriff" elsewhere; "Federal Reserve Chairman").
    A name with a word never written in lower case keeps its title word ("Stephen King")."""
    matcher = _titles(language)
    if matcher is None or " " not in name:
        return False
    ends_in_title = any(m.end == len(name) and m.start > 0 for m in matcher.find(name, language))
    return ends_in_title and all(lowercase[_fold(w)] for w in name.split())


def _organisation(word: str, language: str) -> bool:
    """A single word that heads an organisation's name ("Department", "Committee"): a title before
    it belongs to the name ("Justice Department", not Justice + Department)."""
    return _fold(word) in folded_quote_words(language, "organisation_words")


def _phrase_after_title(bare: str, language: str) -> bool:
    """Whether what follows a title continues a phrase rather than names someone: it opens with a
    name particle ("Queen of Rage", "QUEEN OF RAGE")."""
    first = bare.split(" ", 1)[0]
    return bool(first) and _fold(first).casefold() in _word_sets(language)[0]


def bare_name(name: str, language: str) -> str:
    """``name`` without its titles (:func:`split_title`), unless what is left is one word heading
    an organisation's name ("Justice Department") or continues a phrase ("Queen of Rage")."""
    title, bare = split_title(name, language)
    keep = title and (_phrase_after_title(bare, language) or " " not in bare and _organisation(bare, language))
    return name if keep else (bare or name)


def _is_capitalised(word: str, particles: frozenset = frozenset()) -> bool:
    """A name's word: capitalised ("R-Iowa", party and state, is an affiliation), or a capitalised
    word behind a hyphenated name particle of the language ("al-Qaeda", "Ansar al-Sharia")."""
    if word[:1].islower():
        particle, hyphen, rest = word.partition("-")
        return bool(hyphen) and rest[:1].isupper() and _fold(particle) in particles
    return word[:1].isupper() and not (len(word) > 2 and word[1] == "-")


def _styled(tokens: list[str], folded: list[str], stopwords: frozenset) -> bool:
    """A headline-style line ("Trump Signals He Has Investigators In Hawaii") tells nothing about
    which words are names: its small words (stopwords after the first word) are capitalised, or
    every other word is, four or more ("Glenn Beck Rips Progressivism at CPAC")."""
    upper = small = 0
    for token, fold in zip(tokens[1:], folded[1:]):
        if fold in stopwords and len(token) > 1:
            small += 1
            upper += token[:1].isupper()
    if upper >= 2 and 2 * upper >= small:
        return True
    content = 0
    for token, fold in zip(tokens, folded):
        if fold not in stopwords and token[:1].isalpha():
            if not token[:1].isupper():
                return False
            content += 1
    return content >= 4


def _title_case(tokens: list[str], folded: list[str], styled: bool, lowercase: Counter, capitalised: Counter) -> bool:
    """:func:`_styled`, or a line capitalising words the corpus writes in lower case ("GOP Rep
    Shows Support For Company")."""
    if styled:
        return True
    common = sum(1 for token, fold in zip(tokens[1:], folded[1:])
                 if token[:1].isupper() and lowercase[fold] > capitalised[fold])
    return common >= 2 and 3 * common >= len(tokens) - 1


def _shouting(tokens: list[str]) -> bool:
    """Whether a line is written in capitals: three or more words, three in five at least."""
    words = [token for token in tokens if token.isalpha() and len(token) > 1]
    capitals = sum(1 for token in words if token.isupper())
    return capitals >= 3 and 5 * capitals >= 3 * len(words)


def _names_in_capitals(word: str, lowercase: Counter, stop: frozenset) -> bool:
    """Whether a word of a line in capitals may be a name: no stopword, and never written in
    lower case in the corpus ("HBO", not "WATCH" nor "THE")."""
    folded = _fold(word)
    return not (lowercase[folded] or folded in stop)


def _opens(text: str, s: int, short_words: frozenset) -> bool:
    """Whether the word at ``s`` opens a quotation or a sentence inside one ('"Rise to the
    occasion. Act like …"'): an opening mark, or a full stop, question or exclamation mark after
    a word that is no initial, title or abbreviation ("Sen. Ted Cruz", "U.S. House")."""
    if text[s - 1:s] in OPENING_A_SENTENCE:
        return s > 1 and not (text[s - 1] in WORD_APOSTROPHES and text[s - 2].isalpha())  # not "d'Al-Qaïda"
    if text[s - 2:s] not in (". ", "? ", "! "):
        return False
    before = text[max(0, s - 24):s - 2].rsplit(None, 1)[-1:] or [""]
    return len(before[0]) > 1 and _fold(before[0]).casefold() not in short_words and "." not in before[0]


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return 2 <= len(letters) <= ACRONYM_MAX and letters.isupper() and letters.isalpha()


def _joinable(gap: str, previous: str, short_words: set[str]) -> bool:
    """Whether two capitalised words separated by ``gap`` belong to one name."""
    if gap == " ":
        return True
    # initials, abbreviated titles and abbreviations: "U.S.", "J. K.", "Sen. Ted Cruz", "St. Louis"
    short = len(previous) == 1 or _fold(previous) in short_words
    return short and gap in (".", ". ")


def _sentence_names(text: str, sentence: tuple, styled: bool, language: str, lowercase: Counter,
                    capitalised: Counter) -> tuple[list[tuple[int, int]], bool]:
    """Spans (into ``text``) of the candidate names of the sentence starting at ``a`` whose
    words (spans into ``text``) are ``words``, and whether it is a headline-style line (then
    only its acronyms are given: :func:`find_names` looks for the corpus's names in it)."""
    a, _, words, tokens, folded = sentence
    particles, stop, not_names, weekdays, titles = _word_sets(language)
    # a headline-style line capitalises every word: only its acronyms are taken here
    # ("Michele Bachmann Chick-Fil-A Visit: GOP Rep Shows Support")
    headline = _title_case(tokens, folded, styled, lowercase, capitalised)
    # a line in capitals ("ON A MOBILE DEVICE? CLICK HERE TO WATCH THE VIDEO") makes every short
    # word look like an acronym: there, one is a name only if the corpus never writes it in lower
    # case and it is no stopword
    shouting = _shouting(tokens)
    runs, run = [], []
    for i, (s, e) in enumerate(words):
        word = text[s:e]
        bare = _POSSESSIVE.sub("", word)
        if _is_capitalised(word, particles) and (not headline or _is_acronym(bare)) \
                and (not shouting or _names_in_capitals(bare, lowercase, stop)):
            if run and not _joinable(text[run[-1][1]:s], text[run[-1][0]:run[-1][1]], titles):
                runs.append(run)
                run = []
            run.append((s, e))
            if _POSSESSIVE.search(word) and len(word) > 2:  # "Netanyahu's Likud Party": two names
                runs.append(run)
                run = []
        elif run and word.isdigit() and text[run[-1][1]:s] == " " and (
                len(run) > 1 or _is_acronym(text[run[-1][0]:run[-1][1]])):
            run.append((s, e))  # a bill or a form: "SB 1062", "HR 3590", "Senate Bill 1062"
        elif run and _fold(word) in particles and text[run[-1][1]:s] == " " \
                and i + 1 < len(words) and _is_capitalised(text[words[i + 1][0]:words[i + 1][1]], particles) \
                and text[e:words[i + 1][0]] == " ":
            run.append((s, e))
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    spans = []
    first = words[0][0] if words else a
    for run in runs:
        def common(k: int, end: bool = False) -> bool:
            word = text[run[k][0]:run[k][1]]
            folded = _fold(re.split("[" + WORD_APOSTROPHES + "]", word)[0])  # "I'm", "Obama's"
            if _is_acronym(word) and folded not in not_names or re.match(r"\.[A-Z]", text[run[k][1]:run[k][1] + 2]):
                return False  # an acronym, or a letter of dotted initials ("I.R.S.": not the pronoun)
            # a stopword ends a name only alone: "National Resistance Front" keeps "Front"
            if folded in particles or (folded in stop and (not end or len(run) == 1)) \
                    or (k == 0 and folded in not_names) or (end and folded in weekdays):
                return True
            # a word the corpus mostly writes in lower case is not a name ("Police said"),
            # unless it stands inside a longer name mid-sentence ("White House"); one word opening
            # a sentence or a quotation is a name only when the corpus writes it capitalised
            # mid-sentence more often than in lower case ("Rise to the occasion", "Nah")
            initial = k == 0 and (run[0][0] == first or _opens(text, run[0][0], titles))
            if len(run) == 1 and initial and not name_group(word, language)[0]:
                return lowercase[folded] >= capitalised[folded]
            alone = len(run) == 1 or initial
            return alone and lowercase[folded] > capitalised[folded]
        while run and common(0) and not split_title(text[run[0][0]:run[-1][1]], language, inner=False)[0]:
            run = run[1:]
        while run and common(len(run) - 1, end=True):
            run = run[:-1]
        while run and text[run[0][0]:run[0][1]].isdigit():
            run = run[1:]  # "In 2012": a number opens no name
        if len(run) == 1 and _fold(text[run[0][0]:run[0][1]]) in not_names:
            run = []
        if run:
            spans.append((run[0][0], run[-1][1]))
    return spans, headline


def _sentence_words(corpus: pd.DataFrame):
    """Per document, per sentence: its span, its words' spans into the text, the words and their
    folded forms; yielded document by document and computed again for each pass (held for a
    whole corpus they took about 2 GB at 40,000 articles)."""
    for doc in row_tuples(corpus):
        doc_sentences = []
        for a, b in split_sentences(doc.text, doc.language):
            words = [(a + s, a + e) for s, e in word_spans(doc.text[a:b], doc.language)]
            tokens = [doc.text[s:e] for s, e in words]
            doc_sentences.append((a, b, words, tokens, [_fold(t) for t in tokens]))
        yield doc_sentences


def _case_counts(corpus: pd.DataFrame, sentences) -> tuple[Counter, Counter, set]:
    """Folded word -> occurrences in lower case, and capitalised not at a sentence start nor
    after an opening quotation mark; and the (document, sentence) numbers of the headline-style
    lines (:func:`_styled`), which capitalise their small words, tell nothing and are left out."""
    lowercase, capitalised, styled = Counter(), Counter(), set()
    for di, (text, doc_sentences, language) in enumerate(zip(corpus["text"], sentences, corpus["language"])):
        particles, stop, _, _, short = _word_sets(language)
        for sid, (_, _, words, tokens, folded) in enumerate(doc_sentences):
            if _styled(tokens, folded, stop):
                styled.add((di, sid))
                continue
            for k, ((s, _), word, fold) in enumerate(zip(words, tokens, folded)):
                named = _is_capitalised(word, particles)
                if word[:1].islower() and not named:
                    lowercase[fold] += 1
                elif k and named and not _opens(text, s, short):
                    capitalised[_fold(_POSSESSIVE.sub("", word))] += 1
    return lowercase, capitalised, styled


def find_names(corpus: pd.DataFrame, affiliations: bool = False) -> pd.DataFrame:
    """Table ``entity_names``: every candidate name in every sentence.

    In: ``doc_id``, ``outlet``, ``language``, ``text``. Out: ``doc_id``, ``outlet``,
    ``language``, ``sentence_id``, ``start``, ``end`` (the name, title excluded:
    text[start:end] is the name as written, possessive included), ``name`` (possessive removed),
    ``title`` (as written, or empty), ``determiner`` (a determiner of the language comes just
    before it, title included: "the White House"; a person's name takes none), ``expansion`` (for
    an acronym that the text links to a full name in parentheses, "Islamic State (ISIS)" or
    "ISIS (Islamic State)", that full name; else empty), ``setting`` (a place preposition of the
    language comes just before it, title and determiner included: "in Atlanta", "in the Capitol",
    "à Kaboul": where something happens rather than who acts).
    A person's description ("the Missouri Republican", "Democrat of Massachusetts") is no name;
    with ``affiliations``, its member word is given instead ("Republican": the party is named).
    """
    lowercase, capitalised, styled = _case_counts(corpus, _sentence_words(corpus))
    rows, headlines, sentence_starts = [], [], []
    for di, (doc, doc_sentences) in enumerate(zip(row_tuples(corpus), _sentence_words(corpus))):
        sentence_starts.append([sentence[0] for sentence in doc_sentences])
        text = doc.text
        # where the reporter filed from is not what the article talks about
        dateline = find_dateline(text)
        for sid, sentence in enumerate(doc_sentences):
            a, b, words = sentence[:3]
            spans, headline = _sentence_names(text, sentence, (di, sid) in styled, doc.language, lowercase,
                                              capitalised)
            if headline:
                headlines.append((di, sid, a, b, spans))
                continue
            for s, e in spans:
                if dateline is None or not dateline[0] <= s < dateline[1]:
                    _add_name(rows, di, doc, sid, a, b, s, e, lowercase, capitalised, affiliations)
            collectives = _collectives(doc.language)
            if collectives:  # groups named by a common noun: "protesters", "the police"
                for k, (s, e) in enumerate(words):
                    word = text[s:e]
                    if (word[:1].islower() or (k == 0 and word[1:].islower() and (s, e) not in spans)) \
                            and _fold(word) in collectives:  # a sentence's first word may be a name already
                        rows.append([di, doc.doc_id, doc.outlet, doc.language, sid, s, e, word, "", False, "", False])
    # a headline-style line: the names the corpus writes elsewhere, found with the phrase
    # matcher where the line capitalises them, and its acronyms
    known = sorted({row[7] for row in rows if row[7][:1].isupper() and len(row[7]) > 1})
    matcher = list_matcher(known) if known else None
    docs = list(row_tuples(corpus))
    for di, sid, a, b, acronyms in headlines:
        text = docs[di].text
        found = [(m.start, m.end, m.keys) for m in (matcher.find(text[a:b], docs[di].language) if matcher else [])]
        # an acronym keeps its capitals: "Singer Is ‘Alive And Well’" does not name IS
        spans = [(a + s, a + e) for s, e, keys in found if text[a + s:a + s + 1].isupper()
                 and (text[a + s:a + e] in keys or not all(_is_acronym(k) for k in keys))]
        if _shouting(text[a:b].split()):  # "WATCH THE VIDEO" does not name Apple's Watch
            stop = _word_sets(docs[di].language)[1]
            spans = [(s, e) for s, e in spans
                     if any(_names_in_capitals(w, lowercase, stop) for w in text[s:e].split())]
        spans += [(s, e) for s, e in acronyms if not any(x < e and s < y for x, y in spans)]
        for s, e in sorted(spans):
            _add_name(rows, di, docs[di], sid, a, b, s, e, lowercase, capitalised, affiliations)
    _add_lower_case(rows, docs, sentence_starts, known, lowercase)
    rows.sort(key=lambda row: (row[0], row[4], row[5], row[6]))
    return pd.DataFrame([row[1:] for row in rows], columns=NAME_COLUMNS)


def _add_lower_case(rows: list, docs: list, sentence_starts: list[list[int]], known: list[str],
                    lowercase: Counter) -> None:
    """Add the names of two words or more that the corpus writes capitalised where an outlet
    writes them in lower case (AP style writes "tea party activists"; "social security")."""
    # only names whose every word the corpus also writes in lower case can be found so
    phrases = [n for n in known if " " in n and not _is_acronym(n.replace(" ", ""))
               and all(lowercase[w] for w in _fold(n).lower().split())]
    if not phrases:
        return
    matcher = list_matcher(phrases)
    for di, (doc, starts) in enumerate(zip(docs, sentence_starts)):
        for m in matcher.find(doc.text, doc.language):
            written = doc.text[m.start:m.end]
            if written == written.lower() and any(c.isalpha() for c in written):
                sid = bisect_right(starts, m.start) - 1
                rows.append([di, doc.doc_id, doc.outlet, doc.language, sid, m.start, m.end, written, "", False, "",
                             False])


def _add_name(rows: list, di: int, doc, sid: int, a: int, b: int, s: int, e: int, lowercase: Counter,
              capitalised: Counter, affiliations: bool = False) -> None:
    """Append the row of the name at ``text[s:e]`` of sentence ``text[a:b]`` (title split off,
    possessive removed), unless it is only a title or describes a person ("the Missouri
    Republican"; with ``affiliations``, the row of its member word: :func:`described_member`)."""
    text = doc.text
    title, bare = split_title(text[s:e], doc.language)
    if not bare:
        return
    folded = _fold(bare)
    if title and (_phrase_after_title(bare, doc.language) or " " not in bare and (
            lowercase[folded] > capitalised[folded] or _organisation(bare, doc.language))):
        title, bare = "", text[s:e]  # a title word inside a name: "Justice Department", "Queen of Rage"
    if _role_phrase(bare, doc.language, lowercase):
        return
    if e < b and text[e] == "." and "." in bare and _is_acronym(bare + "."):
        e, bare = e + 1, bare + "."  # "U.S."
    bare = _LEADING_ADJECTIVE.sub("", bare)  # "Republican-controlled House", "British-born ISIS": not the name
    trailing = _TRAILING_ADJECTIVE.search(bare)  # "Tea Party-backed", "Obama-backed": the name before it
    e, bare = (e - len(trailing.group()), bare[:trailing.start()]) if trailing else (e, bare)
    person, of, place = split_linked(bare, doc.language)
    if title and of and " " in person and name_group(place, doc.language)[0]:
        e, bare = e - len(of + place), person  # "Representative Kevin McCarthy of California"
    start = e - len(bare)
    name = _POSSESSIVE.sub("", bare) if len(bare) > 2 else bare
    if name.isupper() and sum(c.isalpha() for c in name) > ACRONYM_MAX:
        name = name.title()  # "WASHINGTON" in a dateline
    described = described_member(name, doc.language)
    if described:
        if not affiliations:
            return
        offset, name = described
        start, e = start + offset, start + offset + len(name)
    before = _LAST_WORD.search(text, max(a, s - 24), s)
    word = _fold(before.group(1)).casefold() if before else ""
    determiner = word in folded_quote_words(doc.language, "determiners")
    if determiner:  # "in the Capitol": the preposition before the determiner
        before = _LAST_WORD.search(text, max(a, before.start() - 24), before.start())
    place = _fold(before.group(1)).casefold() if before else ""
    setting = place in folded_quote_words(doc.language, "place_prepositions")
    rows.append([di, doc.doc_id, doc.outlet, doc.language, sid, start, e, name, title, determiner, "", setting])
    _link_acronyms(text, rows)


def _link_acronyms(text: str, rows: list[list]) -> None:
    """Set ``expansion`` of the last two rows when the text defines one by the other in
    parentheses: "Islamic State (ISIS)", "ISIS (Islamic State)" (an acronym and a name of two
    words or more, nothing else between them, the acronym's first letter its first word's: not
    "Islamic State of Iraq and Greater Syria (ISIS)", where the name found is "Greater Syria")."""
    if len(rows) < 2 or rows[-1][0] != rows[-2][0] or rows[-1][4] != rows[-2][4]:
        return
    one, two = rows[-2], rows[-1]
    if text[one[6]:two[5]] != " (" or text[two[6]:two[6] + 1] != ")":
        return
    for acronym, full in ((two, one), (one, two)):
        if _is_acronym(acronym[7].replace(" ", "")) and " " in full[7] and not _is_acronym(full[7].replace(" ", "")) \
                and _fold(acronym[7][:1]).casefold() == _fold(full[7][:1]).casefold():
            acronym[10] = full[7]
