"""Claim stance (FNC-1 labels), target stance, loaders' errors, and agreement with the gold annotation."""
from __future__ import annotations

import pandas as pd
import pytest

import analysis as fl

from conftest import FIXTURES, quotes_table

CLAIMS = fl.load_claims(FIXTURES / "claims.yaml")
TARGETS = fl.load_targets(FIXTURES / "targets.yaml")
NEUTRAL = fl.load_neutral_words(FIXTURES / "neutral_words.yaml")


def _sentences(text: str, language: str, doc_id: str = "d1", outlet: str = "Outlet") -> pd.DataFrame:
    corpus = pd.DataFrame({"doc_id": [doc_id], "outlet": [outlet], "language": [language], "text": [text]})
    return fl.split_corpus_sentences(corpus)


def _claim_label(text: str, language: str, quotes=None) -> str:
    sentences = _sentences(text, language)
    corpus = pd.DataFrame({"doc_id": ["d1"], "outlet": ["Outlet"], "language": [language]})
    evidence = fl.claim_sentences(sentences, CLAIMS, quotes=quotes)
    return fl.claim_stance(corpus, evidence, CLAIMS)["label"].iloc[0]


@pytest.mark.parametrize("text, language, label", [
    ("Ahmad Massoud asked Israel for help in his fight.", "en", "agree"),
    ("Ahmad Massoud reportedly asked Israel for help.", "en", "discuss"),
    ("According to Maariv, Massoud requested assistance from Israel.", "en", "discuss"),
    ("Massoud requested help from Israel. The NRF denied the report.", "en", "discuss"),
    ("The story that Massoud requested help from Israel is false.", "en", "disagree"),
    ("Massoud did not ask Israel for help.", "en", "disagree"),
    ("Massoud warned Pakistan against engagement with the Taliban.", "en", "unrelated"),
    ("Israel is far from Afghanistan.", "en", "unrelated"),          # one cue group only
    ("Masoud a demandé l’aide d’Israël, a révélé le journal.", "fr", "agree"),   # factive verb
    ("Masoud aurait demandé l’aide d’Israël.", "fr", "discuss"),
    ("Selon Maariv, Masoud a demandé l’aide d’Israël.", "fr", "discuss"),
    ("Le Front de résistance nationale dément avoir demandé l’aide d’Israël.", "fr", "discuss"),
    ("L’affirmation selon laquelle Masoud a demandé l’aide d’Israël est infondée.", "fr", "discuss"),
    ("Masoud n’a pas demandé l’aide d’Israël, c’est faux.", "fr", "disagree"),
    ("Masoud a parlé de la paix en Afghanistan.", "fr", "unrelated"),
])
def test_claim_label_rules(text, language, label):
    assert _claim_label(text, language) == label


@pytest.mark.parametrize("text, kept", [
    ("Afghanistan and Israel have never had formal diplomatic relations.", False),  # a negator, no denial
    ("The NRF denied it.", True),                                                    # a denial by anaphora
])
def test_partial_claim_sentence_is_kept_only_for_a_denial(text, kept):
    evidence = fl.claim_sentences(_sentences(text, "en"), CLAIMS)
    assert (len(evidence) == 1) == kept


def test_quoted_claim_is_attributed_not_asserted():
    text = "“Massoud asked Israel for help,” the banner read."
    quotes = pd.DataFrame({"doc_id": ["d1"], "kind": ["direct"], "start": [1], "end": [31]})
    assert _claim_label(text, "en") == "agree"          # without quotes: read as author voice
    assert _claim_label(text, "en", quotes=quotes) == "discuss"


@pytest.mark.parametrize("roles, label", [
    ([], "unrelated"),
    (["related"], "discuss"),
    (["assertion", "hedge"], "agree"),
    (["assertion", "reported refutation"], "discuss"),
    (["refutation", "hedge"], "disagree"),
    (["refutation", "assertion"], "discuss"),
])
def test_label_claim(roles, label):
    assert fl.label_claim(roles)[0] == label


@pytest.mark.parametrize("text, language, expected", [
    ("Ahmed Masoud met NRF fighters.", "en", {("massoud_nrf", "Ahmed Masoud"), ("massoud_nrf", "NRF")}),
    ("Help from the occupation entity and 'Israel’s' allies", "en",
     {("israel", "occupation entity"), ("israel", "Israel")}),
    ("the US and the U.S. and Washington", "en",
     {("united_states", "US"), ("united_states", "U.S."), ("united_states", "Washington")}),
    ("let us talk about Israelis", "en", set()),           # "us" is not the US; Israelis ≠ Israeli
    ("Le gouvernement intérimaire et les talibans", "fr",
     {("taliban", "gouvernement intérimaire"), ("taliban", "talibans")}),
    ("l’aide d’Israël et des États-Unis", "fr", {("israel", "Israël"), ("united_states", "États-Unis")}),
    ("Massoudi et Talibanistan", "fr", set()),              # whole words only
])
def test_find_mentions(text, language, expected):
    mentions = fl.find_mentions(_sentences(text, language), TARGETS)
    assert set(zip(mentions["target"], mentions["name"])) == expected


@pytest.mark.parametrize("text, scare", [
    ("requested 'Israel’s' help", True),
    ('with "Israel."', True),
    ("l’aide d’Israël", False),
    ("help from Israel.", False),
])
def test_scare_quotes(text, scare):
    mentions = fl.find_mentions(_sentences(text, "fr" if "aide" in text else "en"), TARGETS)
    assert mentions["scare_quoted"].tolist() == [scare]


def test_author_voice_excludes_quoted_words():
    text = "The NRF said: “The Taliban are terrible criminals.”"
    sentences = _sentences(text, "en")
    mentions = fl.find_mentions(sentences, TARGETS)
    quotes = quotes_table(doc_id=["d1"], kind=["direct"], start=[14], end=[len(text) - 1])
    without = fl.target_sentences(sentences, mentions, NEUTRAL)
    with_quotes = fl.target_sentences(sentences, mentions, NEUTRAL, quotes=quotes)
    taliban = lambda t: t[t["target"] == "taliban"].iloc[0]  # noqa: E731
    # "The NRF said: …" is reported speech even before the quotation is known: the NRF's words
    assert taliban(without)["sentiment"] == 0.0 and taliban(without)["quoted_sentiment"] < -0.4
    assert taliban(with_quotes)["sentiment"] == 0.0 and taliban(with_quotes)["quoted_sentiment"] < -0.4
    assert "quotes not given" in taliban(without)["voice"]


def test_loaded_terms_evaluate_their_target_without_a_name():
    sentences = _sentences("Massoud met officials. He has propagated false information.", "en")
    mentions = fl.find_mentions(sentences, TARGETS)
    terms = pd.DataFrame({"doc_id": ["d1"], "outlet": ["Outlet"], "language": ["en"], "target": ["massoud_nrf"],
                          "direction": ["against"], "start": [27], "end": [36], "sentence_id": [1]})
    units = fl.target_sentences(sentences, mentions, NEUTRAL, loaded_terms=terms)
    assert sorted(units["sentence_id"]) == [0, 1]
    assert units.set_index("sentence_id").loc[1, "score"] < 0
    assert fl.target_stance(units)["score"].iloc[0] <= -0.1


def _units(scores) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": "d1", "outlet": "O", "target": "t", "score": scores, "unit": "sentence",
                         "sentence_id": range(len(scores)), "start": 0, "end": 1, "sentence": "s",
                         "quoted_sentiment": float("nan"), "sentiment_method": "vader", "why": "w",
                         "voice": "author"})


@pytest.mark.parametrize("scores, expected", [
    ([-0.5, -0.4, -0.6, -0.3], "against"),    # mean ≤ −0.1 and the whole interval below 0
    ([0.6, 0.5, 0.7], "favour"),
    ([-0.9, 0.0, 0.2, -0.5], "neutral"),      # weighing mean −0.4 but the interval crosses 0
    ([-0.8], "neutral"),                      # too few evidence units to label
    ([-0.15, -0.12, -0.18], "neutral"),       # no unit weighs (|score| < 0.2): faint sentiment
    ([-1.0, 0.0, 0.0, 0.0, -0.5, 0.01], "against"),  # names the target neutrally, judges it twice
])
def test_target_label_needs_a_supported_score(scores, expected):
    units = _units(scores)
    assert fl.target_stance(units)["label"].tolist() == [expected]
    assert fl.document_stance(units)["label"].tolist() == [expected]
    assert fl.document_stance(units)["n_units"].tolist() == [len(scores)]


def test_outlet_table_has_a_row_for_a_target_never_named():
    table = fl.target_stance(_units([-0.5, -0.6]), outlets=["O", "P"], targets=["t"])
    assert table[["outlet", "target", "label", "n_units"]].values.tolist() == [
        ["O", "t", "against", 2], ["P", "t", "neutral", 0]]
    assert table.loc[1, "evidence"] == "the outlet never names this target"


def test_evidence_table_lists_every_unit_with_weight_and_why():
    evidence = fl.evidence_table(_units([-0.5, 0.0, 0.3]))
    assert len(evidence) == 3 and evidence["weight"].tolist() == [-0.5, 0.0, 0.3]
    assert list(evidence.columns) == list(fl.empty_table("target_evidence").columns)


@pytest.mark.parametrize("text, target, expected, why", [
    # evaluative words aimed at the target named just before them (en, fr)
    ("Following Washington's hasty exit from Afghanistan, nothing changed.", "united_states", -0.5, "'hasty'"),
    ("Those allied with the United States during its occupation period, including Massoud.",
     "united_states", -0.5, "'occupation'"),
    ("Massoud and his treacherous team appealed for support.", "massoud_nrf", -0.5, "'treacherous'"),
    ("Le chef des rebelles, Massoud, et sa trahison honteuse.", "massoud_nrf", -2.0, "'trahison'"),  # name −1, two words
    ("Massoud is the son of a legendary commander.", "massoud_nrf", 0.5, "'legendary'"),
    # not aimed at the target: too far from its name, or before it across a clause break
    ("At a hastily arranged news conference on Friday, Massoud spoke.", "massoud_nrf", 0.0, "author voice"),
    ("Israel was named, and the many nations, far away over there, suffered humiliating defeats.",
     "israel", 0.0, ""),
    # distancing: a distanced positive is not praise
    ("The NRF claims to be the legitimate representative of the people.", "massoud_nrf", -0.5,
     "distancing 'claims to be'"),
    ("The so-called NRF met them.", "massoud_nrf", -0.5, "distancing 'so-called'"),
    ("Le prétendu Front de résistance nationale a parlé.", "massoud_nrf", -0.5, "distancing"),
    # a distancing verb that introduces the target's words: the author does not vouch for them
    ("Massoud claimed that he did not aspire to be president.", "massoud_nrf", -0.5,
     "'claimed' disowns the target's words"),
    ("Massoud a prétendu que le pays avait besoin d'aide.", "massoud_nrf", -0.5,
     "'a prétendu' disowns the target's words"),
    ("The Taliban claimed rule over Kabul in August.", "taliban", 0.0, "author voice"),  # took possession
    ("Massoud said that he did not aspire to be president.", "massoud_nrf", 0.0, "author voice"),
    ("President Biden insisted that nothing improper happened with Massoud.", "massoud_nrf", 0.0,
     "author voice"),  # the speaker is Biden, not the target named after the verb
    # evaluation in reported speech belongs to its speaker
    ("The NRF said that the Taliban are a humiliating failure.", "taliban", 0.0, "left to their speaker"),
    ("Some have accused Massoud of betrayal and treachery.", "massoud_nrf", 0.0, "left to their speaker"),
    ("Any alignment with the Taliban is futile, warns Ahmad Massoud", "taliban", 0.0, "left to their speaker"),
])
def test_evaluative_words_and_distancing(text, target, expected, why):
    language = "fr" if " le " in f" {text.lower()} " or "chef" in text else "en"
    sentences = _sentences(text, language)
    units = fl.target_sentences(sentences, fl.find_mentions(sentences, TARGETS), NEUTRAL)
    unit = units[units["target"] == target].iloc[0]
    assert unit["evaluative"] + unit["distancing"] + unit["naming"] == pytest.approx(expected), unit["why"]
    assert why in unit["why"]


def test_bootstrap_interval_is_reproducible_and_brackets_the_mean():
    scores = [0.1, -0.4, 0.3, 0.9, -0.2]
    assert fl.bootstrap_interval(scores, seed=3) == fl.bootstrap_interval(scores, seed=3)
    low, high = fl.bootstrap_interval(scores)
    assert low < sum(scores) / len(scores) < high


@pytest.mark.parametrize("content, message", [
    ("- id: Bad Id\n  text: x\n  languages: [en]\n", "entry 0: id must be snake_case"),
    ("- id: a\n  languages: [en]\n", r"entry 0 \(a\): text is missing"),
    ("- id: a\n  text: x\n  languages: []\n", r"entry 0 \(a\) languages"),
    ("- id: a\n  text: x\n  languages: [en]\n- id: a\n  text: y\n  languages: [en]\n", "repeats"),
    ("- id: a\n  text: x\n  languages: [en]\n  cues: {en: {actor: []}}\n", r"cues.en.actor"),
    ("[unclosed", "not valid YAML"),
])
def test_load_claims_errors(tmp_path, content, message):
    path = tmp_path / "claims.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(fl.StanceDataError, match=message):
        fl.load_claims(path)


@pytest.mark.parametrize("content, message", [
    ("- id: t\n  aliases: {}\n", r"entry 0 \(t\): aliases"),
    ("- id: t\n  aliases: {en: [X]}\n  evaluative: {X: maybe}\n", "must be favour or against"),
    ("- id: t\n  aliases: {en: [X]}\n  evaluative: {Y: against}\n", "not one of the target's aliases"),
])
def test_load_targets_errors(tmp_path, content, message):
    path = tmp_path / "targets.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(fl.StanceDataError, match=message):
        fl.load_targets(path)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(fl.StanceDataError, match="nothing.yaml: file not found"):
        fl.load_claims(tmp_path / "nothing.yaml")


def test_gold_errors(tmp_path):
    path = tmp_path / "gold.csv"
    path.write_text("doc_id,claim_id,label,justification\nd1,c,maybe,because\n", encoding="utf-8")
    with pytest.raises(fl.StanceDataError, match="line 2: label 'maybe'"):
        fl.load_gold(path, ["doc_id", "claim_id"], fl.stance.LABELS)


# --- the seeds ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_stance(seed_corpus):
    """The notebook's pipeline on the seeds: quotations and loaded terms from their modules, target
    stance read in the English pivot where a translation exists."""
    sentences = fl.split_corpus_sentences(seed_corpus)
    evidence = fl.claim_sentences(sentences, CLAIMS, quotes=fl.extract_quotes(seed_corpus))
    claims = fl.claim_stance(seed_corpus, evidence, CLAIMS)
    quotes = fl.extract_quotes(seed_corpus)
    units = fl.target_evidence(seed_corpus, TARGETS, fl.load_lexicons(FIXTURES / "lexicon.yaml"), quotes,
                               translated_quotes=fl.extract_translated_quotes(seed_corpus, quotes),
                               neutral_words=NEUTRAL)
    return claims, evidence, fl.target_stance(units, outlets=seed_corpus["outlet"], targets=[t["id"] for t in TARGETS])


def test_every_seed_has_a_claim_label_with_evidence(seed_stance, seed_corpus):
    claims, _, _ = seed_stance
    assert sorted(claims["doc_id"]) == sorted(seed_corpus["doc_id"])
    related = claims[claims["label"] != "unrelated"]
    assert (related["evidence"].str.len() > 0).all() and len(related) == 4


def test_al_mayadeen_denial_is_in_its_evidence(seed_stance):
    claims, evidence, _ = seed_stance
    row = claims[claims["doc_id"].str.startswith("000")].iloc[0]
    assert "[reported refutation] NRF denies Israeli claims" in row["evidence"]
    assert row["label"] == "discuss"


def test_voice_of_hindukush_is_against_massoud_and_for_the_taliban(seed_stance):
    _, _, targets = seed_stance
    vh = targets[targets["outlet"] == "Voice of Hindukush"].set_index("target")
    assert vh.loc["massoud_nrf", "label"] == "against"
    assert vh.loc["taliban", "label"] == "favour"
    assert vh.loc["taliban", "low"] > 0


def test_agreement_with_gold(seed_stance):
    claims, _, targets = seed_stance
    results = fl.agree_with_gold(claims, targets, FIXTURES / "gold")
    c, t = results["claim stance (per document)"], results["target stance (per outlet)"]
    print(f"claim stance vs gold: n={c['n']} accuracy={c['accuracy']:.3f} macro-F1={c['macro_f1']:.3f}")
    print(f"target stance vs gold: n={t['n']} accuracy={t['accuracy']:.3f} macro-F1={t['macro_f1']:.3f}")
    # Lower bounds = the values measured when this test was written (README, "Stance").
    assert c["accuracy"] >= CLAIM_ACCURACY and c["macro_f1"] >= CLAIM_MACRO_F1
    assert t["accuracy"] >= TARGET_ACCURACY and t["macro_f1"] >= TARGET_MACRO_F1


CLAIM_ACCURACY, CLAIM_MACRO_F1 = 1.0, 1.0
TARGET_ACCURACY, TARGET_MACRO_F1 = 0.90, 0.89   # 18 of the 20 outlet–target pairs


def test_english_pivot_reads_translations_of_non_english_documents():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["O", "O", "O"], "language": ["fr", "fr", "en"],
                           "text": ["Les talibans sont cruels.", "Texte.", "English text."],
                           "translation": ["The Taliban are cruel.", "", ""], "translation_by": ["T. Translator", "", ""]})
    pivot = fl.english_pivot(corpus)
    assert pivot["language"].tolist() == ["en", "fr", "en"]
    assert pivot["text"].tolist() == ["The Taliban are cruel.", "Texte.", "English text."]
    assert pivot["text_source"].tolist() == ["translation (by T. Translator)", "original", "original"]
    assert corpus["text"].iloc[0] == "Les talibans sont cruels."        # input not changed
    sentences = fl.split_corpus_sentences(pivot)
    units = fl.target_sentences(sentences, fl.find_mentions(sentences, TARGETS), NEUTRAL)
    assert units["sentiment_method"].tolist() == ["vader"] and units["sentiment"].iloc[0] < 0


def test_evaluative_name_that_is_a_loaded_term_counts_once():
    sentences = _sentences("Help from the occupation entity.", "en")
    mentions = fl.find_mentions(sentences, TARGETS)
    terms = pd.DataFrame({"doc_id": ["d1"], "outlet": ["Outlet"], "language": ["en"], "target": ["israel"],
                          "direction": ["against"], "start": [14], "end": [31], "sentence_id": [0]})
    units = fl.target_sentences(sentences, mentions, NEUTRAL, loaded_terms=terms)
    assert units[["naming", "terms"]].values.tolist() == [[0, -1]]
    assert fl.target_sentences(sentences, mentions, NEUTRAL)[["naming", "terms"]].values.tolist() == [[-1, 0]]


def test_seed_disputes_are_resolved(seed_stance):
    """The labels a careful reader disputed (issue 12): al-sarira is not against Israel (the
    outrage is others'), Al Mayadeen is against the US ("hasty exit", "occupation period"), and the
    distanced "claims to be the legitimate representative" is not praise of the NRF."""
    _, _, targets = seed_stance
    label = targets.set_index(["outlet", "target"])["label"]
    assert label[("unknown (al-sarira.com)", "israel")] == "neutral"
    assert label[("Al Mayadeen English", "united_states")] == "against"
    assert label[("Al Mayadeen English", "israel")] == "against"
    assert "+1.00] The NRF claims" not in targets.set_index(["outlet", "target"]).loc[
        ("unknown (al-sarira.com)", "massoud_nrf"), "evidence"]
