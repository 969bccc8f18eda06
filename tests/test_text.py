"""Folding with offsets, sentence splitting (English and French, quotes, abbreviations), words."""
from __future__ import annotations

import pytest

import analysis as fl
from tests.conftest import seed_text


@pytest.mark.parametrize("text, folded", [
    ("Israël", "israel"),
    ("L’aide d’Israël", "l'aide d'israel"),
    ("« occupation entity »", '" occupation entity "'),
    ("anti‐Taliban — war", "anti-taliban - war"),
    ("ﬁn Straße", "fin strasse"),
    ("line\nbreak\u00a0here", "line break here"),
    ("أَحْمَد", "احمد"),  # Arabic harakat dropped, letters kept (not made ASCII)
])
def test_fold_text(text, folded):
    assert fl.fold_text(text)[0] == folded


@pytest.mark.parametrize("text, needle, original", [
    ("Straße von Israël", "israel", "Israël"),
    ("ﬁrst Mayadeen’s", "mayadeen's", "Mayadeen’s"),
    ("Ahmad Massoud", "massoud", "Massoud"),
    ("Maß Élysée", "elysee", "Élysée"),
])
def test_fold_offsets_map_back_to_original(text, needle, original):
    folded, offsets = fl.fold_text(text)
    at = folded.index(needle)
    start, end = fl.original_span(offsets, at, at + len(needle))
    assert text[start:end] == original


def test_fold_offsets_cover_expansions():
    folded, offsets = fl.fold_text("ﬁ")
    assert folded == "fi" and list(offsets) == [0, 0, 1]


def sentences(text, language="en"):
    return [text[a:b] for a, b in fl.split_sentences(text, language)]


@pytest.mark.parametrize("text, expected", [
    ("Mr. Smith left. He came back.", ["Mr. Smith left.", "He came back."]),
    ("The U.S. army left in 2021. Then the Taliban came.",
     ["The U.S. army left in 2021.", "Then the Taliban came."]),
    ('He said "I came. I saw." Then he left.', ['He said "I came. I saw."', "Then he left."]),
    ("Version 3.5 is out. Good.", ["Version 3.5 is out.", "Good."]),
    ("A title without period\nA second line.", ["A title without period", "A second line."]),
    ("J. R. Smith spoke. Yes.", ["J. R. Smith spoke.", "Yes."]),
    # initials written together are initials, as "U.S." is: the speaker is not cut off his name
    ("J.D. Vance spoke. Columnist E.J. Dionne wrote. Yes.", ["J.D. Vance spoke.", "Columnist E.J. Dionne wrote.",
                                                            "Yes."]),
])
def test_split_sentences_english(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("M. Masoud a parlé. Il est parti.", ["M. Masoud a parlé.", "Il est parti."]),
    ("Il a dit : « Je crois. Nous devons partir ». Puis rien.",
     ["Il a dit : « Je crois. Nous devons partir ».", "Puis rien."]),
    # the seeds' reversed guillemet: » opens, » closes
    ("Il a estimé qu' »il sera nécessaire. Nous vivons ici ». Fin.",
     ["Il a estimé qu' »il sera nécessaire. Nous vivons ici ».", "Fin."]),
])
def test_split_sentences_french(text, expected):
    assert sentences(text, "fr") == expected


def test_seed_quote_with_inner_period_is_one_sentence(seed_corpus):
    text = seed_text(seed_corpus, "000")
    found = [s for s in sentences(text) if s.startswith('"It is necessary')]
    assert found == ['"It is necessary to overcome past conflicts and live together in peace. '
                     'Unfortunately, we live in an interconnected world," Maariv claimed quoting '
                     'him as saying.']


def test_seed_us_abbreviation_does_not_split(seed_corpus):
    text = seed_text(seed_corpus, "004")
    assert ("Most of their members live comfortably in countries such as Europe, the U.S., "
            "Turkey, Iran, and Tajikistan.") in sentences(text)


def test_seed_french_sentence_count(seed_corpus):
    text = seed_text(seed_corpus, "002")
    got = sentences(text, "fr")
    assert len(got) == 12
    assert got[0].startswith("Le chef des rebelles") and got[0].endswith("Maariv.")


def test_sentence_spans_index_the_text(seed_corpus):
    table = fl.split_corpus_sentences(seed_corpus)
    texts = seed_corpus.set_index("doc_id")["text"]
    assert all(texts[r.doc_id][r.start:r.end] == r.sentence for r in table.itertuples())
    assert table.groupby("doc_id")["sentence_id"].apply(lambda s: list(s) == list(range(len(s)))).all()


@pytest.mark.parametrize("text, language, words", [
    ("Massoud’s group won’t", "en", ["Massoud’s", "group", "won’t"]),
    ("anti-Taliban forces, 2021.", "en", ["anti-Taliban", "forces", "2021"]),
    ("l’aide d’Israël, qu’il", "fr", ["l’", "aide", "d’", "Israël", "qu’", "il"]),
    ("qu'il n'aspirait", "fr", ["qu'", "il", "n'", "aspirait"]),
    ("“concerns!” — 'Israel’s'", "en", ["concerns", "Israel’s"]),
    ("جبهه مقاومت ملی", "fa", ["جبهه", "مقاومت", "ملی"]),
])
def test_tokenize_words(text, language, words):
    assert fl.tokenize_words(text, language) == words


def test_locate_sentences_and_kwic(seed_corpus):
    text = seed_text(seed_corpus, "000")
    start = text.index("occupation entity")
    doc_id = seed_corpus["doc_id"].iloc[0]
    import pandas as pd
    occ = pd.DataFrame({"doc_id": [doc_id], "start": [start], "end": [start + len("occupation entity")]})
    located = fl.locate_sentences(occ, fl.split_corpus_sentences(seed_corpus))
    assert located["sentence_id"].iloc[0] == 2
    assert "requested assistance from the occupation entity." in located["sentence"].iloc[0]
    kwic = fl.keyword_in_context(occ, seed_corpus, width=20)
    assert kwic["match"].iloc[0] == "occupation entity"
    assert kwic["left"].iloc[0] == "assistance from the "
    assert kwic["right"].iloc[0] == ".\nAhmad Massoud said"[:20].replace("\n", " ")
