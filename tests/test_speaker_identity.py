"""One name per speaker: speakers take the ids of the entities the corpus's discovery found."""
import pandas as pd

import analysis as fl


def _corpus(*texts):
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))],
                         "outlet": [f"Outlet {i}" for i in range(len(texts))],
                         "language": "en", "text": list(texts)})


def test_a_speaker_named_by_an_acronym_the_text_defines_is_its_entity():
    articles = _corpus(
        "Fighters of the Islamic State (ISIS) took the town. “We will stay,” the Islamic State said.",
        "ISIS posted a video on Wednesday. “The town is ours,” ISIS said in the video.")
    quotes = fl.extract_quotes(articles)
    entities, aliases = fl.discover_entities(articles)
    alone = fl.group_quotes(quotes)
    linked = fl.group_quotes(quotes, entities=entities, aliases=aliases)
    direct = lambda q: q[q["kind"] == "direct"].set_index("speaker")["speaker_id"]  # noqa: E731
    assert direct(alone)["ISIS"] != direct(alone)["Islamic State"]     # the speakers alone cannot tell
    assert direct(linked)["ISIS"] == direct(linked)["Islamic State"] == "islamic_state"
    assert set(linked.loc[linked["kind"] == "direct", "speaker_canonical"]) == {"Islamic State"}


def test_a_speaker_that_is_no_entity_keeps_its_own_id():
    articles = _corpus("“We will stay,” said Jane Roe.")
    quotes = fl.extract_quotes(articles)
    entities, aliases = fl.discover_entities(articles[articles["doc_id"] == "none"])
    linked = fl.group_quotes(quotes, entities=entities, aliases=aliases)
    assert linked.loc[linked["kind"] == "direct", "speaker_id"].tolist() == ["jane_roe"]


def test_a_described_group_is_an_entity_only_as_written():
    # "the police" is the discovered group; "the source" is not the caption's "SOURCE: Reuters"
    articles = _corpus(
        "SOURCE\nThe police came. “We are here,” the police said. “It is over,” the source said.",
        "Police officers stood by. “Stay back,” the police said.")
    quotes = fl.extract_quotes(articles)
    entities, aliases = fl.discover_entities(articles)
    linked = fl.group_quotes(quotes, entities=entities, aliases=aliases)
    direct = linked[linked["kind"] == "direct"].set_index("quote_text")
    assert set(direct.loc[direct["speaker"] == "the police", "speaker_id"]) == {"police"}
    assert direct.loc[direct["speaker"] == "the source", "speaker_id"].tolist() == ["the_source"]
