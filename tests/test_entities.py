"""Entity discovery: names, titles kept apart, aliases merged across documents and outlets."""
import pandas as pd
import pytest

import analysis as fl
from analysis.entities import discover_entities, find_named, find_names, split_title


@pytest.mark.parametrize("name, language, expected", [
    ("President Joe Biden", "en", ("President", "Joe Biden")),
    ("Former President Donald Trump", "en", ("Former President", "Donald Trump")),
    ("Sen. Ted Cruz", "en", ("Sen.", "Ted Cruz")),
    ("Dr. Anthony Fauci", "en", ("Dr.", "Anthony Fauci")),
    ("CEO Dan Cathy", "en", ("CEO", "Dan Cathy")),
    ("Rear Admiral John Kirby", "en", ("Rear Admiral", "John Kirby")),
    ("Ahmad Massoud", "en", ("", "Ahmad Massoud")),
    ("Presidential Palace", "en", ("", "Presidential Palace")),   # a title inside a word is not one
    ("President", "en", ("President", "")),
    ("Arizona Sheriff Joe Arpaio", "en", ("Arizona Sheriff", "Joe Arpaio")),
    ("Supreme Court Justice Anthony Kennedy", "en", ("Supreme Court Justice", "Anthony Kennedy")),
    ("le président Emmanuel Macron", "fr", ("le président", "Emmanuel Macron")),
    ("Ahmad Massoud", "xx", ("", "Ahmad Massoud")),                # no resources: no titles
])
def test_split_title(name, language, expected):
    assert split_title(name, language) == expected


def corpus(*rows):
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "language", "text"])


def test_names_leave_out_titles_stopwords_months_and_sentence_starts():
    docs = corpus(("d1", "A", "en", "On Monday, Sen. Ted Cruz met them. Police said nothing. The police left. "
                                    "Turning Point USA hosted Former President Donald Trump's rally."))
    names = find_names(docs)
    # "Police" opening a sentence is not a name; it is, like "the police", the group (a collective)
    assert names["name"].tolist() == ["Ted Cruz", "Police", "police", "Turning Point USA", "Donald Trump"]
    assert names["title"].tolist() == ["Sen.", "", "", "", "Former President"]
    row = names.iloc[4]
    assert docs.text[0][row.start:row.end] == "Donald Trump's"


def test_aliases_merge_surname_spelling_acronym_and_possessive_across_outlets():
    docs = corpus(
        ("d1", "A", "en", "Ahmad Massoud leads the National Resistance Front. Massoud's group is small."),
        ("d2", "B", "en", "The NRF denied it. Ahmad Masoud said so in Kabul."),
        ("d3", "C", "en", "Leaders in Kabul met Massoud."),
    )
    entities, aliases = discover_entities(docs)
    top = entities.set_index("entity_id")
    assert top.loc["ahmad_massoud", "outlets"] == 3
    assert set(top.loc["ahmad_massoud", "aliases"].split("; ")) == {"Ahmad Massoud", "Ahmad Masoud", "Massoud"}
    assert top.loc["national_resistance_front", "aliases"] == "NRF; National Resistance Front"
    assert entities.iloc[0]["entity_id"] == "ahmad_massoud"  # 3 outlets before Kabul's 2
    where = aliases[(aliases["entity_id"] == "ahmad_massoud") & (aliases["alias"] == "Massoud")]
    assert where["doc_ids"].item() == "d1; d3"


def test_surname_goes_to_the_full_name_of_its_own_document():
    docs = corpus(("d1", "A", "en", "Donald Trump spoke. Trump left."),
                  ("d2", "A", "en", "Ivanka Trump spoke. Then Trump left."),
                  ("d3", "B", "en", "Donald Trump came back."))
    names = fl.canonical_names(find_names(docs))
    by_doc = names[names["name"] == "Trump"].set_index("doc_id")["canonical"]
    assert by_doc.to_dict() == {"d1": "Donald Trump", "d2": "Ivanka Trump"}


def test_a_surname_with_an_apostrophe_stands_for_the_full_name():
    """"O'Neill" alone was a second person beside "Terry O'Neill" (BASIL's Newsweek-cover event)."""
    docs = corpus(("d1", "Fox", "en", "Terry O'Neill spoke. Then O'Neill said it was sexist."),
                  ("d2", "NYT", "en", "It is sexist, said Terry O’Neill. Ms. O’Neill continued."),
                  ("d3", "AP", "en", "Then Mark O'Brien spoke, and Jean O'Neill-Smith too."))
    names = fl.canonical_names(find_names(docs))
    by_name = dict(zip(names["name"], names["canonical"]))
    assert {by_name[n] for n in ("Terry O'Neill", "O'Neill", "Terry O’Neill", "O’Neill")} == {"Terry O'Neill"}
    assert by_name["Mark O'Brien"] == "Mark O'Brien"      # another person, not merged


def test_a_surname_of_another_entity_does_not_name_a_cluster():
    """"Greater Syria" (one mention, inside "Islamic State of Iraq and Greater Syria (ISIS)")
    named the Islamic State on 1,000 FNC-1 bodies, counted with the 159 documents of "Syria"."""
    docs = corpus(("d1", "A", "en", "Fighters of the Islamic State of Iraq and Greater Syria (ISIS) came. "
                                    "Then ISIS left Syria."),
                  ("d6", "C", "en", "The Islamic State (ISIS) spoke."),
                  *[(f"s{i}", "C", "en", f"Then Syria was at war {i}.") for i in range(4)],
                  *[(f"d{i}", "B", "en", f"The Islamic State is in Syria, and Syria is at war {i}.")
                    for i in range(2, 6)])
    names = fl.canonical_names(find_names(docs))
    assert set(names.loc[names["name"].isin(["ISIS", "Islamic State"]), "canonical"]) == {"Islamic State"}
    assert set(names.loc[names["name"] == "Syria", "canonical"]) == {"Syria"}


def test_a_stopword_that_is_a_first_name_opens_a_name():
    """"Bill Clinton" was found as "Clinton" and "Will Smith" not at all: the Glasgow stopword
    list holds "bill" and "will"."""
    docs = corpus(("d1", "A", "en", "Yesterday Bill Clinton spoke in Ohio. Then Will Smith came, and he will go."))
    names = set(find_names(docs)["name"])
    assert {"Bill Clinton", "Will Smith"} <= names and "Clinton" not in names


def test_different_people_are_not_merged():
    names = pd.DataFrame({"name": ["Ahmad Shah Massoud", "Ahmad Massoud", "Joe Biden", "Hunter Biden"],
                          "language": "en"})
    out = fl.canonical_names(names)
    assert out["entity_id"].nunique() == 4


def test_canonical_names_is_order_independent():
    names = pd.DataFrame({"name": ["Masoud", "Ahmad Massoud", "Ahmad Masoud", "Ahmad Massoud", "NRF",
                                   "National Resistance Front"], "language": "en",
                          "doc_id": ["a", "a", "b", "c", "c", "c"]})
    one = fl.canonical_names(names)
    two = fl.canonical_names(names.iloc[::-1]).loc[one.index]
    assert one.equals(two)
    assert set(one["canonical"]) == {"Ahmad Massoud", "National Resistance Front"}


def test_language_without_letter_case_or_resources_finds_no_names_and_does_not_fail():
    docs = corpus(("d1", "A", "ar", "قال أحمد مسعود إن الجبهة لم تطلب المساعدة."))
    entities, aliases = discover_entities(docs)
    assert entities.empty and aliases.empty
    assert list(entities.columns) == fl.schemas.table_columns("entities")


@pytest.mark.parametrize("name, expected", [
    ("Walmart", "wal_mart"), ("Obama administration", "barack_obama"), ("Trump", "donald_trump"),
    ("plaintiffs", ""),
])
def test_find_named(name, expected):
    docs = corpus(("d1", "A", "en", "Barack Obama met Donald Trump. Wal-Mart was sued."),
                  ("d2", "B", "en", "Obama and Trump spoke about Wal-Mart."))
    entities, aliases = discover_entities(docs)
    assert find_named(name, entities, aliases) == expected


@pytest.mark.parametrize("name, expected", [
    ("Americans", ("United States", False)), ("America", ("United States", False)),
    ("U.S.", ("United States", False)), ("GOP", ("Republican Party", False)),
    ("House Republicans", ("Republican Party", False)), ("Senate Democrats", ("Democratic Party", False)),
    ("Missourians", ("Missouri", False)), ("Calif", ("California", False)),
    ("Missouri Republican", ("", True)), ("New York Democrat", ("", True)),   # a person described
    ("Turning Point USA", ("", False)), ("Bank of America", ("", False)),    # names that end in a place
    ("Secure America Now", ("", False)), ("Republican National Committee", ("", False)),
    ("Mass", ("", False)),                                                 # not Massachusetts
])
def test_name_group(name, expected):
    assert fl.entities.name_group(name, "en") == expected


def test_name_groups_refuse_a_word_under_two_entities(tmp_path):
    folder = tmp_path / "xx"
    folder.mkdir()
    (folder / "language.yaml").write_text("titles: [Dr.]\n", encoding="utf-8")
    (folder / "name_groups.yaml").write_text("members:\n  A: [Alpha]\n  B: [alpha]\n", encoding="utf-8")
    with pytest.raises(fl.languages.LanguageResourceError, match=r"name_groups.yaml, members.B: 'alpha' is also"):
        fl.languages.read_language(folder)


def test_names_leave_out_datelines_descriptions_and_keep_bills_and_departments():
    docs = corpus(("d1", "A", "en", "KANSAS CITY, Mo. — The Missouri Republican met the Justice Department "
                                    "about SB 1062 on Friday.\nThe Missouri Republican left."))
    assert find_names(docs)["name"].tolist() == ["Justice Department", "SB 1062"]


def test_aliases_merge_inverted_names_first_names_and_group_words():
    docs = corpus(("d1", "A", "en", "The Department of Justice wrote to Malia Obama. Obama said Malia "
                                    "was fine. Americans and Republicans read the Washington Post."),
                  ("d2", "B", "en", "The Justice Department and the GOP met in the United States. "
                                    "Washington is far from Washington Post readers."))
    names = fl.canonical_names(find_names(docs)).set_index("name")["canonical"]
    assert names["Department of Justice"] == names["Justice Department"]
    assert names["Malia"] == "Malia Obama"
    assert names["Americans"] == "United States" and names["Republicans"] == names["GOP"] == "Republican Party"
    assert names["Washington"] == "Washington"   # "Post" never stands alone: not a person's surname


def test_salience_ranks_a_name_of_the_headline_and_lead_first():
    docs = pd.DataFrame({"doc_id": ["d1", "d2"], "outlet": ["A", "B"], "language": "en",
                         "title": ["Dan Cathy speaks", "Dan Cathy speaks again"],
                         "text": ["One. Two. Three. Four. Mike Huckabee came.",
                                  "One. Two. Three. Four. Mike Huckabee came."]})
    entities, _ = discover_entities(docs)
    assert entities["canonical"].tolist() == ["Dan Cathy", "Mike Huckabee"]
    assert entities["lead_documents"].tolist() == [2, 0] and entities["headline_documents"].tolist() == [2, 0]
    # per document: presence 0.5 + lead 1 + headline 1 + log2(1 + 1 mention), against 0.5 + log2(2)
    assert entities["salience"].tolist() == [7.0, 3.0]


def test_one_headline_outranks_a_passing_mention_in_two_documents():
    # the Chick-fil-A event of BASIL: protesters in one outlet's headline, cities named once in passing
    docs = pd.DataFrame({"doc_id": ["d1", "d2"], "outlet": ["A", "B"], "language": "en",
                         "title": ["Protesters answer Dan Cathy", "Dan Cathy speaks"],
                         "text": ["Dan Cathy spoke. Two. Three. The mayor of Boston objected.",
                                  "Dan Cathy spoke. Two. Three. The mayor of Boston objected."]})
    entities, _ = discover_entities(docs)
    assert entities["canonical"].tolist() == ["Dan Cathy", "protesters", "Boston"]
    assert entities["salience"].tolist()[1:] == [3.5, 3.0]


@pytest.mark.parametrize("language, text, expected", [
    ("en", "Protesters met in Atlanta. Dan Cathy spoke at Georgetown about Atlanta, in the Capitol and to the House.",
     {"Protesters": [False], "Atlanta": [True, False], "Dan Cathy": [False], "Georgetown": [True],
      "Capitol": [True], "House": [False]}),
    ("fr", "Ahmad Massoud vit à Douchanbé. Les talibans sont en Afghanistan, dans le Panjshir et à Kaboul.",
     {"Ahmad Massoud": [False], "Douchanbé": [True], "talibans": [False], "Afghanistan": [True], "Panjshir": [True],
      "Kaboul": [True]}),
])
def test_names_after_a_place_preposition_are_settings(language, text, expected):
    names = find_names(corpus(("d1", "A", language, text)))
    assert names.groupby("name", sort=False)["setting"].apply(list).to_dict() == expected


def test_a_setting_counts_half_and_a_headline_the_text_repeats_counts_once():
    docs = pd.DataFrame({"doc_id": ["d1", "d2"], "outlet": ["A", "B"], "language": "en",
                         "title": ["Rally held", "Rally held"],
                         "text": ["Rally held\nOne. Two. Three. Four. Dan Cathy spoke in Chicago.",
                                  "One. Two. Three. Four. Dan Cathy spoke in Chicago."]})
    entities, _ = discover_entities(docs)
    # Dan Cathy: 2 x (0.5 + log2(2)); Chicago, only a setting: 2 x (0.5 x 0.5 + log2(1.5))
    assert entities.set_index("canonical")["salience"].to_dict() == {"Dan Cathy": 3.0, "Chicago": 1.67}
    titled = fl.entities._with_titles(docs)
    assert titled["text"].tolist()[0] == docs["text"][0] and titled["headline_end"].tolist() == [10, 10]


def test_french_names_of_a_group_join_the_entity_of_its_english_names():
    docs = corpus(("d1", "A", "fr", "Les États-Unis ont parlé. Les Américains et le retrait américain. Les talibans "
                                    "ont répondu aux manifestants."),
                  ("d2", "B", "en", "The United States and the Taliban spoke."))
    names = fl.canonical_names(find_names(docs))
    by_name = names.groupby("name")["canonical"].first().to_dict()
    assert by_name == {"États-Unis": "United States", "Américains": "United States", "talibans": "Taliban",
                       "manifestants": "protesters", "United States": "United States", "Taliban": "Taliban"}
    assert "américain" not in by_name   # an adjective, in lower case: not a name


def test_seed_story_targets_are_its_actors(seed_documents):
    """The seed story discovered without configuration: its protagonist, the Taliban, Israel (whose
    help he reportedly asked for) and the United States are among the first ``top_targets`` (10)."""
    entities, aliases = discover_entities(seed_documents)
    top = entities.head(10)
    for name in ("Ahmad Massoud", "Taliban", "Israel", "United States"):
        assert find_named(name, top, aliases), f"{name} not among {top['canonical'].tolist()}"
    assert top["canonical"].iloc[0] == "Ahmad Massoud"


@pytest.mark.parametrize("annotated, expected", [
    ("Mary Cheney", "mary_cheney"), ("Liz Cheney", ""),          # a surname is not someone else's name
    ("Cheney", "mary_cheney"), ("Mary Cheney's family", "mary_cheney"),
    ("Senate Democrats", "democratic_party"), ("Republican lawmakers", ""),
    ("Sasha and Malia Obama", ""),                                   # both must be found
    ("Barack and Michelle Obama", "barack_obama; michelle_obama"),
])
def test_find_named_is_strict(annotated, expected):
    docs = corpus(("d1", "A", "en", "Mary Cheney met Barack Obama and Michelle Obama. Democrats came."),
                  ("d2", "B", "en", "Cheney, Obama and the Senate Democrats spoke. Malia Obama left."))
    entities, aliases = discover_entities(docs)
    assert find_named(annotated, entities.head(5), aliases) == expected


def test_groups_named_by_a_common_noun_are_entities_with_their_forms():
    docs = corpus(("d1", "A", "en", "Protesters marched. The police said protestors threw stones at police officers."),
                  ("d2", "B", "en", "Demonstrators met the police. They watched people and officials."))
    entities, aliases = discover_entities(docs)
    top = entities.set_index("canonical")
    assert top.loc["police", "mentions"] == 3 and top.loc["protesters", "outlets"] == 2
    assert set(top.loc["protesters", "aliases"].split("; ")) == {"Protesters", "protestors", "Demonstrators"}
    assert "people" not in top.index and "officials" not in top.index   # generic heads are not listed


def test_a_party_word_before_a_name_and_an_adjective_after_it_are_not_the_name():
    docs = corpus(("d1", "A", "en", "Republican Mitt Romney spoke. Democrat Joe Sestak spoke. The Tea Party-backed "
                                    "candidate won. They flew on American Airlines and sued the American Civil Liberties Union."),
                  ("d2", "B", "en", "Mitt Romney and Joe Sestak met tea party activists. They wrote to the Civil Liberties Union."))
    entities, aliases = discover_entities(docs)
    owner = aliases.set_index("alias")["entity_id"].to_dict()
    assert owner["Republican Mitt Romney"] == owner["Mitt Romney"] == "mitt_romney"
    assert owner["Democrat Joe Sestak"] == "joe_sestak" and owner["Tea Party"] == owner["tea party"]
    assert "Tea Party-backed" not in owner
    # a full name that opens with an adjective of nation keeps it
    assert owner["American Airlines"] == "american_airlines"
    assert entities.set_index("entity_id").loc["american_civil_liberties_union", "canonical"] \
        == "American Civil Liberties Union"


def test_dotted_initials_keep_a_letter_that_is_also_a_word():
    docs = corpus(("d1", "A", "en", "The I.R.S. said it. I said no. The Internal Revenue Service agreed."),
                  ("d2", "B", "en", "I.R.S. officials met. The A.P. reported."))
    entities, aliases = discover_entities(docs)
    owner = aliases.set_index("alias")["entity_id"].to_dict()
    assert owner["I.R.S."] == owner["Internal Revenue Service"] and "A.P." in owner
    assert not {"R.S.", "I", "P."} & set(owner)


def test_a_short_form_of_a_given_name_is_the_same_person():
    docs = corpus(("d1", "A", "en", "Liz Cheney spoke. Mary Cheney wrote. Dave Brat won the race."),
                  ("d2", "B", "en", "Elizabeth Cheney and David Brat met Mary Cheney. Steve Jobs met Stephen Jobs."))
    entities, aliases = discover_entities(docs)
    owner = aliases.set_index("alias")["entity_id"].to_dict()
    assert owner["Liz Cheney"] == owner["Elizabeth Cheney"] != owner["Mary Cheney"]
    assert owner["Dave Brat"] == owner["David Brat"]
    assert owner["Steve Jobs"] != owner["Stephen Jobs"]   # Steve: Stephen or Steven, not listed


def test_companies_are_a_group_but_the_company_is_the_one_named():
    """Business news: "Internet companies" handing over data are actors (BASIL's NSA event names
    them a main entity); "the company" is the one the story names, so the singular is no group."""
    docs = corpus(("d1", "A", "en", "Internet companies denied it. The company said firms comply."),
                  ("d2", "B", "fr", "Les entreprises ont nié. Les investisseurs attendent."))
    entities, aliases = discover_entities(docs)
    by_alias = aliases.groupby("alias")["entity_id"].first().to_dict()
    assert by_alias["companies"] == by_alias["firms"] == by_alias["entreprises"] == "companies"
    assert by_alias["investisseurs"] == "investors" and "company" not in by_alias


@pytest.mark.parametrize("text, expected", [
    ("Then the Republican-controlled House voted.", ["House"]),
    ("They found British-born Jihadi John there.", ["Jihadi John"]),
    ("Then Coca-Cola Company shares fell.", ["Coca-Cola Company"]),      # both parts capitalised: a name
])
def test_an_adjective_compound_is_not_part_of_the_name(text, expected):
    assert find_names(corpus(("d1", "A", "en", text)))["name"].tolist() == expected


def test_a_line_in_capitals_names_only_what_the_corpus_never_writes_in_lower_case():
    text = ("The police watch the video on a mobile device. Then the Watch was out.\n"
            "ON A MOBILE DEVICE? CLICK HERE TO WATCH THE VIDEO OF HBO AND THE FBI.")
    names = find_names(corpus(("d1", "A", "en", text)))
    # before: 'On A Mobile Device' and 'WATCH' (one entity with the Watch), and no HBO nor FBI
    assert names["name"].tolist() == ["police", "Watch", "HBO", "FBI"]


def test_a_headline_line_names_an_acronym_only_in_capitals():
    text = ("Officials said IS fighters left.\n\nAxl Rose Death Hoax Dismissed Since Singer Is Alive And Well\n\n"
            "The IS Fighters Are Back In Town")
    # before: the verb "Is" of the headline line was a name, merged into IS
    assert find_names(corpus(("d1", "A", "en", text)))["name"].tolist() == ["IS", "IS"]


@pytest.mark.parametrize("language, text, expected", [
    ("en", "The network told Fox News Tuesday that it would.", ["Fox News"]),
    ("en", "It was reported by CNN Friday and USA Today.", ["CNN", "USA Today"]),
    ("en", "Then Prime Minister Theresa May spoke.", ["Theresa May"]),      # a month may end a name
])
def test_a_name_does_not_end_in_a_weekday(language, text, expected):
    assert find_names(corpus(("d1", "A", language, text)))["name"].tolist() == expected


@pytest.mark.parametrize("language, text, expected", [
    ("en", "Fighters of Ansar al-Sharia and al-Qaeda attacked. The fighters left.", ["Ansar al-Sharia", "al-Qaeda"]),
    ("en", "Then Abu Bakr al-Baghdadi spoke to the leader of al-Nusra Front.", ["Abu Bakr al-Baghdadi", "al-Nusra Front"]),
    ("fr", "Le président Abdel Fattah al-Sissi a reçu le chef d'al-Qaïda.", ["Abdel Fattah al-Sissi", "al-Qaïda"]),
    ("en", "They re-Elected the e-Mail sender.", []),               # a hyphen after no name particle
])
def test_a_hyphenated_name_particle_keeps_the_name_whole(language, text, expected):
    # before: "Ansar", "Abu Bakr" and "Abdel Fattah" alone, and al-Qaeda not found at all
    assert find_names(corpus(("d1", "A", language, text)))["name"].tolist() == expected


def test_the_arabic_article_written_or_left_out_is_one_name():
    docs = corpus(("d1", "A", "en", "The attack by al-Qaeda was claimed, and al-Qaeda denied it. Officials said Al Qaeda was behind it."),
                  ("d2", "B", "en", "Then Al-Qaeda met. Then Abu Bakr al-Baghdadi spoke, and al-Baghdadi left."))
    entities, _ = discover_entities(docs)
    aliases = dict(zip(entities["canonical"], entities["aliases"]))
    assert aliases == {"al-Qaeda": "Al-Qaeda; Qaeda; al-Qaeda", "Abu Bakr al-Baghdadi": "Abu Bakr al-Baghdadi; al-Baghdadi"}


def _canonical(*texts, titles=None):
    docs = corpus(*[(f"d{i}", f"O{i}", lang, text) for i, (lang, text) in enumerate(texts)])
    if titles is not None:
        docs = docs.assign(title=titles)
    names = fl.canonical_names(find_names(fl.entities._with_titles(docs)))
    return names.groupby("name")["canonical"].agg(lambda c: sorted(set(c))).to_dict()


def test_a_word_after_a_determiner_is_an_institution_not_a_surname():
    by_name = _canonical(
        ("en", "The White House said the bill would pass the House. The House of Representatives "
               "voted on Tuesday, and the House adjourned."),
        ("en", "The Arizona Legislature passed the bill. Opponents asked the Legislature to wait."))
    assert by_name["House"] == by_name["House of Representatives"] == ["House of Representatives"]
    assert by_name["White House"] == ["White House"]          # "House" is not its surname
    assert by_name["Legislature"] == ["Arizona Legislature"]   # the one institution of a listed place


def test_an_institution_named_with_and_without_its_country_is_one():
    by_name = _canonical(("en", "The U.S. Supreme Court struck down the law in June. The Supreme Court ruled 5-4."))
    assert by_name["Supreme Court"] == by_name["U.S. Supreme Court"]
    assert _canonical(("en", "The U.S. Supreme Court ruled. The Texas Supreme Court disagreed. The Supreme Court met."))["Supreme Court"] \
        == ["Supreme Court"]   # two courts of that name: the short one stays alone


def test_a_head_word_shared_by_two_institutions_stays_alone():
    by_name = _canonical(("en", "The Arizona Legislature and the Kansas Legislature met. The Legislature left."))
    assert by_name["Legislature"] == ["Legislature"]


def test_middle_names_merge_unless_one_document_writes_both():
    by_name = _canonical(("en", "Secretary of State Hillary Rodham Clinton testified. Mrs. Clinton left."),
                         ("en", "Hillary Clinton challenged the Republicans."))
    assert by_name["Hillary Rodham Clinton"] == by_name["Hillary Clinton"] == ["Hillary Clinton"]
    # the seed story's case: a son and his father, named in one article
    by_name = _canonical(("en", "Ahmad Massoud is the son of Ahmad Shah Massoud, who was killed in 2001."),
                         ("en", "Ahmad Massoud asked Israel for help."))
    assert by_name["Ahmad Massoud"] != by_name["Ahmad Shah Massoud"]


def test_two_middle_names_for_one_name_are_not_merged():
    by_name = _canonical(("en", "George Herbert Bush spoke."), ("en", "George Walker Bush spoke."),
                         ("en", "George Bush spoke."))
    assert len({c for n in ("George Herbert Bush", "George Walker Bush", "George Bush") for c in by_name[n]}) == 3


def test_a_titled_surname_goes_to_the_full_name_with_that_title():
    by_name = _canonical(
        ("en", "Elizabeth Lauten criticised Malia and Sasha Obama during President Barack Obama's address."),
        ("en", "She berated President Obama's daughters, Sasha and Malia Obama. Mr. Obama asked his daughters."))
    assert by_name["Obama"] == ["Barack Obama"]
    assert by_name["Sasha Obama"] == ["Sasha Obama"]


@pytest.mark.parametrize("language, text, acronym, full", [
    ("en", "Fighters of the Islamic State (ISIS) took the town. ISIS fighters fled.", "ISIS", "Islamic State"),
    ("en", "The Senate Bill 1062 drew protests. Brewer vetoed SB 1062 on Wednesday.", "SB 1062", "Senate Bill 1062"),
    ("fr", "Les Jeux Olympiques (JO) de Paris commencent. Les JO coûtent cher.", "JO", "Jeux Olympiques"),
    # the acronym may keep a particle's letter: Defense Of Marriage Act
    ("en", "The Defense of Marriage Act was struck down. After DOMA, couples filed jointly.", "DOMA",
     "Defense of Marriage Act"),
])
def test_acronyms_the_text_defines_or_that_spell_a_name_with_its_number(language, text, acronym, full):
    by_name = _canonical((language, text))
    assert by_name[acronym] == by_name[full] == [full]


@pytest.mark.parametrize("text, apart", [
    ("The Islamic State took the town. ISIS fighters fled.", ("ISIS", "Islamic State")),   # never linked
    ("Senate Bill 1070 passed in 2010. SB 1062 passed in 2014.", ("SB 1062", "Senate Bill 1070")),
    # the name found before the parenthesis is the end of a longer one: the letters do not open it
    ("Fighters of the Islamic State of Iraq and Greater Syria (ISIS) came. Then ISIS left.", ("ISIS", "Greater Syria")),
])
def test_acronyms_not_linked_stay_apart(text, apart):
    by_name = _canonical(("en", text))
    assert by_name[apart[0]] != by_name[apart[1]]


def test_a_headline_style_line_gives_the_corpus_names_and_its_acronyms():
    names = find_names(fl.entities._with_titles(pd.DataFrame({
        "doc_id": ["d1"], "outlet": ["A"], "language": ["en"],
        "title": ["Clinton Benghazi Hearings Show GOP Report Could Not Determine Causes Of Attacks"],
        "text": ["Hillary Clinton spoke about the attack in Benghazi. Clinton said the report was fair."]})))
    headline = names[names["sentence_id"] == 0]["name"].tolist()
    assert headline == ["Clinton", "Benghazi", "GOP"]   # not "Clinton Benghazi Hearings Show", "Report"


def test_a_line_capitalising_every_word_but_small_ones_is_headline_style():
    docs = corpus(("d1", "A", "en", "Glenn Beck spoke at CPAC on Saturday.\nGlenn Beck Rips Progressivism at CPAC"))
    assert find_names(docs)["name"].tolist() == ["Glenn Beck", "CPAC", "Glenn Beck", "CPAC"]


@pytest.mark.parametrize("text, expected", [
    ('She wrote: "Rise to the occasion. Act like being in the White House matters."', ["White House"]),
    ('"Nah," Malia Obama said.', ["Malia Obama"]),
    ("Republicans challenged her. Democrats agreed.", ["Republicans", "Democrats"]),   # group words stay
    # a title written out in full ends a sentence with its period: "How" opens one
    ('The reporter asked, "Hi, Congressman. How are you?"', []),
    # a title written with a period does not end the sentence: "Rev." is kept apart from the name
    ("Those comments drew a sharp response from the Rev. William Owens of the coalition.", ["William Owens"]),
])
def test_one_word_opening_a_sentence_or_quotation_needs_the_corpus_to_capitalise_it(text, expected):
    assert find_names(corpus(("d1", "A", "en", text)))["name"].tolist() == expected


def test_a_known_name_is_found_where_an_outlet_writes_it_in_lower_case():
    docs = corpus(("d1", "A", "en", "It was a nod to the Tea Party movement."),
                  ("d2", "B", "en", "After years of demands, tea party activists have something to applaud. "
                                    "The party went on."))
    names = fl.canonical_names(find_names(docs))
    assert names[names["doc_id"] == "d2"]["name"].tolist() == ["tea party", "activists"]   # "party" alone is not
    assert names[names["name"] == "tea party"]["canonical"].item() == "Tea Party"


@pytest.mark.parametrize("text, expected", [
    ("Representative Kevin McCarthy of California spoke.", ["Kevin McCarthy"]),
    ("Prime Minister Benjamin Netanyahu of Israel spoke.", ["Benjamin Netanyahu"]),
    ("Bank of America and the Department of Justice spoke.", ["Bank of America", "Department of Justice"]),
    ("Senator John Kerry, Democrat of Massachusetts, spoke.", ["John Kerry"]),   # a description
    ("Its cover called her the Queen of Rage.", ["Queen of Rage"]),   # a phrase, not a title and a name
])
def test_a_place_after_a_titled_name_and_affiliations_are_not_the_name(text, expected):
    assert find_names(corpus(("d1", "A", "en", text)))["name"].tolist() == expected


@pytest.mark.parametrize("language, text, expected", [
    ("en", "The White House and Obama met.", [True, False]),
    ("fr", "L’Élysée et Emmanuel Macron ont parlé.", [True, False]),
])
def test_names_record_a_determiner_before_them(language, text, expected):
    assert find_names(corpus(("d1", "A", language, text)))["determiner"].tolist() == expected


def test_initials_name_organisations_not_people():
    by_name = _canonical(("en", "CEO Dan Cathy spoke. The mayor of Washington, DC, objected. Dan Cathy left."),
                         ("en", "The National Rifle Association met. The NRA said no."))
    assert by_name["DC"] == ["District of Columbia"]                # not Dan Cathy
    assert by_name["NRA"] == ["National Rifle Association"]


@pytest.mark.parametrize("language, text, expected", [
    ("en", "The Missouri Republican left.", ["Republican"]),                 # the party, not Missouri
    ("en", "Senator John Kerry, Democrat of Massachusetts, spoke.", ["John Kerry", "Democrat"]),
    ("en", "A New York Democrat and Republicans met.", ["Democrat", "Republicans"]),
    ("en", "The Republican National Committee met.", ["Republican National Committee"]),   # a name, whole
    ("en", "Bank of America spoke.", ["Bank of America"]),                     # not a description
    ("en", "Turning Point USA hosted Missourians.", ["Turning Point USA", "Missourians"]),
    ("fr", "Les Américains et Emmanuel Macron ont parlé.", ["Américains", "Emmanuel Macron"]),
])
def test_affiliations_give_the_member_word_of_a_description(language, text, expected):
    names = find_names(corpus(("d1", "A", language, text)), affiliations=True)
    assert names["name"].tolist() == expected
    for row in names.itertuples():
        assert text[row.start:row.end] == row.name


def test_a_described_persons_party_counts_toward_its_rank():
    docs = corpus(("d1", "A", "en", "Jane Roe, Democrat of Ohio, spoke. The Ohio Democrat left. Ohio voted."),
                  ("d2", "B", "en", "Ohio voted. Ohio Governor John Doe spoke. John Doe left."))
    entities, aliases = discover_entities(docs)
    party = entities.set_index("canonical").loc["Democratic Party"]
    assert party["mentions"] == 2 and party["documents"] == 1
    assert "Ohio Democrat" not in set(aliases["alias"])            # the description is no alias
    assert entities.set_index("canonical").loc["Ohio", "mentions"] == 2   # "Ohio voted" twice, not the description


@pytest.mark.parametrize("language, text, expected", [
    # a role in capitals, each word also written in lower case: no one's name
    ("en", "They met America's Toughest Sheriff. He is the toughest sheriff.", ["America"]),
    ("en", "The Federal Reserve Chairman spoke. The federal reserve chairman left.", []),
    # a word never written in lower case keeps the title word in the name
    ("en", "Stephen King wrote. The king spoke.", ["Stephen King"]),
    ("en", "The Toughest Sheriff came.", ["Toughest Sheriff"]),       # not written in lower case
    ("en", "Arizona Sheriff Joe Arpaio came. The sheriff left.", ["Joe Arpaio"]),
    ("fr", "Jean Roi est venu. Le roi est parti.", ["Jean Roi"]),     # "roi" alone is no listed title
])
def test_a_role_in_capitals_is_not_a_name(language, text, expected):
    assert find_names(corpus(("d1", "A", language, text)))["name"].tolist() == expected


@pytest.mark.parametrize("language, text, first, expected", [
    ("en", "Malia Obama spoke. Obama left. Then Malia smiled.", "Malia", "Malia Obama"),
    # the word opens another name of the document too: no one's first name
    ("en", "Georgetown Jesuit priests signed. The Jesuit left. Georgetown University spoke. Then Georgetown said no.",
     "Georgetown", "Georgetown"),
    ("fr", "Jean Valjean s’enfuit. Valjean court. Puis Jean rit.", "Jean", "Jean Valjean"),
    ("fr", "Jean Valjean s’enfuit. Valjean court. Jean Moulin Université ferme. Puis Jean rit.", "Jean", "Jean"),
])
def test_a_first_name_alone_is_the_one_person_its_document_names_so(language, text, first, expected):
    names = fl.canonical_names(find_names(corpus(("d1", "A", language, text))))
    assert names.set_index("name")["canonical"][first] == expected


def test_an_entity_named_only_in_a_headline_the_text_does_not_repeat_is_no_target():
    corpus = pd.DataFrame({
        "doc_id": ["a", "b"], "outlet": ["A", "B"], "language": ["en", "en"],
        "title": ["Protesters greet Jane Doe in Springfield", "Jane Doe speaks"],
        "text": ["Jane Doe spoke to supporters on Monday. Jane Doe said she would stay.",
                 "Jane Doe spoke on Monday. Critics of Jane Doe left early."]})
    entities, aliases = discover_entities(corpus)
    protesters = entities[entities["canonical"].str.casefold() == "protesters"]
    assert len(protesters) == 1 and protesters["text_mentions"].iloc[0] == 0  # discovered, in a headline
    jane = entities[entities["canonical"] == "Jane Doe"].iloc[0]
    assert (jane["mentions"], jane["text_mentions"]) == (5, 3)  # two headlines, three sentences
    labels = [t["label"] for t in fl.entity_targets(entities, aliases, 10)]
    assert "Jane Doe" in labels and protesters["canonical"].iloc[0] not in labels
