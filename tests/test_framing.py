"""Framing devices: hedges per 1k words, naming choices, attribution verbs, sources cited (en, fr)."""
from __future__ import annotations

import pandas as pd
import pytest

import analysis as fl

from conftest import FIXTURES, quotes_table

TARGETS = fl.load_targets(FIXTURES / "targets.yaml")


def _corpus(text: str, language: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    corpus = pd.DataFrame({"doc_id": ["d1"], "outlet": ["Outlet"], "language": [language], "text": [text],
                           "n_words": [fl.count_words(text, language)]})
    return corpus, fl.split_corpus_sentences(corpus)


@pytest.mark.parametrize("text, language, hedges", [
    ("Massoud allegedly asked. He reportedly met them.", "en", {"allegedly", "reportedly"}),
    ("The alleged appeal was purportedly made.", "en", {"alleged", "purportedly"}),
    ("Masoud aurait demandé de l’aide ; il a prétendu le contraire.", "fr", {"aurait", "a prétendu"}),
    ("Maariv claimed that he asked. The so-called leader spoke.", "en", {"claimed that", "so-called"}),
    ("Le soi-disant chef des rebelles a parlé.", "fr", {"soi-disant"}),
    ("He asked for help and met the press.", "en", set()),
    ("Il a demandé de l’aide.", "fr", set()),
    # neutral reporting and nouns are not hedges; "claimed rule" took power, it claims nothing
    ("The Taliban claimed rule of the country and established a government.", "en", set()),
    ("Al Mayadeen's correspondent reported that the NRF said so.", "en", set()),
    ("NRF denies Israeli claims regarding a plea; the allegations are baseless.", "en", set()),
    ("Le journal a rapporté ses affirmations.", "fr", set()),
])
def test_hedges(text, language, hedges):
    corpus, sentences = _corpus(text, language)
    devices = fl.hedge_devices(sentences, corpus)
    assert set(devices.loc[devices["device"] == "hedge", "value"]) == hedges


def test_hedge_rate_per_1k_words():
    corpus, sentences = _corpus("Massoud allegedly asked for help from them.", "en")   # 7 words
    devices = fl.hedge_devices(sentences, corpus)
    row = devices[devices["value"] == "allegedly"].iloc[0]
    assert row["count"] == 1 and row["per_1k_words"] == pytest.approx(1000 / 7, abs=0.001)


@pytest.mark.parametrize("text, language, names", [
    ("The occupation entity and 'Israel’s' army; Israel.", "en",
     {"israel: occupation entity", "israel: 'Israel'", "israel: Israel"}),
    # adjectives and demonyms are not names: an Israeli newspaper names a newspaper
    ("An Israeli newspaper and the American envoy met in Israel.", "en", {"israel: Israel"}),
    ("Le journal israélien et l’envoyé américain, en Israël.", "fr", {"israel: Israël"}),
    ("Le gouvernement intérimaire et le régime taliban", "fr",
     {"taliban: gouvernement intérimaire", "taliban: régime taliban"}),
    ("The legitimate government, not the illegitimate government", "en", {"taliban: legitimate government"}),
])
def test_naming_choices(text, language, names):
    corpus, sentences = _corpus(text, language)
    naming = fl.naming_devices(fl.find_mentions(sentences, TARGETS), corpus)
    assert set(naming["value"]) == names


def test_a_name_is_counted_as_written_when_the_target_lists_that_form():
    # discovered targets list every written form; a hand-written list may not ("Legitimate
    # Government" opening a sentence is the listed alias)
    targets = [{"id": "cfa", "label": "Chick-fil-A", "aliases": {"en": ["Chick-Fil-A", "Chick-fil-A"]},
                "evaluative": {}},
               {"id": "gov", "label": "government", "aliases": {"en": ["legitimate government"]},
                "evaluative": {"legitimate government": "favour"}}]
    corpus, sentences = _corpus("Chick-fil-A opened. Legitimate government, said Chick-Fil-A.", "en")
    mentions = fl.find_mentions(sentences, targets)
    assert mentions["name"].tolist() == ["Chick-fil-A", "legitimate government", "Chick-Fil-A"]
    assert mentions["evaluation"].tolist() == ["", "favour", ""]
    assert set(fl.naming_devices(mentions, corpus)["value"]) == {
        "cfa: Chick-fil-A", "cfa: Chick-Fil-A", "gov: legitimate government"}


@pytest.mark.parametrize("text, language, sources", [
    ("According to Maariv, he asked. Maariv cited Massoud.", "en", {"Maariv"}),
    # the statement's author is the source, not the statement; "per the report" names no one
    ("In a statement posted on X, the NRF said that it was false.", "en", {"Massoud / NRF"}),
    ("He added, per the report, that it was false.", "en", set()),
    # a particle between capitalised words joins them: not "America", not "Chick-fil-A"
    ("Bank of America said that it would pay.", "en", {"Bank of America"}),
    ("Critics of Chick-fil-A argue that the company is wrong.", "en", {"Critics of Chick-fil-A"}),
    ("La Banque de France a affirmé que non.", "fr", {"Banque de France"}),
    ("A spokesperson of the group affirmed it.", "en", {"spokesperson of the group"}),
    ("The Taliban claimed rule of the country. He reported nothing.", "en", set()),
    ("NRF denies Israeli claims regarding a plea for Israeli assistance.", "en", set()),
    # officials, ministries and people named as speakers of a reporting verb
    ("Pakistan’s officials have repeatedly admitted that attacks rose.", "en", {"Pakistan’s officials"}),
    ("The Israeli foreign ministry declined to comment on the remarks.", "en", {"Israeli foreign ministry"}),
    ("Gideon Kouts wrote the story. Kouts, however, insisted that he said it.", "en", {"Kouts"}),
    # the subject's own description is the subject: one source with his quotations
    ("However, according to the Afghani leader, he spoke.", "en", {"Massoud / NRF"}),
    ("Selon Maariv, il a demandé. C’est ce qu’a révélé le journal israélien Maariv.", "fr", {"Maariv"}),
    # a description the text links to a name is that name
    ("Le journal israélien Maariv l’a révélé. Lors d’un entretien avec le quotidien israélien, il a parlé.",
     "fr", {"Maariv"}),
    ("Maariv, an Israeli newspaper, ran it. The Israeli newspaper said that he asked.", "en", {"Maariv"}),
    ("Il a parlé au journal hier.", "fr", set()),
    # a day is not a first name; a person's title is not the person (nor a target it names)
    ("In a post on Wednesday Williams admitted that he had made a mistake.", "en", {"Williams"}),
    ("Israeli Prime Minister Naftali Bennett said that he would not meet him.", "en", {"Naftali Bennett"}),
    # who speaks for a target is the target; a user or a critic of it is not
    ("A Taliban spokesman said that the talks had ended.", "en", {"Taliban"}),
    ("One Taliban user said that the talks had ended.", "en", {"Taliban user"}),
])
def test_sources_cited(text, language, sources):
    corpus, sentences = _corpus(text, language)
    found = fl.find_sources(corpus, sentences, targets=TARGETS)
    assert set(found["source"]) == sources
    for r in found.itertuples():
        assert text[r.start:r.end] == r.name


def test_quotation_speakers_are_sources_merged_by_canonical_name():
    text = "Massoud said: “We need help.” The NRF said: “No.” Earlier, the report said so."
    corpus, sentences = _corpus(text, "en")
    quotes = quotes_table(doc_id=["d1", "d1"], kind=["direct", "direct"], speaker=["Massoud", "NRF"],
                          source=["", "the report"], start=[15, 45], end=[27, 48])
    cited = fl.sources_cited(fl.find_sources(corpus, sentences, quotes=quotes, targets=TARGETS))
    assert cited["source"].tolist() == ["Massoud / NRF"]
    assert cited["count"].iloc[0] == 2 and cited["names"].iloc[0] == "Massoud;NRF"


def test_sources_outside_the_targets_take_the_story_s_one_name_for_them():
    text = ("Barack Obama spoke. Obama said that the plan works. “We are ready,” Obama said. "
            "According to Jeh Johnson, it is late.")
    corpus, sentences = _corpus(text, "en")
    quotes = quotes_table(doc_id=["d1"], kind=["direct"], speaker=["Obama"], speaker_canonical=["Barack Obama"],
                          start=[text.index("“")], end=[text.index("”") + 1])
    entities, aliases = fl.discover_entities(corpus)
    found = fl.find_sources(corpus, sentences, quotes=quotes, targets=[], entity_aliases=aliases,
                            entities=entities)
    assert sorted(set(zip(found["name"], found["source"]))) == [
        ("Jeh Johnson", "Jeh Johnson"), ("Obama", "Barack Obama")]
    assert len(found[found["source"] == "Barack Obama"]) == 2  # the reported speech and the quotation
    # without the discovery tables (and no quotation naming him in full), names stay as written
    assert set(fl.find_sources(corpus, sentences, targets=[])["source"]) == {"Obama", "Jeh Johnson"}


def test_a_source_named_inside_a_quotation_is_the_speaker_s_not_the_outlet_s():
    text = "“He said the same thing that Obama said, according to CNN,” Johnson told us. Kirby said that it is late."
    corpus, sentences = _corpus(text, "en")
    quotes = quotes_table(doc_id=["d1"], kind=["direct"], speaker=["Johnson"],
                          start=[0], end=[text.index("”") + 1])
    found = fl.find_sources(corpus, sentences, quotes=quotes, targets=[])
    assert sorted(found["source"]) == ["Johnson", "Kirby"]


def test_attribution_verbs_credit_the_last_named_target():
    corpus, sentences = _corpus("The NRF denied the report, and the Taliban said nothing.", "en")
    verbs = fl.attribution_verbs(fl.find_mentions(sentences, TARGETS), corpus=corpus)
    assert set(verbs["value"]) == {"massoud_nrf: denied", "taliban: said"}


def test_attribution_verbs_from_quotes():
    quotes = quotes_table(doc_id=["d1", "d1"], outlet=["O", "O"], speaker=["Massoud", "Kouts"],
                          verb=["said", "insisted"], quote_text=["a", "b"], start=[0, 5])
    corpus, sentences = _corpus("Kouts, however, insisted. The NRF denied it.", "en")
    mentions = fl.find_mentions(sentences, TARGETS)
    quotes = quotes.assign(sentence_id=[0, 0], kind="direct")
    verbs = fl.attribution_verbs(mentions, quotes=quotes, corpus=corpus)
    assert sorted(verbs["value"]) == ["Kouts: insisted", "Massoud: said", "massoud_nrf: denied"]


@pytest.mark.parametrize("text, value", [
    ("Massoud met the press. Kouts, however, insisted that Massoud said it.", "Kouts: insisted"),
    ("The Israeli foreign ministry declined to comment on Massoud's remarks.",
     "Israeli foreign ministry: declined to comment"),
    ("Massoud's request angers many, while his group denies the claim.", "massoud_nrf: denies"),
])
def test_attribution_verbs_credit_the_named_speaker(text, value):
    corpus, sentences = _corpus(text, "en")
    verbs = fl.attribution_verbs(fl.find_mentions(sentences, TARGETS), corpus=corpus)
    assert value in set(verbs["value"])
