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
    assert entities["lead_documents"].tolist() == [2, 0]
    assert entities["salience"].tolist() == [6.0, 4.0]


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


@pytest.mark.parametrize("text, expected", [
    ("Then the Republican-controlled House voted.", ["House"]),
    ("They found British-born Jihadi John there.", ["Jihadi John"]),
    ("Then Coca-Cola Company shares fell.", ["Coca-Cola Company"]),      # both parts capitalised: a name
])
def test_an_adjective_compound_is_not_part_of_the_name(text, expected):
    assert find_names(corpus(("d1", "A", "en", text)))["name"].tolist() == expected
