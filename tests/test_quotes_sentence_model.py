"""The reported-speech sentence model: what it adds beside the rules, what it must leave alone,
and that its rows say where they come from."""
from __future__ import annotations

import json

import pandas as pd
import pytest

import analysis as fl
from analysis.quotes.sentence_model import (AttributionSentenceModel, ContentTagger, candidate_sentences, model_path,
                                            sentence_features, sentence_model)


def extract(text: str, language: str = "en") -> pd.DataFrame:
    return fl.extract_quotes(pd.DataFrame([dict(doc_id="d", outlet="O", language=language, text=text)]))


@pytest.mark.parametrize("text", [
    "Most Republican voters see the campaign of Donald Trump as the most unfair of all.",
    "Trump is expected to deliver a victory speech later tonight in New York.",
    "The senator appeared to end his bid owing roughly $200,000 more than he had.",
])
def test_the_model_finds_reported_views_without_a_listed_cue(text):
    rows = extract(text)
    assert rows[["kind", "speaker", "cue", "resources"]].values.tolist() == [
        ["indirect", "unknown", "", "data/models/attribution_sentences_en.json"]]
    content = rows["quote_text"].iloc[0]
    assert len(content.split()) >= 8 and content in text and text[rows["start"].iloc[0]:rows["end"].iloc[0]] == content


def test_the_content_tagger_leaves_the_holder_and_the_cue_out():
    text = "Most Republican voters see the campaign of Donald Trump as the most unfair of all."
    assert extract(text)["quote_text"].tolist() == ["the campaign of Donald Trump as the most unfair of all"]


def test_a_model_row_repeating_a_rules_row_is_dropped():
    # "questioned" is a listed verb: the rules report its object; the sentence stays a candidate
    # (the object is under 30 % of its words) and the tagger finds the same words again
    rows = extract("Mr. Rubio's problems on Saturday began when Mr. Christie questioned his depth and experience.")
    assert rows[["quote_text", "resources"]].values.tolist() == [["his depth and experience", "data/languages/en/"]]


def tagger(weights: dict, bias: float = 0.0) -> ContentTagger:
    return ContentTagger.from_json({"weights": weights, "intercept": -1.0, "bias": bias, "settings": {}})


def test_the_content_is_the_run_of_tokens_with_the_highest_summed_score():
    # every token scores -1 except those the weights lift: "that" opens the content, the words after it stay in
    words = "Aides said that the plan would fail".split()
    after_that = {"that_before=True": 3.0}
    assert tagger(after_that).span(words) == (3, 6)
    assert tagger(after_that, bias=-1.5).span(words) == (3, 6)   # 3 - 1 - 1.5 > 0 each: the same run
    assert tagger(after_that, bias=-2.5).span(words) == (3, 3)   # every token negative: the best one, never nothing
    assert tagger({}, bias=1.5).span(words) == (0, 6)            # every token positive: the whole sentence


def test_the_content_keeps_quotations_whole_and_drops_end_commas():
    text = "Critics, he said, called it a “deep, lasting threat,” today."
    quotation = (text.index("“"), text.index("”") + 1)
    inside = tagger({"w=lasting": 9.0, "w=threat": 9.0, "w=,": 0.5})
    a, b = inside.content(text, 0, len(text), [quotation])
    assert text[a:b] == "“deep, lasting threat,”"


def test_the_tagger_fit_is_deterministic_and_round_trips(tmp_path):
    sentences = ["officials said the plan would fail", "aides believe it will pass", "critics argue the law is weak",
                 "the stadium was full"] * 3
    cues = ("officials", "said", "aides", "believe", "critics", "argue")
    flags = [[w not in cues for w in t.split()] for t in sentences]
    labels = [not t.startswith("the stadium") for t in sentences]
    fits = [AttributionSentenceModel().fit(sentences, labels, min_df=1, contents=flags) for _ in range(2)]
    for n, model in enumerate(fits):
        model.save(tmp_path / f"{n}.json")
    assert (tmp_path / "0.json").read_bytes() == (tmp_path / "1.json").read_bytes()
    loaded = AttributionSentenceModel.load(tmp_path / "0.json")
    assert loaded.content_.span("officials said the plan would fail".split()) == (2, 5)


@pytest.mark.parametrize("text, language", [
    ("The rally took place in Phoenix on Saturday afternoon.", "en"),
    ("Polls opened at 7 a.m. and closed at 8 p.m. across the state.", "en"),
    ("The stadium holds about 20,000 people and was full by noon.", "en"),
    ("Three words only.", "en"),                                               # too short to be a candidate
    ("He said “the war must end now.\nThe minister disagreed with it entirely.", "en"),  # an unbalanced mark
    # no French model: a French sentence is read by the rules alone
    ("La plupart des électeurs voient la campagne de Trump comme la plus injuste.", "fr"),
])
def test_the_model_leaves_facts_short_sentences_and_other_languages_alone(text, language):
    assert extract(text, language).empty


def test_sentences_the_rules_read_are_not_candidates():
    text = "Massoud said that the group would fight on. The rally took place in Phoenix on Saturday."
    rows = extract(text)
    sentences = [(0, 44), (45, len(text))]
    assert candidate_sentences(text, sentences, list(zip(rows["start"], rows["end"])), []) == [(45, len(text))]
    assert rows["resources"].tolist() == ["data/languages/en/"]


def test_features_are_unigrams_and_bigrams_of_words_in_their_case_and_marks_and_word_prefixes():
    assert sentence_features("Trump said: it's “Big”") == {
        "Trump", "said", ":", "it", "'", "s", "“", "Big", "”", "Trump said", "said :", ": it", "it '",
        "' s", "s “", "“ Big", "Big ”", "trum*", "said*", "it*", "s*", "big*"}
    assert "trump" not in sentence_features("Trump won")  # a capitalised subject stays one


@pytest.mark.parametrize("text, expected", [
    ("She supported him", "supp*"), ("Unterstützung", "unte*"),  # folded, accents kept
    ("Élections", "élec*"), ("He endorses it", "endo*"), ("at", "at*")])
def test_a_word_prefix_is_shared_by_its_inflections(text, expected):
    assert expected in sentence_features(text)


@pytest.mark.parametrize("text, absent", [
    ("Supp", "supp"),               # folded only as a prefix, marked so that no word is taken for it
    ("“Big”", "“*"),                # marks have no prefix
    ("endorsed Cruz", "endorsed*"),  # only the first letters
])
def test_a_word_prefix_is_marked_and_short(text, absent):
    assert absent not in sentence_features(text)


def test_the_fit_reads_the_features_that_prediction_reads():
    sentences = ["Officials said: “the plan would fail”", "the rally was in Phoenix?"] * 2
    model = AttributionSentenceModel().fit(sentences, [True, False] * 2, min_df=1)
    assert set(model.weights_) <= sentence_features(sentences[0]) | sentence_features(sentences[1])
    assert {"Officials", ":", "“", "said :"} <= set(model.weights_)


def test_fit_is_deterministic_and_round_trips(tmp_path):
    sentences = ["officials said the plan would fail", "the rally was in phoenix", "aides believe it will pass",
                 "the stadium was full", "critics argue the law is weak", "polls closed at eight"] * 3
    labels = [True, False] * 9
    first = AttributionSentenceModel().fit(sentences, labels, min_df=1)
    second = AttributionSentenceModel().fit(sentences, labels, min_df=1)
    first.save(tmp_path / "a.json")
    second.save(tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    loaded = AttributionSentenceModel.load(tmp_path / "a.json")
    assert loaded.predict(["officials said the plan would fail", "the stadium was full"]) == [True, False]


def test_naive_bayes_scaling_is_stored_as_plain_weights():
    """NB-LR: the regression reads each feature scaled by its log-count ratio; the stored weight is
    coefficient times ratio, so the saved model scores a sentence exactly as the scaled regression
    does, and a feature seen only in reported sentences weighs more than without the scaling."""
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    sentences = ["officials said the plan would fail", "the rally was in phoenix", "aides believe it will pass",
                 "the stadium was full", "critics argue the law is weak", "polls closed at eight",
                 "officials said it was late", "the officials were in phoenix"] * 2
    labels = [True, False, True, False, True, False, True, False] * 2
    model = AttributionSentenceModel().fit(sentences, labels, min_df=1, c=1.0, nb_alpha=1.0)
    vectoriser = CountVectorizer(analyzer=sentence_features, min_df=1, binary=True)
    x = vectoriser.fit_transform(sentences)
    chosen = np.array(labels)
    positive = np.asarray(x[chosen].sum(axis=0)).ravel() + 1.0
    negative = np.asarray(x[~chosen].sum(axis=0)).ravel() + 1.0
    ratio = np.log((positive / positive.sum()) / (negative / negative.sum()))
    reference = LogisticRegression(C=1.0, solver="liblinear", max_iter=2000, random_state=0).fit(
        x.multiply(ratio).tocsr(), labels)
    expected = reference.predict_proba(x.multiply(ratio).tocsr())[:, 1]
    assert [round(model.probability(s), 4) for s in sentences] == [round(float(p), 4) for p in expected]
    plain = AttributionSentenceModel().fit(sentences, labels, min_df=1, c=1.0)
    assert model.weights_["said"] > plain.weights_["said"] > 0
    assert model.settings_["nb_alpha"] == 1.0 and plain.settings_["nb_alpha"] is None


def test_the_shipped_model_has_a_card_naming_train_only():
    card = model_path("en").with_suffix(".md").read_text(encoding="utf-8")
    assert "PolNeAR train" in card and "dev and test never read" in card
    settings = json.loads(model_path("en").read_text(encoding="utf-8"))["settings"]
    assert settings["random_state"] == 0 and (settings["threshold"], settings["C"]) == (0.5, 0.1)
    assert sentence_model("fr") is None


def test_a_short_quotation_inside_a_model_row_is_its_verbatim_part():
    # the model reads the sentence as reported speech: the quoted words are the reported
    # person's, not the author's scare quote; the model names nobody, so neither does the part
    rows = extract("Critics of the plan see it as an “existential threat” to the party.").set_index("kind")
    assert rows.loc["mixed", "resources"] == "data/models/attribution_sentences_en.json"
    assert rows.loc["direct", ["quote_text", "speaker", "cue", "part_of"]].tolist() == [
        "existential threat", "unknown", "", rows.loc["mixed", "quote_id"]]


def test_a_short_quotation_after_a_possessive_stays_the_authors_where_no_cue_credits_it():
    rows = extract("He has even shared his “concerns!” about the situation in the country with a city mayor.")
    assert sorted(rows["kind"]) == ["mixed", "scare"]
    assert rows.loc[rows["kind"] == "scare", "part_of"].tolist() == [""]
