"""One name per speaker: speakers take the ids of the entities the corpus's discovery found."""
import pandas as pd

import analysis as fl


def _corpus(*texts):
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))],
                         "outlet": [f"Outlet {i}" for i in range(len(texts))],
                         "language": "en", "text": list(texts)})


def _linked(articles, discovered_from=None):
    """The articles' quotations grouped with the speakers taken as the entities discovered in
    ``discovered_from`` (the articles themselves by default)."""
    entities, aliases = fl.discover_entities(articles if discovered_from is None else discovered_from)
    return fl.group_quotes(fl.extract_quotes(articles), entities=entities, aliases=aliases)


def test_a_speaker_named_by_an_acronym_the_text_defines_is_its_entity():
    articles = _corpus(
        "Fighters of the Islamic State (ISIS) took the town. “We will stay,” the Islamic State said.",
        "ISIS posted a video on Wednesday. “The town is ours,” ISIS said in the video.")
    alone = fl.group_quotes(fl.extract_quotes(articles))
    linked = _linked(articles)
    direct = lambda q: q[q["kind"] == "direct"].set_index("speaker")["speaker_id"]  # noqa: E731
    assert direct(alone)["ISIS"] != direct(alone)["Islamic State"]     # the speakers alone cannot tell
    assert direct(linked)["ISIS"] == direct(linked)["Islamic State"] == "islamic_state"
    assert set(linked.loc[linked["kind"] == "direct", "speaker_canonical"]) == {"Islamic State"}


def test_a_speaker_that_is_no_entity_keeps_its_own_id():
    articles = _corpus("“We will stay,” said Jane Roe.")
    linked = _linked(articles, discovered_from=articles[articles["doc_id"] == "none"])
    assert linked.loc[linked["kind"] == "direct", "speaker_id"].tolist() == ["jane_roe"]


def test_a_described_group_is_an_entity_only_as_written():
    # "the police" is the discovered group; "the source" is not the caption's "SOURCE: Reuters"
    articles = _corpus(
        "SOURCE\nThe police came. “We are here,” the police said. “It is over,” the source said.",
        "Police officers stood by. “Stay back,” the police said.")
    linked = _linked(articles)
    direct = linked[linked["kind"] == "direct"]
    assert set(direct.loc[direct["speaker"] == "the police", "speaker_id"]) == {"police"}
    assert direct.loc[direct["speaker"] == "the source", "speaker_id"].tolist() == ["the_source"]
