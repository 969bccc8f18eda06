"""Quotations: marks, apostrophes, warnings, scare quotes, speakers, grouping, fidelity, seeds."""
from __future__ import annotations

import pandas as pd
import pytest

import analysis as fl


def corpus_of(text: str, language: str = "en", doc_id: str = "d1", outlet: str = "Outlet A",
              translation: str = "") -> pd.DataFrame:
    return pd.DataFrame([dict(doc_id=doc_id, outlet=outlet, language=language, text=text,
                              translation=translation, translation_by="test" if translation else "",
                              n_words=fl.count_words(text, language))])


def quotes_of(text: str, language: str = "en") -> pd.DataFrame:
    """The quotations in marks (direct and scare); reported speech is tested on its own."""
    quotes = fl.extract_quotes(corpus_of(text, language))
    return quotes[quotes["kind"].isin(["direct", "scare"])].reset_index(drop=True)


# --- marks and apostrophes ---------------------------------------------------------------

@pytest.mark.parametrize("text, language, expected", [
    ('He said "we will win this war very soon" today.', "en", ["we will win this war very soon"]),
    ("He said “we will win this war very soon” today.", "en", ["we will win this war very soon"]),
    ("Il a dit « nous gagnerons cette guerre bientôt » hier.", "fr",
     ["nous gagnerons cette guerre bientôt"]),
    ("Il a dit «nous gagnerons cette guerre bientôt» hier.", "fr",
     ["nous gagnerons cette guerre bientôt"]),
    ("Il a dit «\u00a0nous gagnerons cette guerre bientôt\u202f» hier.", "fr",
     ["nous gagnerons cette guerre bientôt"]),
    ("Masoud a estimé qu' »il sera nécessaire de vivre ensemble en paix ».", "fr",
     ["il sera nécessaire de vivre ensemble en paix"]),
    ("‘We are ready for talks today,’ she said.", "en", ["We are ready for talks today"]),
    ("She said 'we are ready for talks today' and left.", "en", ["we are ready for talks today"]),
    ("It requested 'Israel’s' help.", "en", ["Israel’s"]),
    # marks typed wrong: a closing “, a quotation after a colon with no space, a reversed ”
    ("“If she loses Iowa, that could create problems,“ said Jim Clyburn.", "en",
     ["If she loses Iowa, that could create problems"]),
    ('Hillary Rodham Clinton:"We learned that from the State Department."', "en",
     ["We learned that from the State Department."]),
    ("He says,” there are a lot of people who never get listened to.”", "en",
     ["there are a lot of people who never get listened to."]),
    ("''Francis' walls are between the north and south,'' Mr. Vian said.", "en",
     ["Francis' walls are between the north and south"]),
])
def test_quotations_in_every_kind_of_mark(text, language, expected):
    quotes = quotes_of(text, language)
    assert list(quotes["quote_text"]) == expected
    for q in quotes.itertuples():
        assert text[q.start:q.end] == q.quote_text


@pytest.mark.parametrize("text, language", [
    ("Israel’s help won’t come, and the Afghans’ rights are ignored.", "en"),
    ("It's the 90's again, the ’90s are back and Massoud's plan is old.", "en"),
    ("Il a demandé l’aide d’Israël, c’est ce qu’a révélé le journal aujourd’hui.", "fr"),
    ("C'est l'aide qu'il a demandée et qu' il attend.", "fr"),
])
def test_apostrophes_are_never_quotation_marks(text, language):
    assert quotes_of(text, language).empty
    assert fl.quote_warnings(corpus_of(text, language)).empty


@pytest.mark.parametrize("text, line, column, later", [
    ('Mary Jones said "this never closes. Next sentence.\nShe added "a closed quotation here".',
     1, 17, "a closed quotation here"),
    ("Il a dit « cela ne ferme jamais.\nPuis il a dit « une citation fermée ici ».",
     1, 10, "une citation fermée ici"),
    ("The minister said ” a stray closing mark.\nHe said “the rest is still read here”.",
     1, 19, "the rest is still read here"),
])
def test_unbalanced_marks_warn_with_position_and_the_rest_is_read(text, line, column, later):
    corpus = corpus_of(text, "fr" if "Il a" in text else "en")
    warnings = fl.quote_warnings(corpus)
    assert len(warnings) == 1
    w = warnings.iloc[0]
    assert (w["doc_id"], w["line"], w["column"]) == ("d1", line, column)
    assert text[w["offset"]] == w["mark"] and w["mark"] in "\"«”"
    assert list(fl.extract_quotes(corpus)["quote_text"]) == [later]


def test_split_quotation_parts_are_linked_and_share_speaker():
    quotes = quotes_of('John Smith spoke. "We will fight on," he added, "until the war ends."')
    assert list(quotes["quote_text"]) == ["We will fight on", "until the war ends."]
    assert quotes["part_of"].iloc[1] == quotes["quote_id"].iloc[0]
    assert list(quotes["verb"]) == ["added", "added"]
    assert quotes["kind"].tolist() == ["direct", "direct"]


def test_split_quotation_in_french():
    quotes = quotes_of("« Nous resterons ici, a déclaré Jean Dupont, et nous ne partirons pas ».", "fr")
    assert len(quotes) == 1  # one pair of marks around the whole: the incise is inside
    quotes = quotes_of("« Nous resterons ici », a déclaré Jean Dupont, « et nous ne partirons pas ».",
                       "fr")
    assert quotes["part_of"].iloc[1] == quotes["quote_id"].iloc[0]
    assert set(quotes["speaker"]) == {"Jean Dupont"}


def test_nested_quotation_points_to_its_outer_quotation():
    quotes = quotes_of("John Smith said: \"He told me 'never again' and then he left the room.\"")
    outer, inner = quotes.iloc[0], quotes.iloc[1]
    assert outer["quote_text"] == "He told me 'never again' and then he left the room."
    assert (inner["quote_text"], inner["depth"], inner["nested_in"]) == ("never again", 1, outer["quote_id"])


def test_quotation_continued_in_the_next_paragraph():
    text = ("John Smith said: “The war must end now and everyone knows it.\n"
            "“We will rebuild the country together,” he said.")
    quotes = quotes_of(text)
    assert list(quotes["quote_text"]) == ["The war must end now and everyone knows it.",
                                    "We will rebuild the country together"]
    assert quotes["marks"].iloc[0] == "“¶"
    assert quotes["part_of"].iloc[1] == quotes["quote_id"].iloc[0]
    assert fl.quote_warnings(corpus_of(text)).empty


def test_paragraph_without_continuation_mark_is_a_warning_not_a_continuation():
    text = "He said “the war must end now.\nThe minister disagreed."
    assert fl.extract_quotes(corpus_of(text)).empty
    assert len(fl.quote_warnings(corpus_of(text))) == 1


# --- scare quotes ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Trump starred in “The Apprentice” for years before the campaign.",
    # in a headline written in title case too: read as a sentence, such a headline gives speakers
    # like "Axl Rose Death Hoax" (FNC-1 bodies)
    "Axl Rose Death Hoax Dismissed Since Singer Is ‘Alive And Well’",
    "Voters in Iowa Flock To See ‘The Apprentice’ Star In Person.",
])
def test_capitalised_quoted_words_nothing_introduces_are_a_title(text):
    rows = fl.extract_quotes(corpus_of(text))
    assert rows.loc[rows["kind"].isin(["direct", "scare"]), ["kind", "speaker"]].values.tolist() == [["scare", ""]]


@pytest.mark.parametrize("text, language", [
    ('Newspapers are reading Trump\'s new book, "Crippled America: How to Make America Great Again," for clues.', "en"),
    ("Sanders said on ABC's \"This Week With George Stephanopoulos\" that he would look.", "en"),
    ("Cuban, who is a host on the TV show \"Shark Tank,\" said nothing.", "en"),
    ("Mook released a memo titled \"The Facts on Where the Race Stands.\"", "en"),
    ("Il a publié un livre, « Le Rouge et le Noir », en 1830.", "fr"),
    # a programme, also after an owner written with a bare apostrophe (BASIL's "phony theology"
    # event: its 8 "scare quotes" were 7 programme titles)
    ("Mr. Paul said on the CNN program “State of the Union.”", "en"),
    ('Santorum said on CBS\' "Face the Nation." that he was misread.', "en"),
    ("Jean Dupont a déclaré sur l'émission « Le Grand Jury » qu'il resterait.", "fr"),
    # before a work noun too; the noun is no reporting verb ("the “Today” show": not "Today" showing)
    ("In an interview shown Thursday on the “Today” show, Mr. Trump told reporters he was running.", "en"),
    # a headline or a story (FNC-1: credited to nobody or to the outlet that ran it)
    ("NBC reported the incident with the headline, 'Target Iraq: Helicopter Comes Under Fire.'", "en"),
    ("The veterinarian tackled this head-on in his story, \"The Card Over the Bed.\"", "en"),
    # where someone spoke: after "on", a show's name
    ("Weekly Standard Editor Bill Kristol said on \"Fox News Sunday\" that Steele still needs to go.", "en"),
])
def test_the_title_of_a_work_is_nobodys_words(text, language):
    """Capitalised quoted words after a work noun or an owner are a title, even longer than a
    name and even after a reporting verb (PolNeAR train: 34 such rows had been direct quotations,
    "The Lead with Jake Tapper" credited to Trump)."""
    rows = fl.extract_quotes(corpus_of(text, language))
    assert rows.loc[rows["kind"].isin(["direct", "scare", "title"]), ["kind", "speaker"]].values.tolist() == [
        ["title", ""]]


@pytest.mark.parametrize("text", [
    'The polls show "a tight race in Iowa," he said.',   # not title case: reported words
    'He wrote in his book: "We Will Win This Fight And We Will Win It Soon," the senator said.',  # no work noun right before
])
def test_words_after_a_work_noun_that_are_no_title_stay_quotations(text):
    rows = fl.extract_quotes(corpus_of(text))
    assert rows.loc[rows["kind"].isin(["direct", "scare"]), "kind"].tolist() == ["direct"]


@pytest.mark.parametrize("text, language, kind", [
    ('The so-called "Israel" entity was named.', "en", "scare"),
    ("He shared his “concerns!” about the situation.", "en", "scare"),
    ('The Taliban oppose the "National Resistance Front" in the north.', "en", "scare"),
    ("Maariv cited Massoud as telling it that his party needs \"Israel's\" assistance.", "en", "scare"),
    ('Massoud said that "we need help from anyone".', "en", "direct"),
    ("“No,” he said.", "en", "direct"),
    ("must be considered “fundamental rights” for all, he noted.", "en", "direct"),
    ("Le « Hezbollah » a répondu hier soir.", "fr", "scare"),
    ("Le mouvement de « résistance » continue.", "fr", "scare"),
    ("Il a déclaré « nous partirons demain matin ».", "fr", "direct"),
])
def test_scare_quotes_are_told_apart_from_quotations(text, language, kind):
    quotes = quotes_of(text, language)
    assert quotes["kind"].tolist() == [kind]
    if kind == "scare":
        assert quotes["speaker"].iloc[0] == "" and quotes["verb"].iloc[0] == ""


def test_scare_quotes_are_counted_per_outlet():
    corpus = pd.concat([corpus_of('The "Israel" plan and the "Zionist" lobby.', doc_id="a", outlet="A"),
                        corpus_of('He said "we need help from anyone today".', doc_id="b", outlet="B")])
    quotes = fl.extract_quotes(corpus)
    table = fl.count_scare_quotes(quotes, corpus).set_index("outlet")
    assert table.loc["A", "scare_quotes"] == 2 and table.loc["B", "scare_quotes"] == 0
    assert table.loc["B", "direct_quotes"] == 1
    assert table.loc["A", "examples"] == "Israel; Zionist"


# --- speakers ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, language, speaker, verb", [
    ('Ahmad Massoud said that "the enemies are attempting to frame us".', "en", "Ahmad Massoud", "said"),
    ('A spokesperson of the group said "the allegations are baseless and unfounded".', "en",
     "A spokesperson of the group", "said"),
    ('"We will keep fighting for our people," Masoud maintained.', "en", "Masoud", "maintained"),
    ('John Smith said "it is late". "We all need to go home now," he added.', "en", "John Smith", "added"),
    ('"We all need to go home now," said Jane Doe.', "en", "Jane Doe", "said"),
    ('They said "we will never accept this deal".', "en", "unknown", "said"),
    ('It is worth noting that the group is "an alliance of entities and figures".', "en", "unknown", ""),
    ("Masoud a déclaré : « Les États-Unis ont détourné leur attention »", "fr", "Masoud", "a déclaré"),
    ("Masoud a également estimé qu’« il sera nécessaire de vivre en paix »", "fr", "Masoud", "a estimé"),
    ("« La guerre est finie pour nous tous », a affirmé Jean Dupont.", "fr", "Jean Dupont", "a affirmé"),
    # a pronoun continues the previous sentence's subject, unless its gender says otherwise
    ("Jean Dupont a parlé. Il a dit « nous nous sentons trahis et abandonnés ».", "fr",
     "Jean Dupont", "a dit"),
    ("Mme Dupont a parlé. Il a dit « nous nous sentons trahis et abandonnés ».", "fr",
     "unknown", "a dit"),
    ("Jean Dupont a dit « oui à tout ». Il a dit « nous nous sentons trahis et abandonnés ».", "fr",
     "Jean Dupont", "a dit"),
    # a capitalised stopword before another capitalised word may open a name
    ('Bill Clinton said "we will win this state in the fall".', "en", "Bill Clinton", "said"),
    ('Bill said "we will win this state in the fall".', "en", "Bill", "said"),
    # verbs that report speech in any news: a follow-up question, a reply, going on with a speech
    ('"But would you let some of them stay?" Hannity pressed.', "en", "Hannity", "pressed"),
    ('Clinton responds to Mills with, "I will be home in the evening then."', "en", "Clinton", "responds"),
    ('"You gotta get over it," Trump went on, as if he did not hear her.', "en", "Trump", "went on"),
    ("Jean Dupont répond à Marie Durand : « Je serai là ce soir. »", "fr", "Jean Dupont", "répond"),
    # not a verb of any listed kind: the quotation is not reported
    ('"The governor has gone too far," Hannity started.', "en", "unknown", ""),
])
def test_speaker_and_verb(text, language, speaker, verb):
    quote = quotes_of(text, language).iloc[-1]
    assert (quote["speaker"], quote["verb"]) == (speaker, verb)


def test_newspaper_quoting_a_speaker_is_the_source():
    text = ('Ahmad Massoud said "we need help from anyone". "We live in an interconnected world," '
            "Maariv claimed quoting him as saying.")
    quote = quotes_of(text).iloc[-1]
    assert (quote["speaker"], quote["speaker_mention"], quote["source"]) == (
        "Ahmad Massoud", "him", "Maariv")
    assert quote["verb"] == "claimed" and quote["verb_role"] == "distancing"


def test_reporting_verbs_are_per_language_data():
    assert {"en", "fr"} <= set(fl.available_languages())
    assert "a déclaré" in fl.language_resources("fr").verbs() and "said" in fl.language_resources("en").verbs()


def test_a_language_without_resources_gets_no_english_rules():
    corpus = pd.DataFrame({"doc_id": ["d"], "outlet": ["O"], "language": ["de"],
                           "text": ["“Wir werden kämpfen bis zum Ende”, said Massoud."]})
    quote = fl.extract_quotes(corpus).iloc[0]
    assert (quote["speaker"], quote["verb"], quote["resources"]) == ("unknown", "", "none")
    assert "no language resources" in fl.resources_note("de")


# --- grouping and fidelity ---------------------------------------------------------------

@pytest.mark.parametrize("a, b, same", [
    ("we all need to work together for the advancement of humanity",
     "we should all act together for the advancement of humanity", True),
    ("help from any party that wants to support us, including Israel",
     "help from any party that wants to support us", True),  # truncated
    ("we all need to work together for the advancement of humanity",
     "the rumors about this are completely baseless and biased", False),
    ("the conflicts will harm us all in the region", "we will never accept any deal with them", False),
])
def test_quote_similarity_joins_rewordings_and_truncations_only(a, b, same):
    score = fl.quote_similarity(fl.quote_tokens(a), fl.quote_tokens(b))
    assert (score >= 0.5) is same


def test_grouping_agrees_with_all_pairs_and_skips_short_sequences():
    texts = ["we all need to work together for the advancement of humanity",
             "we should all act together for the advancement of humanity",
             "for the advancement of humanity in the face of darkness",
             "the rumors about this are completely baseless and biased",
             "rumors about this are completely baseless",
             "Israel"]
    sequences = [fl.quote_tokens(t) for t in texts]
    labels, checks = fl.cluster_token_sequences(sequences)
    for i, j in fl.all_pairs_matches(sequences):
        assert labels[i] == labels[j]
    assert labels[0] == labels[1] == labels[2] and labels[3] == labels[4]
    assert labels[0] != labels[3] and labels[5] not in (labels[0], labels[3])
    assert checks < len(texts) * (len(texts) - 1) / 2


def test_quotations_of_different_people_are_one_utterance_only_when_nearly_identical():
    """BASIL's vice-presidential debate: Chaffetz's words (HuffPost) had joined Ryan's (Fox, NYT) at 0.50."""
    ryan = ("“I think the vice president very well knows that sometimes the words don’t come out of your mouth the right "
            "way,” Paul Ryan said.")
    chaffetz = "“I think the way the vice president handled himself was condescending,” said Jason Chaffetz."
    wrong = ("“I think the vice president very well knows that sometimes the words don’t come out of your mouth the right "
             "way,” Joe Biden said.")
    corpus = pd.concat([corpus_of(ryan, doc_id="a", outlet="A"), corpus_of(chaffetz, doc_id="b", outlet="B"),
                        corpus_of(wrong, doc_id="c", outlet="C")])
    grouped = fl.group_quotes(fl.extract_quotes(corpus)).set_index("outlet")
    assert fl.quote_similarity(*(fl.quote_tokens(grouped.at[o, "quote_text"]) for o in "AB")) >= 0.5
    assert list(grouped.loc[["A", "B", "C"], "speaker"]) == ["Paul Ryan", "Jason Chaffetz", "Joe Biden"]
    assert grouped.at["A", "group_id"] != grouped.at["B", "group_id"]   # different people, words in common
    assert grouped.at["A", "group_id"] == grouped.at["C", "group_id"]   # the same words: one outlet names the wrong speaker


def test_scare_quotes_take_no_part_in_groups():
    corpus = pd.concat([corpus_of('The "Israel" plan. He said "we need help from any party".',
                                  doc_id="a", outlet="A"),
                        corpus_of('The "Israel" plan. He said "we need help from any party".',
                                  doc_id="b", outlet="B")])
    grouped = fl.group_quotes(fl.extract_quotes(corpus))
    assert set(grouped.loc[grouped["kind"] == "scare", "group_id"]) == {""}
    assert grouped.loc[grouped["kind"] == "direct", "group_id"].nunique() == 1
    overlap = fl.quote_overlap(grouped)
    assert overlap.iloc[0][["shared_groups", "jaccard"]].tolist() == [1, 1.0]


def test_fidelity_names_dropped_added_and_truncated_words():
    corpus = pd.concat([
        corpus_of('He said "we need help from any party that wants to support us, including Israel".',
                  doc_id="a", outlet="A"),
        corpus_of('He said "we need help from any party that wants to support us".', doc_id="b",
                  outlet="B"),
        corpus_of('He said "we need urgent help from any party that wants to support us".',
                  doc_id="c", outlet="C")])
    grouped = fl.group_quotes(fl.extract_quotes(corpus))
    fidelity = fl.compare_quote_versions(grouped).set_index("outlet")
    assert fidelity.loc["A", "canonical"] and fidelity.loc["A", "identical"]
    assert fidelity.loc["B", "words_dropped"] == "including Israel" and fidelity.loc["B", "truncated"]
    assert fidelity.loc["C", "words_added"] == "urgent" and not fidelity.loc["C", "truncated"]
    html = fl.fidelity_html(fidelity.reset_index()).data
    assert "<del>including Israel</del>" in html and "<ins>urgent</ins>" in html


def test_fidelity_html_escapes_article_text():
    corpus = pd.concat([corpus_of('He said "we need <script>alert(1)</script> help from any party".',
                                  doc_id="a", outlet="<script>A</script>"),
                        corpus_of('He said "we need help from any party".', doc_id="b", outlet="B")])
    html = fl.fidelity_html(fl.compare_quote_versions(fl.group_quotes(fl.extract_quotes(corpus)))).data
    assert "<script>" not in html and "&lt;script&gt;A&lt;/script&gt;" in html


def test_similarity_threshold_parameter_is_checked():
    assert fl.check_parameters(similarity_threshold=0.6).similarity_threshold == 0.6
    with pytest.raises(ValueError, match="similarity_threshold must be a number from 0 to 1"):
        fl.check_parameters(similarity_threshold=1.5)


# --- the seeds ---------------------------------------------------------------------------

# Speaker and verb of every direct quotation in the seeds, from reading them (quote text prefix).
SEED_ATTRIBUTIONS = {
    "000": {"enemies of Afghanistan": ("Ahmad Massoud", "said"),
            "needs assistance": ("Ahmad Massoud", "stressed"),
            "I believe we all": ("Ahmad Massoud", "added"),
            "It is necessary": ("Ahmad Massoud", "claimed"),
            "shifted its focus": ("Ahmad Massoud", "said"),
            "feel betrayed": ("Ahmad Massoud", "expressed"),
            "entities and figures": ("unknown", "")},  # the text names no speaker
    # "Massoud told …" is completed to the full name the document gives ("Ahmad Massoud, the leader …, said")
    "001": {"help from any party": ("Ahmad Massoud", "told"),
            "we should all act": ("Ahmad Massoud", "said"),
            "the rumors about": ("NRF", "said"),
            "we won’t have": ("A Taliban spokesman", "said"),
            "Israel is not among": ("A Taliban spokesman", "said")},
    "002": {"qu’ils ont besoin": ("Masoud", "a dit"),
            # the text's own designation of Massoud; descriptions are not resolved to names
            # « le chef du Front de résistance nationale » points back to "Le chef des rebelles en
            # Afghanistan, Ahmed Masoud," of the first sentence
            "Je crois que": ("Ahmed Masoud", "a déclaré"),
            "un gouvernement démocratique": ("Masoud", "a prétendu"),
            "il sera nécessaire": ("Masoud", "a estimé"),
            "les conflits qui": ("Masoud", "a souligné"),
            "Les États-Unis": ("Masoud", "a déclaré"),
            "nous nous sentons": ("Masoud", "a déclaré")},
    "003": {"Any alignment": ("Ahmad Masoud", "said"),
            "Pakistan’s security": ("Ahmad Masoud", "maintained"),
            "fundamental rights": ("Ahmad Masoud", "noted"),
            "These countries": ("Ahmad Masoud", "stated")},
}


@pytest.fixture(scope="module")
def seed_quotes(seed_corpus):
    return fl.extract_quotes(seed_corpus)


@pytest.fixture(scope="module")
def seed_grouped(seed_corpus, seed_quotes):
    return fl.group_quotes(seed_quotes, fl.extract_translated_quotes(seed_corpus))


def test_seed_direct_quotes_have_their_speaker_and_verb(seed_quotes):
    direct = seed_quotes[seed_quotes["kind"] == "direct"]
    expected = {(doc, prefix): sv for doc, quotes in SEED_ATTRIBUTIONS.items()
                for prefix, sv in quotes.items()}
    found = {}
    for q in direct.itertuples():
        key = next(k for k in expected if q.doc_id.startswith(k[0]) and q.quote_text.startswith(k[1]))
        found[key] = (q.speaker, q.verb)
    assert found == expected


def test_seed_scare_quotes(seed_quotes):
    scare = seed_quotes[seed_quotes["kind"] == "scare"]
    assert set(scare.loc[scare["doc_id"].str.startswith("000"), "quote_text"]) == {
        "Israel’s", "Israel's", "Israel", "Israel.", "National Resistance Front"}
    assert set(scare.loc[scare["doc_id"].str.startswith("004"), "quote_text"]) == {"concerns!"}
    # an appositive « … » after a noun phrase is the author's wording, not Le journal's words
    assert set(scare.loc[scare["doc_id"].str.startswith("002"), "quote_text"]) == {
        "chef du Front de résistance nationale"}


def test_seed_massoud_is_one_canonical_speaker(seed_grouped):
    massoud = seed_grouped[seed_grouped["speaker"].isin(["Ahmad Massoud", "Ahmad Masoud", "Ahmed Masoud", "Masoud",
                                                         "Massoud"])]
    assert massoud["outlet"].nunique() == 4
    assert set(massoud["speaker_id"]) == {"ahmad_massoud"}
    speakers = fl.count_speakers(seed_grouped)
    # KabulNow spells him both ways ("… are futile, warns Ahmad Massoud"; "Ahmad Masoud"); Al-Manar
    # names him "Ahmed Masoud", "Masoud" and « le chef du Front de résistance nationale »
    assert set(speakers.loc[speakers["speaker_id"] == "ahmad_massoud", "aliases"]) == {
        "Ahmad Massoud", "Ahmad Masoud; Ahmad Massoud", "Ahmed Masoud; Masoud"}
    manar = massoud[massoud["outlet"] == "Al-Manar (French)"]
    assert "le chef du Front de résistance nationale" in set(manar["speaker_mention"])


def test_seed_advancement_of_humanity_is_one_group_across_three_outlets(seed_grouped):
    humanity = seed_grouped[(seed_grouped["kind"] == "direct") & seed_grouped["match_text"].str.contains("of humanity")]
    assert humanity["group_id"].nunique() == 1
    assert set(humanity["outlet"]) == {"Al Mayadeen English", "unknown (al-sarira.com)",
                                       "Al-Manar (French)"}
    french = humanity[humanity["language"] == "fr"].iloc[0]
    assert french["via_translation"] and french["quote_text"].startswith("Je crois")


def test_seed_pivot_translation_is_marked_and_linked(seed_corpus):
    doc = seed_corpus[seed_corpus["doc_id"].str.startswith("002")].iloc[0]
    assert doc["translation_by"] == "framelab project (not the outlet's)"
    translated = fl.extract_translated_quotes(seed_corpus)
    originals = fl.extract_quotes(seed_corpus)
    marked = originals[originals["kind"].isin(["direct", "scare"])]
    assert len(translated) == (marked["doc_id"] == doc["doc_id"]).sum()
    assert translated["via_translation"].all() and set(translated["language"]) == {"en"}
    for q in translated.itertuples():
        assert doc["translation"][q.start:q.end] == q.quote_text
    assert set(translated["original_quote_id"]) <= set(originals["quote_id"])


def test_seed_quotation_marks_are_balanced(seed_corpus):
    assert fl.quote_warnings(seed_corpus).empty


def test_french_quotation_continued_in_the_next_paragraph():
    text = ("Jean Dupont a déclaré : « La guerre doit cesser maintenant.\n\n"
            "« Nous reconstruirons le pays ensemble », a-t-il conclu.")
    quotes = quotes_of(text, "fr")
    assert quotes["marks"].tolist() == ["«¶", "«»"]
    assert quotes["part_of"].iloc[1] == quotes["quote_id"].iloc[0]
    assert set(quotes["speaker"]) == {"Jean Dupont"}


def test_single_quote_left_open_inside_a_double_quotation_warns():
    text = "He said \"the 'so called deal is over for us all\" and left."
    corpus = corpus_of(text)
    assert fl.extract_quotes(corpus)["quote_text"].tolist() == ["the 'so called deal is over for us all"]
    warning = fl.quote_warnings(corpus).iloc[0]
    assert (warning["mark"], warning["column"]) == ("'", 14)


@pytest.mark.parametrize("text", ["No quotation here at all.", 'Only a "scare" quote.'])
def test_corpus_without_direct_quotations_goes_through_every_step(text):
    corpus = corpus_of(text)
    quotes = fl.extract_quotes(corpus)
    grouped = fl.group_quotes(quotes, fl.extract_translated_quotes(corpus, quotes))
    groups = fl.summarise_quote_groups(grouped)
    assert groups.empty and fl.quote_overlap(grouped).empty
    assert fl.compare_quote_versions(grouped).empty
    fig, data = fl.plot_quote_overlap(fl.quote_overlap(grouped), pd.Series(dtype="int64"))
    assert data.empty
    assert "No quotation is carried" in fl.fidelity_html(fl.compare_quote_versions(grouped)).data


def test_seed_a_group_named_with_a_determiner_is_the_discovered_entity(seed_corpus, seed_quotes):
    # « Les talibans ont, à leur tour, annoncé que … » is the Taliban of the other outlets; a
    # description of one person stays its own speaker
    entities, aliases = fl.discover_entities(seed_corpus)
    seed_grouped = fl.group_quotes(seed_quotes, fl.extract_translated_quotes(seed_corpus),
                                   entities=entities, aliases=aliases)
    manar = seed_grouped[(seed_grouped["outlet"] == "Al-Manar (French)") & (seed_grouped["speaker"] == "Les talibans")]
    assert set(manar["speaker_id"]) == {"taliban"} and set(manar["speaker_canonical"]) == {"Taliban"}
    assert set(seed_grouped.loc[seed_grouped["speaker"] == "A Taliban spokesman", "speaker_id"]) == {"a_taliban_spokesman"}


@pytest.mark.parametrize("text, language", [
    ("Mr. Paul said on the CNN program “State of the Union” that he would stay in the race.", "en"),
    ("Jean Dupont a déclaré dans son livre « Le Rouge et le Noir » que la guerre était finie.", "fr"),
])
def test_reported_words_holding_only_a_title_are_indirect(text, language):
    rows = fl.extract_quotes(corpus_of(text, language))
    reported = rows[rows["kind"].isin(["indirect", "mixed"]) & (rows["cue"] != "")]
    assert reported["kind"].tolist() == ["indirect"]


def test_a_group_lists_its_speakers_by_their_canonical_name():
    """BASIL's Arpaio-Perry event: the group HuffPost and Fox News share was listed as spoken by
    "Perry; Rick Perry", one person under two names."""
    corpus = pd.DataFrame([
        dict(doc_id="a", outlet="A", language="en", text="“Sheriff Arpaio knows the struggle border states face,” Rick Perry said."),
        dict(doc_id="b", outlet="B", language="en",
             text="Rick Perry came to town. “Sheriff Arpaio knows the struggle border states face,” Perry said."),
    ])
    quotes = fl.extract_quotes(corpus)
    assert set(quotes.loc[quotes["kind"] == "direct", "speaker"]) == {"Rick Perry", "Perry"}
    groups = fl.summarise_quote_groups(fl.group_quotes(quotes))
    assert groups.loc[groups["n_outlets"] == 2, "speakers"].tolist() == ["Rick Perry"]
