"""The one quotation-mark scanner: pairs, depth, apostrophes, reversed guillemets, mixed
typography, paragraph continuation; the same regions for sentences and quotations."""
from __future__ import annotations

import pytest

import analysis as fl
from analysis.marks import QuotedRegions, is_scare_quoted, scan_quote_marks, strip_marks


def _pairs(text: str) -> list[tuple[str, int, str]]:
    pairs, _ = scan_quote_marks(text)
    return [(text[p.open_at + 1:p.close_at], p.depth, p.marks) for p in pairs]


@pytest.mark.parametrize("text, expected", [
    ('He said "we will fight" today.', [("we will fight", 0, '""')]),
    ("Il a dit « nous resterons » hier.", [(" nous resterons ", 0, "«»")]),
    ("qu' »il est un allié » du régime.", [("il est un allié ", 0, "»»")]),      # reversed guillemets
    ("“He told me ‘never again’ then left.”", [("He told me ‘never again’ then left.", 0, "“”"),
                                               ("never again", 1, "‘’")]),
    ("„Wir bleiben“, sagte er.", [("Wir bleiben", 0, "„“")]),
    ('“Who is he?" Salkida wrote.', [("Who is he?", 0, '“"')]),                  # mixed typography
    ('"It is over.” he said.', [("It is over.", 0, '"”')]),
    ("Israel’s allies and the Afghans’ rights, l’aide, ’90s.", []),              # apostrophes only
    # a straight " spaced from the single quotation it closes around ("…,' " Magel said)
    ('"Treat it like, \'Oh, no,\' " Magel said.', [("Treat it like, 'Oh, no,' ", 0, '""'),
                                                   ("Oh, no,", 1, "''")]),
    ("\"Say, 'Well done,' \" said Rep. Russell.", [("Say, 'Well done,' ", 0, '""'), ("Well done,", 1, "''")]),
    # a " before a word opens, even right after a single quotation
    ('He said \'yes\' "and more" today.', [("yes", 0, "''"), ("and more", 0, '""')]),
    # a closing mark typed as an opening one: after a word or punctuation, before a space or the end
    ("“It could create problems for her here,“ said Jim Clyburn.",
     [("It could create problems for her here,", 0, "““")]),
    ("explains “the advantages of peace“ with a photograph", [("the advantages of peace", 0, "““")]),
    ("Ramos wrote. “Please check this http://bit.ly/1DbUmw5 .“", [("Please check this http://bit.ly/1DbUmw5 .", 0, "““")]),
    ("“Pollsters are taking heat.“[HuffPost.]", [("Pollsters are taking heat.", 0, "““")]),
    ("“Do you want that?“ he asked.", [("Do you want that?", 0, "““")]),
    ("“You said ‘over their bodies‘, because.”", [("You said ‘over their bodies‘, because.", 0, "“”"),
                                                  ("over their bodies", 1, "‘‘")]),
    # a quotation right after a colon, or after a word with no space
    ('Hillary Rodham Clinton:"We learned that from them."', [("We learned that from them.", 0, '""')]),
    ('and waxed poetic about"joint operations." He pledged', [("joint operations.", 0, '""')]),
    # a " after a space closes when no word follows it
    ('"What does that mean? " Clinton asked.', [("What does that mean? ", 0, '""')]),
    ('("Low energy" Jeb Bush, "Lyin\' " Ted Cruz)', [("Low energy", 0, '""'), ("Lyin' ", 0, '""')]),
    # a reversed ” that closes nothing opens when the next mark closes it
    ("He says,” there are people never listened to.”", [(" there are people never listened to.", 0, "””")]),
    ("” … if the woman who’s running can visit, she can,” it read.",
     [(" … if the woman who’s running can visit, she can,", 0, "””")]),
    ("\u202a”Sorry Sarah!!” posted Sharon.", [("Sorry Sarah!!", 0, "””")]),        # after a format character
    # guillemets with inner spaces, in French, and apostrophes inside words
    ("Selon lui, « l’aide n’arrivera pas » aujourd’hui.", [(" l’aide n’arrivera pas ", 0, "«»")]),
    # The New York Times' doubled single marks: an apostrophe inside does not close them
    ("''Francis' walls bother him,'' Mr. Vian said.", [("Francis' walls bother him,", 0, "''")]),
    ("shouting ''Get 'em out of here'' and ''Be nice.''", [("Get 'em out of here", 0, "''"), ("Be nice.", 0, "''")]),
    ("He said ''it's fine 'really' now.''", [("it's fine 'really' now.", 0, "''"), ("really", 1, "''")]),
    ("to ''make America great again'", [("make America great again", 0, "''")]),  # a span cut short
    # marks inside markup tags are not quotation marks
    ('<tweet pic="" author="JebBush" id="6">Praying for the victims</tweet>.', []),
    ('[<a href=”https://x.com/a” target=”_blank”>A rally “Anger is palpable”</a>]',
     [("Anger is palpable", 0, "“”")]),
])
def test_pairs(text, expected):
    assert _pairs(text) == expected


def test_unbalanced_mark_warns_and_reading_goes_on():
    text = 'He said "we will fight.\nThen "they left" quietly.'
    pairs, warnings = scan_quote_marks(text)
    assert [text[p.open_at + 1:p.close_at] for p in pairs] == ["they left"]
    assert warnings[0][:2] == (8, '"') and "not closed in its paragraph" in warnings[0][2]


def test_a_quotation_after_an_ignored_opening_mark_is_not_nested_in_it():
    # The New York Times, BASIL's 2013 gun-control event: the first “ is never closed; the second
    # quotation is the outermost one (depth 0), so its words are masked and no verb in it reports
    text = "A task force had “presented me with a list. He added: “My point is not to worry about the politics.”"
    pairs, warnings = scan_quote_marks(text)
    assert [(text[p.open_at + 1:p.close_at], p.depth) for p in pairs] == [
        ("My point is not to worry about the politics.", 0)]
    assert warnings[0][:2] == (17, "“")


def test_a_quotation_goes_on_when_the_next_paragraph_reopens():
    text = "“We will fight on\n“until the war ends,” he said."
    pairs, warnings = scan_quote_marks(text)
    assert warnings == [] and pairs[0].continues and pairs[0].marks == "“¶" and pairs[1].continued


def test_a_quotation_goes_on_into_a_paragraph_that_closes_it_without_reopening():
    # a scraped article split into lines inside one quotation (BASIL, Chick-fil-A, New York Times)
    text = "He posted:\n“It is sad how they ‘love their friends’ but.\nSo un-friend me.”\nThe end."
    pairs, warnings = scan_quote_marks(text)
    assert warnings == []
    assert [(text[p.open_at + 1:p.close_at], p.depth, p.continues, p.continued) for p in pairs] == [
        ("It is sad how they ‘love their friends’ but.", 0, True, False),
        ("love their friends", 1, False, False),
        ("So un-friend me.", 0, False, True)]


@pytest.mark.parametrize("text", [
    "“We will fight on\nand they left.",             # nothing closes it: a warning, as before
    "“We will fight on\nThey said “no” to that.",    # the next paragraph's ” closes its own “
    "\"We will fight on\nuntil the end,\" he said.",  # a straight mark may open or close: not carried
])
def test_an_open_quotation_is_not_carried_into_a_paragraph_that_does_not_close_it(text):
    pairs, warnings = scan_quote_marks(text)
    assert not any(p.continues for p in pairs) and "not closed in its paragraph" in warnings[0][2]


def test_sentences_and_quotations_read_the_same_regions():
    text = 'He said: "We stay. We fight." Then he left. Later "it ended.'
    regions = QuotedRegions(scan_quote_marks(text)[0])
    assert regions.inside(text.index("We stay")) and not regions.inside(text.index("Then"))
    sentences = [text[a:b] for a, b in fl.split_sentences(text)]
    assert sentences == ['He said: "We stay. We fight."', "Then he left.", 'Later "it ended.']


def test_scanning_is_linear_on_adversarial_text():
    text = '"a" said ' * 20_000 + "'" * 20_000
    pairs, warnings = scan_quote_marks(text)
    assert len(pairs) == 20_000 and all(p.depth == 0 for p in pairs)


@pytest.mark.parametrize("text, name, scare", [
    ("requested 'Israel’s' help", "Israel", True),
    ('supports "Israel."', "Israel", True),
    ("requested Israel’s help", "Israel", False),
])
def test_is_scare_quoted(text, name, scare):
    a = text.index(name)
    assert is_scare_quoted(text, a, a + len(name)) is scare


def test_strip_marks_keeps_apostrophes_inside_words():
    assert strip_marks("« Le chef » d’Israël 'x'") == "  Le chef   d’Israël  x "


@pytest.mark.parametrize("text", [
    "“Nobody closes this one,“ and then “another",   # a typed-closing “ pairs; the last is reported
    "He said, ” and then nothing.",                   # a ” with nothing to close, nor closed later
    'about"joint operations and more',               # a missing space, never closed
    "« Il n’a jamais fermé ses guillemets",
])
def test_unbalanced_marks_are_reported_not_crashed(text):
    _, warnings = scan_quote_marks(text)
    assert warnings and all(isinstance(at, int) and 0 <= at < len(text) for at, _, _ in warnings)
