"""Speakers on real news (titles, descriptions, inverted order, colon and according-to
introductions), reported speech (indirect and mixed quotations) and scare quotes: the patterns
seen on news nobody here wrote, in English and French, and what must not become a speaker."""
from __future__ import annotations

import pandas as pd
import pytest

import analysis as fl
from analysis.datasets import read_polnear
from analysis.quotes import extraction
from analysis.quotes.coreference import name_genders
from analysis.quotes.rules import quote_rules


def extract(text: str, language: str = "en") -> pd.DataFrame:
    return fl.extract_quotes(pd.DataFrame([dict(doc_id="d", outlet="O", language=language, text=text)]))


def direct(text: str, language: str = "en") -> pd.Series:
    quotes = extract(text, language)
    return quotes[quotes["kind"] == "direct"].iloc[-1]


# --- speakers ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, language, speaker, title, kind, cue", [
    ('"We will not back down on this issue," said an industry lobbyist who spoke on the condition '
     "of anonymity.", "en", "an industry lobbyist", "", "description", "said"),
    ('"Children are struggling more than ever," says David Palmiter, a professor of psychology at '
     "Marywood.", "en", "David Palmiter", "", "person", "says"),
    ('"We are confident of the outcome of this race," her campaign said.', "en", "her campaign", "",
     "organisation", "said"),
    ('"This is an outrage and a disgrace," Mr. Burton fumed.', "en", "Burton", "Mr.", "person", "fumed"),
    ('"We must act on climate now and together," said Sen. Sheldon Whitehouse.', "en",
     "Sheldon Whitehouse", "Sen.", "person", "said"),
    ('President Tsai said, "Taiwan will never bow to pressure from anyone."', "en", "Tsai", "President",
     "person", "said"),
    ('Former President Donald Trump warned, "They are coming for your freedom next."', "en",
     "Donald Trump", "Former President", "person", "warned"),
    ('Olympic medalist Simone Biles said, "I have to focus on my mental health first."', "en",
     "Simone Biles", "", "person", "said"),
    ("“It was an honor to lead,” Cuomo said.", "en", "Cuomo", "", "person", "said"),
    ('According to the Equal Employment Opportunity Commission, "complaints rose sharply this year."', "en",
     "Equal Employment Opportunity Commission", "", "organisation", "According to"),
    # "according to" credits any short noun phrase, whatever its head (was unknown, BASIL's NSA event)
    ("According to the slides, there has been “continued exponential growth in tasking to Facebook.”", "en",
     "the slides", "", "description", "According to"),
    # a plural document noun is a document too (« documents » was a description)
    ("Selon les documents, l'agence a constaté « une croissance continue des demandes ».", "fr",
     "les documents", "", "document", "Selon"),
    ("Kathleen Parker, The Washington Post: “The party has lost its way entirely.”", "en",
     "Kathleen Parker", "", "person", ":"),
    ("The email began, “Dear colleagues, we regret to inform you of the change.”", "en", "The email", "",
     "document", ","),
    ("Trump's 'America last' slogan was repeated by the crowd.", "en", "Trump", "", "person", "'s"),
    ('"I’m getting ready to rent a covered wagon," Gov. John Kasich (R-OH), said.', "en", "John Kasich",
     "Gov.", "person", "said"),
    # a party's leader is a title, whatever the chamber before it (BASIL's 2013 gun-control event)
    ('Senate Democratic Leader Harry Reid said: "All options should be on the table."', "en", "Harry Reid",
     "Senate Democratic Leader", "person", "said"),
    ('"We are seeing a realignment of the parties," Seth McKee, a political scientist at Texas Tech '
     "University, told reporters.", "en", "Seth McKee", "", "person", "told"),
    ("« La guerre est finie pour nous », a déclaré le ministre Jean Dupont.", "fr", "Jean Dupont",
     "le ministre", "person", "a déclaré"),
    # a title inside the name's run; ages, states and "of" a place after it do not break the name
    ('"We will win this state," said Senate Majority Leader Mitch McConnell.', "en", "Mitch McConnell",
     "Senate Majority Leader", "person", "said"),
    ('Texas Lt. Gov. Dan Patrick said, "We will win this state next year."', "en", "Dan Patrick",
     "Texas Lt. Gov.", "person", "said"),
    ('"We will win this state," Sen. Ron Johnson (R-Wis.) said on Monday.', "en", "Ron Johnson", "Sen.",
     "person", "said"),
    ('"It is a mess," Harry Bond, 30, of Raleigh, N.C., who was among those polled, said.', "en",
     "Harry Bond", "", "person", "said"),
    ('"It is over," said undecided voter Stephanie Hooton of Derry, N.H., on Monday.', "en",
     "Stephanie Hooton", "undecided voter", "person", "said"),
    ('"Rates will rise," said a spokesman for the Federal Bureau of Investigation.', "en", "a spokesman", "",
     "description", "said"),
    ("Said Dorothy Poynter, who grew up with Ali in the neighborhood, “He was a kind man to us.”", "en",
     "Dorothy Poynter", "", "person", "Said"),
    ("« Nous gagnerons », a déclaré l'ancien président Jean Dupont, 70 ans, de Lyon.", "fr", "Jean Dupont",
     "l'ancien président", "person", "a déclaré"),
    ("Selon le ministère, « les combats ont repris dans la vallée ».", "fr", "le ministère", "",
     "organisation", "Selon"),
    # a role before the name ("chief executive", "Navy Capt."): the name after it, the role as title
    ('"We will win this state," chief executive Lowell McAdam said at a conference.', "en", "Lowell McAdam",
     "chief executive", "person", "said"),
    ('"We will win this state," said Pentagon spokesman Navy Capt. Jeff Davis, who was asked.', "en",
     "Jeff Davis", "Pentagon spokesman Navy Capt.", "person", "said"),
    ("« Nous ne céderons jamais rien ici », a déclaré le directeur général Jean Dupont.", "fr", "Jean Dupont",
     "le directeur général", "person", "a déclaré"),
    # a titled name, then a party-and-state apposition
    ('Sen. Ron Johnson, R-Wis., said in an op-ed piece, "We will win this time."', "en", "Ron Johnson", "Sen.",
     "person", "said"),
    ('Senator Shelley Moore Capito, Republican of West Virginia, called over her shoulder, "We will win."', "en",
     "Shelley Moore Capito", "Senator", "person", "called"),
    ("Le sénateur Jean Dupont, Républicain du Var, a déclaré : « Nous gagnerons. »", "fr", "Jean Dupont",
     "Le sénateur", "person", "a déclaré"),
    # a name, then an apposition nothing closes, then the verb
    ('Anthony Anton, president and CEO of the Washington Restaurant Association stated, "We will win."', "en",
     "Anthony Anton", "", "person", "stated"),
    ("Jean Dupont, président de la Fédération des restaurateurs a déclaré : « Nous ne céderons jamais. »", "fr",
     "Jean Dupont", "", "person", "a déclaré"),
    # reporting verbs read on news: a quip, a shout, a memory, an opinion
    ("''Silly boys acting like they've never seen a girl,'' scoffed Arianna Gil, 22, who founded it.", "en",
     "Arianna Gil", "", "person", "scoffed"),
    ('"Gun owners should leave their weapons at home," opined Jane Doe, a columnist.', "en",
     "Jane Doe", "", "person", "opined"),
    ('"Analysts said no, and she took it upon herself," remembered Roy Verley, a former spokesman.', "en",
     "Roy Verley", "", "person", "remembered"),
    ("« Nous avons gagné sans rien faire », a ironisé Jean Dupont.", "fr", "Jean Dupont", "", "person",
     "a ironisé"),
    ("« Sortez tous d'ici maintenant ! » s'est exclamé Jean Dupont.", "fr", "Jean Dupont", "", "person",
     "s'est exclamé"),
    # a verb written as a first name after a lower-case word ("hope"): the name's, not a cue; not a
    # headline's capitals, nor a sentence's first word
    ('"We are sticking by him," Trump campaign spokeswoman Hope Hicks said in a statement.', "en",
     "Hope Hicks", "Trump campaign spokeswoman", "person", "said"),
    ('Trump Says Clinton "lied about her emails to us."', "en", "Trump", "", "person", "Says"),
    ('The house is a museum. Said Dorothy Poynter, who grew up there, "it was a happy street."', "en",
     "Dorothy Poynter", "", "person", "Said"),
    # a party and state between commas before a relative clause are no name (was "R-TX", BASIL)
    ('Sen. John Cornyn, R-TX, who heads the GOP campaign committee, said Tuesday, "I think it is a '
     'blockbuster revelation."', "en", "John Cornyn", "Sen.", "person", "said"),
    # a party and state in parentheses are no part of the name (was "Jason Chaffetz R-Utah")
    ("“It was condescending,” said Rep. Jason Chaffetz (R-Utah).", "en", "Jason Chaffetz", "Rep.", "person", "said"),
    # a capitalised determiner after "of" goes on with the name's affiliation (was "Lady of Guadalupe")
    ("“We didn’t know it was Eric Holder,” Rev. John Paul Hopping of Our Lady of Guadalupe, told HuffPost.", "en",
     "John Paul Hopping", "Rev.", "person", "told"),
])
def test_speaker_title_type_and_cue(text, language, speaker, title, kind, cue):
    quote = direct(text, language)
    assert (quote["speaker"], quote["speaker_title"], quote["speaker_type"], quote["cue"]) == (
        speaker, title, kind, cue)
    assert text[quote["cue_start"]:quote["cue_end"]] == cue


@pytest.mark.parametrize("text, language, not_speaker", [
    ('"We must act now," said Sen. Sheldon Whitehouse.', "en", "Sen"),
    ('President Tsai said, "Taiwan will never bow to pressure."', "en", "President"),
    ('Former President Donald Trump warned, "They are coming for you."', "en", "Former President"),
    ('Olympic medalist Simone Biles said, "I have to focus on my health."', "en", "Olympic"),
    ("“It was an honor to lead,” Cuomo said.", "en", "It"),
    ('It is worth noting that the group is "an alliance of entities and figures".', "en", "It"),
    ("Wait, it gets better:\n\n“The numbers were never checked by anyone at all.”", "en", "Wait"),
    ('"We have a dream for all," Martin Luther King Jr. said.', "en", "Jr"),
    ('"It is a mess," Harry Bond, 30, of Raleigh, N.C., who was polled, said.', "en", "N C"),
    ('"We will win this state," said Senate Majority Leader Mitch McConnell.', "en",
     "Senate Majority Leader Mitch McConnell"),
    ('"We will win," said Robert King.', "en", "Robert"),
    ("« Nous gagnerons tous ensemble », a déclaré le président de la République.", "fr", "République"),
    # a day is not a speaker; a place or title after the verb's object is not either
    ('Priebus later Thursday told Fox News: "Both of them need to talk about it soon."', "en", "Thursday"),
    ('"We will win this state," said Army Capt. Christian Pardo, who will not vote.', "en", "Army Capt"),
    ('"We will win this state," chief executive Lowell McAdam said.', "en", "chief"),
    ("« Nous ne céderons jamais rien ici », a déclaré la femme de Jean Dupont.", "fr", "Jean Dupont"),
    ("Asked on Monday whether he would serve, Mrs. Clinton smiled and said, ''No, never.''", "en", "Asked"),
    ("Asked on Monday whether he would serve, Mrs. Clinton smiled and said, ''No, never.''\n\nAides said "
     "it was over.", "en", "Aides"),
    ("« Nous gagnerons », a déclaré le directeur général Jean Dupont.", "fr", "le directeur"),
    ('Band member Flea shared the news last week, writing "We are playing for Bernie."', "en", "Band"),
    ('Sen. Ron Johnson, R-Wis., said in an op-ed piece, "We will win this time."', "en", "R-Wis"),
    ("Le sénateur Jean Dupont, Républicain du Var, a déclaré : « Nous gagnerons. »", "fr", "Républicain du Var"),
    ("Renault directeur général Jean Dupont a pris la parole, déclarant : « Nous restons. »", "fr", "Renault"),
    # a participle's subject is no name before an apposition that a description opens
    ("In a statement released Thursday, Rep. Hakeem Jeffries (D-N.Y.) reacted to the news, saying: “This is a "
     "disgrace to the nation.”", "en", "Thursday"),
    ("Dans un communiqué publié jeudi, le député Jean Dupont a réagi à la nouvelle, déclarant : « C'est une "
     "honte pour le pays. »", "fr", "jeudi"),
    # a capitalised stopword alone opens no name
    ("In 2009, the editors chose a photo of her, which the former governor called “sexist and cheap.”", "en", "In"),
    ("Another posted: “That is not a prank, that is vandalism.”", "en", "Another"),
    ("Ensuite, le ministre a déclaré : « Nous restons ici. »", "fr", "Ensuite"),
    # an opening word and an article before a name are not part of it; nor is a conjunction, a
    # preposition or a weekday (PolNeAR train had "As Politico", "But Ramos", "While Sanders", "On Sunday")
    ("As The Post's Dana Milbank puts it, \"Senate Republicans are unmoved.\"", "en", "As The Post's Dana Milbank"),
    ("As Axelrod said, “Biden showed passion and cared for the middle class.”", "en", "As Axelrod"),
    ("But Ramos said: “Journalists take sides.”", "en", "But Ramos"),
    ("On Sunday Obama said: “The race is over.”", "en", "Sunday Obama"),
    ("“The race is over,” On Sunday said.", "en", "Sunday"),
    ("Et Dupont a déclaré : « La course est finie. »", "fr", "Et Dupont"),
    # a first name that is also an auxiliary, or a surname that is also a preposition, is a name when
    # capitalised: "Will wrote" is the columnist, "Al From" the whole name
    ('Columnist George Will urged voters to leave. "The party is lost for good now," Will wrote.', "en",
     "unknown"),
    ('"The party is lost for good now," George Will wrote.', "en", "George"),
    ('"We won three elections in a row then," said Al From.', "en", "Al"),
    # a participle clause's speaker is no name in the object of the sentence's verb
    ('Hundreds of demonstrators marched on the first day of the Democratic National Convention, chanting '
     '"Hell no, DNC, we will not vote for Hillary."', "en", "Democratic National Convention"),
    # a relative clause after the name is no apposition naming the speaker
    ('"We won in three elections," said Al From, who helped found the DLC.', "en", "DLC"),
    ("« Nous avons gagné trois fois », a dit Jean Dupont, qui a fondé le PS.", "fr", "PS"),
    # after a comma and a verb, a name inside the reported clause or the verb's object is no speaker
    ('The director of the FBI, James B. Comey, said that talks by Ms. Malik and her husband, Syed Farook, were '
     '"direct talk about jihad."', "en", "Syed Farook"),
    ("Paul then interjected, calling Rubio's proposed credit \"a welfare transfer payment.\"", "en", "Rubio"),
    ('"It is a mess" for everyone, said Tuesday the group that runs the poll.', "en", "Tuesday"),
    ("Le directeur du FBI, Jean Dupont, a dit que les échanges de Mme Malik et de son mari, Paul Durand, étaient "
     "« une vraie discussion sur le djihad ».", "fr", "Paul Durand"),
])
def test_what_must_not_become_a_speaker(text, language, not_speaker):
    assert direct(text, language)["speaker"] != not_speaker


@pytest.mark.parametrize("text, language, speaker", [
    # a name after a preposition is the object of another verb; the name opening the clause speaks
    ("On Tuesday, Mr. McConnell deflected numerous questions about Mr. Trump before saying, “It is time to "
     "quit attacking various people.”", "en", "McConnell"),
    ("Warren appeared with MSNBC’s Rachel Maddow and officially endorsed Clinton, saying, “I think having a "
     "fighter in the lead is good for all of us.”", "en", "Warren"),
    ("Jean Dupont a éludé les questions sur Marie Durand en ajoutant : « Nous ne céderons sur rien. »", "fr",
     "Jean Dupont"),
    # not a name right before the verb: it is the subject, whatever comes before it
    ("Ted Cruz accuses Obama of weakness and Donald Trump says “we are losing the war on terrorism, and fast.”",
     "en", "Donald Trump"),
    # a pronoun with a contraction names no one ("I’m" was the speaker)
    ("I’m old enough to remember President Jimmy Carter going on TV in 1977, declaring “we need to shift to "
     "plentiful coal and save oil.”", "en", "Jimmy Carter"),
])
def test_a_name_after_a_preposition_is_no_speaker(text, language, speaker):
    assert direct(text, language)["speaker"] == speaker


@pytest.mark.parametrize("text, language, speakers", [
    # a verb of the author's next paragraph does not attribute the quotation; the sentence closing on
    # a reporting verb right before it does
    ("Iowa State University's Dianne Bystrom agreed. \"Mainstream Republicans are running out of time to find "
     "an alternative.\"\n\nOr maybe Jeb Bush, digital consultant Phil Musser says.", "en",
     ["Iowa State University's Dianne Bystrom"]),
    ("Marie Durand a ajouté. « Les républicains manquent de temps pour trouver une autre solution. »\n\n"
     "Ou peut-être Jean Dupont, écrit Paul Martin.", "fr", ["Marie Durand"]),
    ("Jean Dupont a renchéri :\n\n« Il dit ce qu’il pense, et le pays en a besoin. »\n\nAprès l’élection du "
     "maire, Paul Martin, une fête a été organisée, a dit Marie Durand.", "fr", ["Jean Dupont"]),
    # a speech quoted paragraph after paragraph still takes the verb given once after them
    ("“Not only can Ted Cruz win in November, he is the one with the best chance.”\n\n“He may be the only "
     "one who can unite the party,” Viguerie notes.", "en", ["Viguerie", "Viguerie"]),
    ("« Non seulement Jean Dupont peut gagner en novembre, mais il a la meilleure chance. »\n\n« Il est "
     "peut-être le seul à pouvoir unir le parti », a noté Marie Durand.", "fr", ["Marie Durand", "Marie Durand"]),
    # not a verb of what someone showed or thinks ending the sentence before
    ("Trump told reporters, referring to bruises that Fields showed to the police. \"Wouldn't you think she "
     "would have yelled out loud?\"", "en", ["unknown"]),
])
def test_the_verb_that_attributes_a_quotation_stays_in_its_paragraph(text, language, speakers):
    quotes = extract(text, language)
    assert quotes.loc[quotes["kind"] == "direct", "speaker"].tolist() == speakers


def test_a_quotation_paragraph_goes_on_in_the_previous_speaker_s_voice():
    text = ("“I will not just talk like a conservative,” Espinoza said Friday.\n\n"
            "“I will take that same strength of conviction to Washington with me.”")
    quotes = extract(text)
    assert quotes.loc[quotes["kind"] == "direct", "speaker"].tolist() == ["Espinoza", "Espinoza"]


@pytest.mark.parametrize("text, language, speakers", [
    # a quotation sentence right after an attributed one goes on in the same voice
    ('"We have always been open about this," said Nick Merrill, a spokesman. "When in doubt, we share."', "en",
     ["Nick Merrill", "Nick Merrill"]),
    ("« Nous avons toujours été transparents », a déclaré Jean Dupont. « Nous partageons tout avec vous. »", "fr",
     ["Jean Dupont", "Jean Dupont"]),
    # but not across the author's own sentence in between
    ('"We have always been open about this," said Nick Merrill. The campaign then ended. "It is over now."',
     "en", ["Nick Merrill", "unknown"]),
    # a question's closing mark ends the splitter's sentence: the attribution after it is a sentence
    # of its own, and the quotation after that goes on in the same voice
    ('"Why is he attacking me?" Trump said. "He has to knock out seven or eight guys first."', "en",
     ["Trump", "Trump"]),
    ("« Pourquoi m’attaque-t-il ? » a lancé Jean Dupont. « Il doit d’abord battre sept autres candidats. »",
     "fr", ["Jean Dupont", "Jean Dupont"]),
    ('"Why is he attacking me?" Trump said. The crowd laughed. "He has to knock out seven or eight guys."',
     "en", ["Trump", "unknown"]),
    # The New York Times doubles its single marks: ''A,'' said X. ''B.''
    ("''It does give an advantage to serious candidates,'' Mr. Gingrich said. ''Because this is an "
     "opportunity for them to emphasize their experience.''", "en", ["Gingrich", "Gingrich"]),
    ("''It does give an advantage to serious candidates,'' Mr. Gingrich said.\n\n''Because this is an "
     "opportunity for them to emphasize their experience.''", "en", ["Gingrich", "Gingrich"]),
    ("''It does give an advantage to serious candidates,'' Mr. Gingrich said. The hall emptied. ''Because "
     "this is an opportunity for them to emphasize their experience.''", "en", ["Gingrich", "unknown"]),
    # a verb right after the closing mark, then a name, without a comma
    ("Several observers noticed the shift. “It changed overnight” said Friedman, who is white.", "en",
     ["Friedman"]),
    # a description between commas names no one: the name before it speaks (was "Army and Nato")
    ("Hamish de Bretton-Gordon, ex-head of chemical weapons for the Army and Nato, said: “It’s madness.”", "en",
     ["Hamish de Bretton-Gordon"]),
    ("Jean Dupont, ancien chef des armées de la France, a déclaré : « C’est de la folie. »", "fr",
     ["Jean Dupont"]),
    # a state after a city is no speaker (was "Tex", BASIL's Chick-fil-A event)
    ("Jane Doe of Austin, Tex., said: “I am leaving.”", "en", ["Jane Doe"]),
    ("Jane Doe, 45, of Springfield, Mo., said: “I am leaving.”", "en", ["Jane Doe"]),    # was Springfield
    # a dateline is where the reporter filed from, no part of the speaker's name (was "WASHINGTON Michael
    # Steele", BASIL; "CHICAGO Rahm Emanuel", PolNeAR train); a hyphen inside a word is no dateline's dash
    ("WASHINGTON — Michael Steele, chairman of the party, said: “We will win.”", "en", ["Michael Steele"]),
    ("CHICAGO -- Rahm Emanuel said: “We will sue.”", "en", ["Rahm Emanuel"]),
    ("AP-GfK Poll: “Voters see Sanders as electable.”", "en", ["AP-GfK Poll"]),
    # a verb after "and" and a name opens a clause of its own: the quotation before is not that name's
    # (was Holder's, BASIL's Ferguson event); a verb after "but" alone goes on with the subject
    ('His cousin "started mouthing off," and Holder urged him to be quiet.', "en", ["unknown"]),
    ('Sanders pledged to rid the world of "this barbarous organization" but said little about how.', "en",
     ["Sanders"]),
    # a conjunction or a preposition opens no name; a stopword that is a name particle or a first name may
    ("But Ramos said: “Journalists take sides.”", "en", ["Ramos"]),
    ("De Blasio said: “We stay.”", "en", ["De Blasio"]),
    ("Bill Clinton said: “We stay.”", "en", ["Bill Clinton"]),
    ("Et Dupont a déclaré : « La course est finie. »", "fr", ["Dupont"]),
    # an apposition opened by a preposition is a circumstance: the name before it speaks (was unknown,
    # BASIL's vice-presidential debate)
    ("Ryan, toward the end of the debate, warned: “A debt crisis is coming.”", "en", ["Ryan"]),
    ("Jean Dupont, vers la fin du débat, a averti : « Une crise de la dette arrive. »", "fr", ["Jean Dupont"]),
    # an apposition opened by a name particle says where the speaker is from or works
    ("Jane Doe, of the Red Cross, said: “I am leaving.”", "en", ["Jane Doe"]),          # was Red Cross
    ("Jean Dupont, du Front national, a déclaré : « Je pars. »", "fr", ["Jean Dupont"]),  # was Front
    ("One Facebook user who lives near Austin, Tex., posted this status update: “I am leaving.”", "en",
     ["One Facebook user"]),
    # the name told is no speaker of the participle after it (was "Fox News", BASIL's Chick-fil-A event)
    ("“He said the same thing Obama said,” Johnson told Fox News -- referring to the president – “And he gets "
     "negativity.”", "en", ["Johnson", "Johnson"]),
    # a weekday before the name is not part of it (was the speaker "Wednesday Williams")
    ("In a Facebook post on Wednesday Williams admitted his mistake: “I made a mistake.”", "en", ["Williams"]),
    # a coordinated verb has the first verb's speaker; an age does not break the name
    ('Suu Kyi, 70, said it was too early to congratulate winners but added, "We will win this time."', "en",
     ["Suu Kyi"]),
    ("Le ministre Jean Dupont a salué les soldats et a ajouté : « Nous ne céderons jamais rien ».", "fr",
     ["Jean Dupont"]),
    # a participle's subject: a sentence-initial capital is not a name, a title run is kept whole
    ("Hours later, Trump returned the compliment to Adelson, telling Reuters, “He is a great man and a friend.”",
     "en", ["Trump"]),
    ("Former Secretary of State Madeleine Albright urged women to vote for Hillary Clinton, saying, “There is a "
     "special place for them.”", "en", ["Madeleine Albright"]),
    # the name after "and" is the verb's subject, not the description before it
    ("At one point, a woman asked for a photo and Clinton said, “Of course we can take one together.”", "en",
     ["Clinton"]),
    ("Plus tard, une femme a demandé une photo et Dupont a déclaré : « Bien sûr, nous pouvons la prendre ».",
     "fr", ["Dupont"]),
    # a verb after "and" is the first verb's subject's, not the name of its object
    ('Lazar said he welcomed extradition to the United States and added, "I want to be tried there."', "en",
     ["Lazar"]),
    ("Jean Dupont a dit qu'il remerciait les États-Unis et a ajouté : « Nous ne céderons jamais rien ici. »",
     "fr", ["Jean Dupont"]),
    # a participle right after a verb: that verb's speaker, not the sentence's opening name
    ('Mateen left as soon as prayers were finished, Nefzi said, adding, "He never spoke to anybody."', "en",
     ["Nefzi"]),
    ("Les soldats sont partis, a déclaré Jean Dupont, ajoutant : « Nous ne céderons jamais rien ici. »", "fr",
     ["Jean Dupont"]),
    # an opening "On Thursday" is not the subject of the participle
    ('On Thursday, Warren appeared with Maddow and endorsed Clinton, saying, "We will win this time."', "en",
     ["Warren"]),
    # a question, then its speaker and a verb that ends the sentence a few words on
    ("He knows the state.\n\n“What can we do to help?” Renteria told reporters during the conference call.",
     "en", ["Renteria"]),
    ("Il connaît l'État.\n\n« Que pouvons-nous faire pour aider ? » Dupont a déclaré aux journalistes lors de "
     "la conférence.", "fr", ["Dupont"]),
    # but not a verb that opens a clause of its own, nor one in the next paragraph
    ("“Is it true what they say?” Trump said that the economy was bad.", "en", ["unknown"]),
    ("“Which states can you win this year?”\n\nEarhardt then asked Rubio which states he could win.", "en",
     ["unknown"]),
    # a doubled apostrophe opening (The New York Times' '') ends the words before the quotation: the
    # verb before introduces it, not the verb of the next paragraph
    ("Asked on Monday whether he would serve, Mrs. Clinton smiled and said, ''No, never.''\n\nAides said "
     "Mr. Clinton's role would be narrowly defined.", "en", ["Clinton"]),
    ("Mr. Graham added: ''The problem is, 'unacceptable' doesn't even begin to describe it.''\n\nMr. Coffman "
     "said Mr. Trump had disrespected troops.", "en", ["Graham", "Graham"]),
    ("Interrogée sur ce point, Marie Dupont a souri et a répondu : « Non, jamais de la vie. »\n\nSes proches "
     "ont dit que son rôle serait limité.", "fr", ["Marie Dupont"]),
    # a participle takes the speaker of the reporting verb before it in its sentence, not the nearest name
    ("Clinton responded to Vargas' question on Facebook writing, “I have talked about it hundreds of times.”",
     "en", ["Clinton"]),
    ("Jean Dupont a répondu à la question de Marie Durand sur France Inter, ajoutant : « Nous ne céderons "
     "jamais rien. »", "fr", ["Jean Dupont"]),
    ("The talks failed, said Nick Merrill, adding, “We will try again next year.”", "en", ["Nick Merrill"]),
    ("Starr said Clinton's situation reminds him of a 1969 book, explaining, “That was a tragedy too.”", "en",
     ["Starr"]),
    # a participle's subject: the name after a capitalised word and a role, not that word
    ('Republican presidential candidate Donald Trump quickly took to Twitter, writing: "We must be vigilant."',
     "en", ["Donald Trump"]),
    ("Renault directeur général Jean Dupont a pris la parole, déclarant : « Nous devons rester vigilants. »", "fr",
     ["Jean Dupont"]),
    # a verb in the next paragraph introduces its own quotation, not the one before the break
    ('Trump told the Washington Post in a written statement, "We will win this time."\n\nThe candidate added, '
     '"And we will win big."', "en", ["Trump", "The candidate"]),
    ("Jean Dupont a déclaré au Monde dans un communiqué : « Nous gagnerons cette fois. »\n\nLe candidat a ajouté : "
     "« Et nous gagnerons largement. »", "fr", ["Jean Dupont", "Le candidat"]),
    # a coordinated verb whose clause has no subject takes the sentence's
    ("Obama said he was not speaking.\n\nTrump has used the phrase “radical Islamic terrorism” often in his "
     "campaign, and criticized Obama for not doing so.", "en", ["Trump"]),
    ("Obama a parlé hier.\n\nJean Dupont a souvent employé l'expression « terrorisme islamiste radical » dans "
     "sa campagne, et a critiqué Obama pour son silence.", "fr", ["Jean Dupont"]),
    # a signature on the line below the quotation, after a dash or a hyphen; not any line after a hyphen
    ('He voted for it.\n\n"We have to raise the minimum wage for every worker."\n\n- Sanders.\n\nSanders '
     'exaggerates.', "en", ["Sanders"]),
    ("Il a voté pour.\n\n« Nous devons augmenter le salaire minimum pour tous. »\n\n— Jean Dupont, Lyon.", "fr",
     ["Jean Dupont"]),
    ('He voted for it.\n\n"We have to raise the minimum wage for every worker."\n\n- Read more about it here.',
     "en", ["unknown"]),
    # after the verb, a description then the name as its own comma-separated segment
    ("He joined a fraternity. ''Freddy was a classic illustration of it,'' said his best friend at Lehigh, "
     "Bruce Turry, who remembered him.", "en", ["Bruce Turry"]),
    ("« C'est fini pour nous tous », a déclaré son meilleur ami au lycée, Jean Dupont, qui se souvient.", "fr",
     ["Jean Dupont"]),
    # but not a name inside a relative clause, nor a segment that only ends with a name
    ('"It is over now for all of us," said a spokesman for the group, who helped found the DLC.', "en",
     ["a spokesman"]),
    ('"It is over now for all of us," said a spokesman for the group, the Dallas Cowboys.', "en",
     ["a spokesman"]),
    # a statement issued is a reporting verb
    ('Immediately after the attacks, Trump issued a statement, "We must be vigilant now."', "en", ["Trump"]),
    ("Peu après l'attaque, Jean Dupont a publié un communiqué : « Nous devons rester vigilants. »", "fr",
     ["Jean Dupont"]),
    # a second verb between two quotations opens a sentence of its own: no split quotation
    ("“Look at what you did,” Franken said. Silverman responded, “Thank God they can fix this.”", "en",
     ["Franken", "Silverman"]),
    ("« Regardez ce que vous avez fait », dit Dupont. Durand a répondu : « Dieu merci, on peut le corriger. »",
     "fr", ["Dupont", "Durand"]),
    # but one verb between them splits one quotation
    ('"We will win," Sen. Jean Dupont added, "and we will win big."', "en", ["Jean Dupont", "Jean Dupont"]),
    ("« Nous gagnerons », a ajouté Jean Dupont, « et largement. »", "fr", ["Jean Dupont", "Jean Dupont"]),
    # the author's words run on after the quotation, then a comma, the verb and its speaker
    ('"There is no real chance" that Sanders can catch Clinton, said Steve Elmendorf, a strategist.', "en",
     ["Steve Elmendorf"]),
    ('"This will be a challenge" for Clinton, said Kunin.', "en", ["Kunin"]),
    ('"We are extremely happy" about the decision, said his best friend, Bruce Turry, who was there.', "en",
     ["Bruce Turry"]),
    ("« Nous sommes très heureux » de cette décision, a déclaré Marie Dupont, directrice du syndicat.", "fr",
     ["Marie Dupont"]),
    ("« Ce sera un défi » pour Clinton, a dit Dupont.", "fr", ["Dupont"]),
    ("« Nous sommes très heureux » de cette décision, a déclaré son meilleur ami, Jean Dupont, qui était là.",
     "fr", ["Jean Dupont"]),
    # the name before a relative clause (and appositions) speaks, not a name inside the clause
    ("Jeb Bush, the former Florida governor, who has resented Mr. Rubio's glide path as he has struggled, "
     'called his rival "totally scripted and kind of robotic."', "en", ["Jeb Bush"]),
    ('"We will sue them all," Katie Packer, who is chairman of Our Principles PAC said in a statement.', "en",
     ["Katie Packer"]),
    ("Jean Dupont, l'ancien maire de Lyon, qui a critiqué Marie Durand pendant la campagne, a déclaré : "
     "« Nous gagnerons. »", "fr", ["Jean Dupont"]),
    ("« Nous les poursuivrons tous », Marie Dupont, qui préside le groupe Nos Principes a dit dans un communiqué.",
     "fr", ["Marie Dupont"]),
    # but a relative clause of the verb's own with a subject: that subject speaks
    ('Much of the ire was directed at Bannon, who Beck on Wednesday called "a horrible, despicable human being."',
     "en", ["Beck"]),
    ("La colère visait Bannon, que Jean Dupont a qualifié mercredi d'« être horrible et méprisable ».", "fr",
     ["Jean Dupont"]),
    # verbs that report words: retorting, singing, putting it
    ('"France will always be France," an angry Hollande retaliated.', "en", ["Hollande"]),
    ('As the Rainmakers sang back in the 1980s, "They will turn us all into beggars."', "en", ["Rainmakers"]),
    ("« La France sera toujours la France », a riposté François Hollande.", "fr", ["François Hollande"]),
    ("Comme l'a chanté Jean Ferrat, « Que la montagne est belle ».", "fr", ["Jean Ferrat"]),
    # a capitalised role noun inside a name is the name's word, not the head of a description
    ('"It is over now for all of us," said the Daily Caller.', "en", ["the Daily Caller"]),
    ("« C'est fini pour nous tous », a déclaré le Quotidien du Peuple.", "fr", ["le Quotidien du Peuple"]),
    ('"It is over now for all of us," said the daily.', "en", ["the daily"]),
    # a document "by" someone: that someone speaks, not the document nor a name-less agent
    ('"He grabbed her arm," according to a court document filed by state attorney Dave Aronberg.', "en",
     ["Dave Aronberg"]),
    ("« Il lui a saisi le bras », selon un document judiciaire déposé par le procureur Jean Dupont.", "fr",
     ["le procureur Jean Dupont"]),
    ('"He grabbed her arm," according to a court document filed on Monday.', "en", ["a court document"]),
    ('"It was a mistake," said a lawyer hired by Jean Dupont.', "en", ["a lawyer"]),
    # a one-word name that is also a listed capitalised word stays a name when it is the only one
    ('"Read my lips, no new taxes at all," Read said.', "en", ["Read"]),
    # a participle clause's speaker is the sentence's subject, not a name in the object of its verb
    ("Bush offered a Trump-style retort on the mogul's preferred mode of communication, tweeting at him, "
     '"Feel the Bern is over now."', "en", ["Bush"]),
    ("Jean Dupont a lancé une pique sur le mode de communication préféré de Paul Durand, déclarant : « Le "
     "match est fini pour lui. »", "fr", ["Jean Dupont"]),
    # with no comma before the participle, the name that opens the sentence, not the verb's object;
    # but a name right before the participle is its own subject
    ("Kerpen needled the CNN “reporter,” saying, “This is not what you said at the time at all.”", "en",
     ["unknown", "Kerpen"]),
    ("Jean Dupont a taclé CNN et son « reporter » déclarant : « Ce n’est pas du tout ce que vous disiez. »", "fr",
     ["Jean Dupont"]),
    # "disaster" too is Trump's: the sentence model reads the sentence as reported speech, and the
    # one named speaker of its quotations is whom it reports
    ('Republicans were quick to chime in, with Donald Trump tweeting that it was a "disaster" for Clinton and '
     'asking, "Will she ever be held to account for this?"', "en", ["Donald Trump", "Donald Trump"]),
    ("Les républicains ont réagi vite, avec Paul Durand déclarant : « Elle devra rendre des comptes. »", "fr",
     ["Paul Durand"]),
    # a reporting verb in the infinitive after another has that one's speaker, not a name in between
    ('Trump joked that Brooklyn was his answer, but went on to say, "I love every place in the world."', "en",
     ["Trump"]),
    ("Jean Dupont a plaisanté que Paris était sa réponse, mais a poursuivi pour dire : « J’aime toutes les "
     "villes. »", "fr", ["Jean Dupont"]),
    # a verb a few words before the quotation, a comma leading in, introduces it: not the next sentence's
    ("Clinton responds to Mills with, “Why now? That was on my way to Libya?” Mills then writes back, “You "
     "look cute.”", "en", ["Clinton", "Mills"]),
    ("Jean Dupont répond à Marie Durand : « Pourquoi maintenant ? C’était sur ma route ? » Marie Durand écrit "
     "alors : « Tu es très bien. »", "fr", ["Jean Dupont", "Marie Durand"]),
    # a stopword written as a surname after the quotation is the name the document gave before
    ('Al From spoke. "People point the finger at Wall Street now," From said.', "en", ["From"]),
    ("Jean Pour a parlé. « Les gens accusent Wall Street maintenant », Pour a dit.", "fr", ["Pour"]),
    # not a stopword the document never writes after a first name
    ('"People point the finger at Wall Street now," Another said.', "en", ["unknown"]),
    ("« Les gens accusent Wall Street maintenant », Autre a dit.", "fr", ["unknown"]),
    # a question the speaker asks, after the quotation
    ('"What was the massive pivot point to make him change?" Beck questioned.', "en", ["Beck"]),
    ("« Qu'est-ce qui a bien pu le faire changer à ce point ? » s'est interrogé Jean Dupont.", "fr",
     ["Jean Dupont"]),
    # no name ends in a day (was "Santorum Sunday", BASIL)
    ('"What were you talking about?" said Santorum Sunday.', "en", ["Santorum"]),
    # asides that open with a preposition, a place among them, between the name and the verb (was
    # "Columbus", BASIL's "phony theology" event)
    ("Mr. Santorum, at another appearance on Saturday, in Columbus, Ohio, called the idea “anachronistic.”", "en",
     ["Santorum"]),
    ("Mr. Santorum, at another appearance on Saturday, in Columbus, called the idea “anachronistic.”", "en",
     ["Santorum"]),
    ("Jean Dupont, lors d'une autre apparition samedi, à Lyon, a qualifié l'idée d'« anachronique ».", "fr",
     ["Jean Dupont"]),
    # but a sentence's opening circumstances before its own subject name no speaker of a later verb
    ("At a rally in Portsmouth, N.H., on Tuesday, Senator Bernie Sanders of Vermont endorsed Mrs. Clinton, saying "
     "that his rival would ''make an outstanding president.''", "en", ["Bernie Sanders"]),
])
def test_speakers_carried_over_and_coordinated(text, language, speakers):
    quotes = extract(text, language)
    assert quotes.loc[quotes["kind"] == "direct", "speaker"].tolist() == speakers


def test_a_verb_in_the_next_sentence_does_not_take_a_quotation_its_own_verb_introduces():
    quotes = extract('Asked about it in the debate, Clinton said, "I have always been honest with you." '
                     'She followed that by saying, "I am not a natural politician."')
    assert quotes.loc[quotes["kind"] == "direct", ["speaker", "cue"]].values.tolist() == [
        ["Clinton", "said"], ["Clinton", "saying"]]


def test_a_colon_ending_the_previous_paragraph_introduces_the_quotation():
    quote = direct("Cruz continued:\n\n“The moderators have no intention of voting in a Republican primary.”")
    assert (quote["speaker"], quote["cue"]) == ("Cruz", "continued")


@pytest.mark.parametrize("text, language, speaker", [
    # a headline's "X on Y:": X speaks, not the topic after the preposition
    ("Gillibrand on Hillary Releasing Her Goldman Sachs Speech Transcripts: ‘We need to see them all.’", "en",
     "Gillibrand"),
    ("CNN President On Trump: ‘We do not need to apologize for anything.’", "en", "CNN President"),
    ("Jean Dupont sur la réforme des retraites : « Nous ne reculerons pas. »", "fr", "Jean Dupont"),
    # a long clause keeps the name nearest the colon
    ("It is a cultish blind faith in Obama’s word: “We will never stop at all.”", "en", "Obama"),
    # a newsletter's headline, a spaced dash, then who wrote the quoted words
    ("IOWA POLLS NOT NECESSARILY WRONG, JUST TOO EARLY - Mark Blumenthal and Jon Cohen: “The polls were not "
     "wrong at all.” [HuffPost.]", "en", "Mark Blumenthal and Jon Cohen"),
    ("LES SONDAGES NE SE SONT PAS TROMPÉS — Jean Dupont : « Les sondages avaient raison. »", "fr", "Jean Dupont"),
    # a colon clause with no dash keeps its whole first words
    ("Trump: ‘We are going to win so much.’", "en", "Trump"),
    # the document a clause's subject issued is not the speaker: its subject is
    ("When Wallace died in 1998, President Clinton released the following statement:\n\n“Mike was a great "
     "journalist and we will miss him.”", "en", "Clinton"),
    ("À la mort de Paul Durand, Jean Dupont a diffusé le texte suivant :\n\n« C’était un grand journaliste. »",
     "fr", "Jean Dupont"),
    ("When Wallace died in 1998, the campaign released the following statement:\n\n“Mike was a great "
     "journalist and we will miss him.”", "en", "the campaign"),
])
def test_a_colon_clause_without_a_verb_names_who_comes_first(text, language, speaker):
    assert direct(text, language)["speaker"] == speaker


def test_a_surname_is_completed_to_the_full_name_of_the_document():
    quotes = extract('Ahmad Massoud said "we need help from anyone". Massoud added: "We will fight on."')
    assert set(quotes.loc[quotes["kind"] == "direct", "speaker"]) == {"Ahmad Massoud"}


@pytest.mark.parametrize("text, language, speaker", [
    # the nearest person whose gender (from a title or noun of the document) fits the pronoun
    ('Mrs. Jones said "the plan is dead for now." Mr. Smith said "it is alive and well." '
     '"I will not vote for it," she added.', "en", "Jones"),
    ('Mrs. Jones said "the plan is dead for now." Mr. Smith said "it is alive and well." '
     '"I will not vote for it," he added.', "en", "Smith"),
    ('Party spokeswoman Ann Lee said "there is no comment today." Party spokesman Bob Hall said '
     '"it is a scandal." "We will see about that," she added.', "en", "Ann Lee"),
    ("Mme Durand a déclaré « le plan est mort pour de bon ». M. Martin a déclaré « il est bien "
     "vivant ». Elle a ajouté : « Je ne voterai pas pour lui. »", "fr", "Durand"),
    ("Mme Durand a déclaré « le plan est mort pour de bon ». M. Martin a déclaré « il est bien "
     "vivant ». Il a ajouté : « Je ne voterai pas pour lui. »", "fr", "Martin"),
    # nobody fits: unknown, not the last man named
    ('Mr. Smith said "it is alive and well." "I will not vote for it," she added.', "en", "unknown"),
    ("M. Martin a déclaré « il est bien vivant ». Elle a ajouté : « Je ne voterai pas pour lui. »", "fr",
     "unknown"),
    # "Mrs. Clinton" says nothing of Bill Clinton's gender where two Clintons are named
    ('Hillary Clinton spoke first. Mrs. Clinton said "we will win this state." Bill Clinton said "she '
     'will win this state." "It is time to vote," he added.', "en", "Bill Clinton"),
    # the previous sentence's subject, though nobody quoted her before
    ('Donald Trump said "get them out of here now." Later, Jane Nwanguma held up her sign. '
     '"I was shocked by what happened," she said.', "en", "Jane Nwanguma"),
    ("Jean Dupont a dit « oui à tout ». Marie Durand a levé la main. Elle a dit : « Je ne suis pas "
     "d’accord. »", "fr", "Marie Durand"),
    # no subject: a group after a determiner, a sentence's first word, a place after a preposition
    ('John Smith said "we are ready for the talks." The Taliban took the city. "We will stay here," he added.',
     "en", "John Smith"),
    ('John Smith said "we are ready for the talks." Voters disagreed with him. "We will stay here," he added.',
     "en", "John Smith"),
    ('John Smith said "we are ready for the talks." In Philadelphia on Monday, the crowd cheered. '
     '"We will stay here," he added.', "en", "John Smith"),
    ("Jean Dupont a dit « oui à tout ». Le Monde a publié la nouvelle. Il a ajouté : « Nous resterons. »",
     "fr", "Jean Dupont"),
])
def test_a_pronoun_stands_for_the_nearest_person_of_its_gender(text, language, speaker):
    assert direct(text, language)["speaker"] == speaker


@pytest.mark.parametrize("text, language, expected", [
    ("Mrs. Clinton met Mr. Trump and spokeswoman Hope Hicks. She left.", "en",
     {"Clinton": "female", "Trump": "male", "Hope Hicks": "female"}),
    ("Mme Dupont a rencontré M. Martin et la présidente Anne Roy.", "fr",
     {"Dupont": "female", "Martin": "male", "Anne Roy": "female"}),
    # not: a pronoun before a capital, a name given both genders, a relative's surname alone
    ("She told her Republican rivals.", "en", {}),
    ("Mr. Clinton and Mrs. Clinton came.", "en", {}),
    ("His daughter Ivanka Trump spoke.", "en", {"Ivanka Trump": "female"}),
    ("Elle a vu M. et Mme Martin.", "fr", {"Martin": "female"}),
])
def test_a_name_s_gender_comes_from_the_document_s_titles_and_nouns(text, language, expected):
    assert name_genders(text, quote_rules(language)) == expected


# --- reported speech ---------------------------------------------------------------------

@pytest.mark.parametrize("text, language, kind, content, speaker, cue", [
    ("Massoud said that the enemies were attempting to frame the group.", "en", "indirect",
     "the enemies were attempting to frame the group", "Massoud", "said"),
    ("The senator told reporters that the bill would pass next week.", "en", "indirect",
     "the bill would pass next week", "The senator", "told"),
    # a weekday right after the verb is when, not what was said (was "Monday that the plan …")
    ("Smith said Monday that the plan was dead on arrival.", "en", "indirect", "the plan was dead on arrival",
     "Smith", "said"),
    ("Smith said Tuesday the plan was dead on arrival.", "en", "indirect", "the plan was dead on arrival",
     "Smith", "said"),
    ("The group will fight on until the end, a spokesperson for the group told reporters.", "en", "indirect",
     "The group will fight on until the end", "a spokesperson for the group", "told"),
    ("According to the ministry, the fighting resumed in the valley overnight.", "en", "indirect",
     "the fighting resumed in the valley overnight", "the ministry", "According to"),
    ('Clinton said she was "going to put a lot of coal miners out of business" soon.', "en", "mixed",
     'she was "going to put a lot of coal miners out of business" soon', "Clinton", "said"),
    # a speaker after the verb, then an apposition: the words before the comma are reported
    ('Biden "has a lot of good roles to play," said Jim Doyle, whose home state is a target for Trump.', "en",
     "mixed", 'Biden "has a lot of good roles to play,"', "Jim Doyle", "said"),
    ('China used "velvet gloves" in its dealings with Central Asia, said Nargis Kassenova, an expert.', "en",
     "mixed", 'China used "velvet gloves" in its dealings with Central Asia', "Nargis Kassenova", "said"),
    # "that" makes the quoted words part of indirect speech (PolNeAR annotates it so, "that" included)
    ('Massoud said that "we need help from anyone".', "en", "mixed", 'that "we need help from anyone"',
     "Massoud", "said"),
    # evaluating verbs: a judgement of the object, the quoted label in the author's clause
    ("Christie described the field of Republican candidates as “all very good” at the debate.", "en", "mixed",
     "the field of Republican candidates as “all very good” at the debate", "Christie", "described"),
    ("Sen. Bernie Sanders accused him of preventing Americans from standing together.", "en", "indirect",
     "him of preventing Americans from standing together", "Bernie Sanders", "accused"),
    ("Le président a qualifié Massoud de « traître à la nation ».", "fr", "mixed",
     "Massoud de « traître à la nation »", "Le président", "a qualifié"),
    # believing verbs and infinitive reported words
    ("Economists believe this provides an artificial incentive for employers.", "en", "indirect",
     "this provides an artificial incentive for employers", "Economists", "believe"),
    ("Le ministre pense que la situation restera très difficile dans le nord.", "fr", "indirect",
     "la situation restera très difficile dans le nord", "Le ministre", "pense"),
    ("The candidate vowed to repeal the law on his first day in office.", "en", "indirect",
     "to repeal the law on his first day in office", "The candidate", "vowed"),
    ("Le ministre a promis de reconstruire les écoles détruites avant l'hiver.", "fr", "indirect",
     "de reconstruire les écoles détruites avant l'hiver", "Le ministre", "a promis"),
    # a contracted subject opens the reported words; a subject after the verb is not a closing speaker
    ("Joyce told The Huffington Post he’s not planning an appeal of the decision.", "en", "indirect",
     "he’s not planning an appeal of the decision", "Joyce", "told"),
    ("After the vote, the senators said they were angry about it.", "en", "indirect",
     "they were angry about it", "the senators", "said"),
    # "according to X" inside the sentence: the whole sentence is reported
    ("That is bad for us, according to Rubio, because the economy is weak.", "en", "indirect",
     "That is bad for us, according to Rubio, because the economy is weak", "Rubio", "according to"),
    ("Clinton leads by 271 delegates, according to the Associated Press.", "en", "indirect",
     "Clinton leads by 271 delegates", "Associated Press", "according to"),
    ("La situation, selon le ministère, reste très difficile dans le nord.", "fr", "indirect",
     "La situation, selon le ministère, reste très difficile dans le nord", "le ministère", "selon"),
    # a long object before "that"
    ("Donald Trump told a town hall in Salem, New Hampshire on Monday that waterboarding is fine.", "en",
     "indirect", "waterboarding is fine", "Donald Trump", "told"),
    ("Le ministre Jean Dupont a affirmé que la situation restait très difficile dans le nord.", "fr",
     "indirect", "la situation restait très difficile dans le nord", "Jean Dupont", "a affirmé"),
    ("Selon le ministère, les combats ont repris dans la vallée du Panchir.", "fr", "indirect",
     "les combats ont repris dans la vallée du Panchir", "le ministère", "Selon"),
    # an inverted speaker with a relative clause still closes the sentence
    ('The people of Scranton “deserve someone who is with them,” said the man who built his career on it.', "en",
     "mixed", "The people of Scranton “deserve someone who is with them,”", "the man", "said"),
    ("La réforme est une erreur grave pour le pays, a déclaré le député qui siège depuis vingt ans.", "fr",
     "indirect", "La réforme est une erreur grave pour le pays", "le député", "a déclaré"),
    # a sentence opened by a name and a colon reports the words after the colon
    ("Sanders: Clinton Email Story Has Moved.", "en", "indirect", "Clinton Email Story Has Moved", "Sanders", ":"),
    ("Jean Dupont : la réforme des retraites est morte.", "fr", "indirect", "la réforme des retraites est morte",
     "Jean Dupont", ":"),
    # an apostrophe inside a word of the inverted speaker's description is no quotation mark
    ("Nor are tariffs likely to bring many of these jobs back, said David Autor, an economist at the "
     "country's oldest school.", "en", "indirect", "Nor are tariffs likely to bring many of these jobs back",
     "David Autor", "said"),
    ("La réforme est une erreur grave pour le pays, a déclaré le ministre de l'Intérieur.", "fr",
     "indirect", "La réforme est une erreur grave pour le pays", "le ministre", "a déclaré"),
    # the verb and its speaker between commas inside the reported words: the whole sentence
    ('Perhaps, he said, this "small town has gotten too big too fast."', "en", "mixed",
     'Perhaps, he said, this "small town has gotten too big too fast."', "unknown", "said"),
    ("The plan, said Senator Smith, is dead on arrival in the Senate.", "en", "indirect",
     "The plan, said Senator Smith, is dead on arrival in the Senate", "Smith", "said"),
    ('No name change, Kerry said, "hides what it really is."', "en", "mixed",
     'No name change, Kerry said, "hides what it really is."', "Kerry", "said"),
    ("The club's investment, Ms. Tanzer said, ''is a perfect example of adapting'' to the new economics of golf.",
     "en", "mixed", "The club's investment, Ms. Tanzer said, ''is a perfect example of adapting'' to the new "
     "economics of golf", "Tanzer", "said"),  # a doubled mark opens the lower-case part
    ("La réforme, a déclaré le député, est une erreur grave pour le pays.", "fr", "indirect",
     "La réforme, a déclaré le député, est une erreur grave pour le pays", "le député", "a déclaré"),
    ("La situation, a expliqué le ministre, « reste très difficile dans le nord ».", "fr", "mixed",
     "La situation, a expliqué le ministre, « reste très difficile dans le nord »", "le ministre", "a expliqué"),
    # not between commas: a circumstance, then a direct quotation opening with a capital
    ("The economy is weak, said Smith, who is an economist at the bank.", "en", "indirect",
     "The economy is weak", "Smith", "said"),
    # a verb closes its sentence only before circumstance; before its object it reports the object
    ("Clinton’s Democratic opponent, Vermont Sen. Bernie Sanders, also praised the president’s actions.", "en",
     "indirect", "the president’s actions", "Bernie Sanders", "praised"),
    ("Battleground races in Ohio and Florida are all close, a Quinnipiac University poll shows.", "en",
     "indirect", "Battleground races in Ohio and Florida are all close", "a Quinnipiac University poll", "shows"),
    ("Le projet est une erreur grave pour le pays, le député a déclaré mardi.", "fr", "indirect",
     "Le projet est une erreur grave pour le pays", "le député", "a déclaré"),
    ("Le ministre de l'Intérieur, Jean Dupont, a annoncé la fermeture de la frontière.", "fr", "indirect",
     "la fermeture de la frontière", "Jean Dupont", "a annoncé"),
    ("The race in Iowa is very close, Smith said Tuesday.", "en", "indirect", "The race in Iowa is very close",
     "Smith", "said"),
    ("The race in Iowa is very close, Smith told CNN.", "en", "indirect", "The race in Iowa is very close",
     "Smith", "told"),
    # an evaluating verb reports its object alone, however short, up to a comma or another clause
    ("The group endorsed Cruz.", "en", "indirect", "Cruz", "The group", "endorsed"),
    ("Sanders initially defended his vote, but he later changed his mind.", "en", "indirect", "his vote",
     "Sanders", "defended"),
    ("Le président a critiqué Dupont.", "fr", "indirect", "Dupont", "Le président", "a critiqué"),
    ("Le maire a critiqué la réforme, puis il a quitté la salle.", "fr", "indirect", "la réforme", "Le maire",
     "a critiqué"),
    # an infinitive after the verb is reported, also when a circumstance before a comma opens the sentence
    ("And yet, across most of Europe, voters want to limit immigration.", "en", "indirect", "to limit immigration",
     "voters", "want"),
    ("Pour la première fois, le ministre a promis de reconstruire les écoles.", "fr", "indirect",
     "de reconstruire les écoles", "le ministre", "a promis"),
    # words opened by an object preposition are the verb's object, up to a comma or another clause
    ("Trump, when asked about his own contradictions or factual errors, often steam-rolls through the questions.",
     "en", "indirect", "about his own contradictions or factual errors", "Trump", "asked"),
    # an auxiliary after the verb makes a clause of its words, not an inverted speaker
    ("Mr. Coffman, who represents a swing district in Denver, said Mr. Trump had disrespected American troops.",
     "en", "indirect", "Mr. Trump had disrespected American troops", "Coffman", "said"),
    ("Le député Jean Dupont, élu de la Creuse, estime Paris a aussi perdu.", "fr", "indirect",
     "Paris a aussi perdu", "Jean Dupont", "estime"),
    # reported words may open with a number
    ("The party says 34,570 citizens living abroad cast votes by mail.", "en", "indirect",
     "34,570 citizens living abroad cast votes by mail", "The party", "says"),
    ("Le ministère a annoncé 3 000 suppressions de postes dans la région.", "fr", "indirect",
     "3 000 suppressions de postes dans la région", "Le ministère", "a annoncé"),
    # a comma before the verb closes an adverb, not an inverted speaker's quotation: the words after
    # the verb are reported, and the speaker is the one named before the aside
    ("Forbes, however, says that Mr. Kamprad is no longer a billionaire.", "en", "indirect",
     "Mr. Kamprad is no longer a billionaire", "Forbes", "says"),
    ("Le ministre, pourtant, affirme que la réforme est utile au pays.", "fr", "indirect",
     "la réforme est utile au pays", "Le ministre", "affirme"),
    # the person told, then "that" and a quotation: a mixed quotation from "that", as after "said"
    ("Bush told reporters in Greenville that “beating expectations would be helpful.”", "en", "mixed",
     "that “beating expectations would be helpful.”", "Bush", "told"),
    ("Le ministre a assuré aux journalistes que « la réforme est utile au pays ».", "fr", "mixed",
     "que « la réforme est utile au pays »", "Le ministre", "a assuré"),
    # a clause that opens with "when" or "after" has its own subject and verb: the verb before it
    # reports nothing of it (was "issued a statement" by the aide, BASIL's "phony theology" event)
    ("The aide issued a statement when Santorum told voters that the agenda is bad.", "en", "indirect",
     "the agenda is bad", "Santorum", "told"),
    ("The aide issued a statement Saturday shortly after Santorum told voters that the agenda is bad.", "en",
     "indirect", "the agenda is bad", "Santorum", "told"),
    ("Le porte-parole a publié un communiqué lorsque Dupont a déclaré que le plan est mort.", "fr", "indirect",
     "le plan est mort", "Dupont", "a déclaré"),
    # the person told, then a clause: the words after it are reported, not the sentence's opening
    # circumstance (was "In an interview on the “Today” show", BASIL); an elided « qu' » opens them too
    ("In an interview on the “Today” show, Mr. Trump told reporters he was running.", "en", "indirect",
     "he was running", "Trump", "told"),
    ("Lors de l'émission, Jean Dupont a assuré aux journalistes qu'il était candidat.", "fr", "indirect",
     "il était candidat", "Jean Dupont", "a assuré"),
    ("Jean Dupont a déclaré qu’il était candidat.", "fr", "indirect", "il était candidat", "Jean Dupont", "a déclaré"),
    # but "after" is also a preposition: a circumstance before "that"
    ("Sen. Jack Reed said after a lunch on Tuesday that he had not read the plan.", "en", "indirect",
     "he had not read the plan", "Jack Reed", "said"),
    # a day, then what was promised: its infinitive, not a circumstance
    ("Bernie Sanders promised Monday to begin taking executive action on immigration.", "en", "indirect",
     "to begin taking executive action on immigration", "Bernie Sanders", "promised"),
    ("Jean Dupont a promis lundi de baisser les impôts des familles.", "fr", "indirect",
     "de baisser les impôts des familles", "Jean Dupont", "a promis"),
])
def test_indirect_and_mixed_quotations(text, language, kind, content, speaker, cue):
    quotes = extract(text, language)
    # the rules' rows; the sentence model may read again a sentence the rules took only a short
    # object of (its rows have no cue: measured by benchmarks/eval_polnear.py, not here)
    reported = quotes[quotes["kind"].isin(["indirect", "mixed"]) & (quotes["cue"] != "")]
    assert len(reported) == 1
    row = reported.iloc[0]
    assert (row["kind"], row["quote_text"], row["speaker"], row["cue"]) == (kind, content, speaker, cue)
    assert text[row["start"]:row["end"]] == row["quote_text"]
    assert text[row["cue_start"]:row["cue_end"]] == cue


@pytest.mark.parametrize("text, language", [
    ('"We all need to go home now," said Jane Doe.', "en"),          # the verb closes a direct quotation
    ('Massoud said "we need help from anyone".', "en"),               # the reported words are the quotation
    ("The senator said in a statement.", "en"),                        # a prepositional tail, no words
    ('"It is late," said David French of the National Retail Federation.', "en"),  # the speaker, not words
    ("« La guerre est finie pour nous », a affirmé Jean Dupont.", "fr"),
    ("The so-called moderate rebels were armed by the agency last year.", "en"),      # a compound, no verb
    ("Il a rejoint une association qualifiée de très active dans la région.", "fr"),  # a participle
    ("Le mouvement, une association qualifiée d'extrémiste, a été dissous.", "fr"),
    # a circumstance before the speaker's comma, then the speaker's own sentence in marks
    ('At the rally, Beck said, "Ted and I were just driving in."', "en"),
    ('Clinton, 35, the daughter of the former president, said on Twitter, "we are thrilled."', "en"),
    ("Ce matin, le ministre a déclaré, « Nous allons gagner cette bataille. »", "fr"),
    # a passive evaluating verb judges nobody's words; a one-word object of another verb is no report
    ("The victim was attacked by a dog.", "en"),
    ("Le chien a été attaqué par un loup.", "fr"),
    ("The senator said so.", "en"),
    ("The result: he must travel three hours to the next town.", "en"),  # no name before the colon
    # the words between the comma and the verb open a relative clause: nobody reports the sentence
    ("The spotlight was on Donald J. Trump, who took to the Sunday talk shows.", "en"),
    # an inverted speaker after a quotation, opening with a number, is still the speaker, not words
    ("“We will win this state,” said 32-year-old Jane Doe of Austin.", "en"),
    ("« Nous allons gagner cette bataille », a déclaré 3 fois le ministre Jean Dupont.", "fr"),
    # "show up", "show off": no one's words (was "showed [up at the rally …]" by the voters)
    ("Thousands of voters showed up at the rally in Des Moines on Monday night.", "en"),
])
def test_what_is_not_reported_speech(text, language):
    quotes = extract(text, language)
    assert quotes[quotes["kind"].isin(["indirect", "mixed"])].empty


@pytest.mark.parametrize("text, language", [
    ("Cruz said Thursday during a taping of a town hall meeting in Buffalo.", "en"),
    ("Jean Dupont a déclaré lundi lors d'un meeting à Lyon.", "fr"),
])
def test_a_day_then_a_circumstance_without_reported_words_is_no_report(text, language):
    """The words after "said Thursday during …" are where and when, not what was said (was the row
    "[during a taping of a MSNBC town hall meeting in Buffalo]", PolNeAR train): no rule's row."""
    quotes = extract(text, language)
    assert quotes[quotes["cue"] != ""].empty


@pytest.mark.parametrize("text, language, speaker", [
    # a short description before a relative pronoun is the noun phrase without it (was "A husband
    # who", FNC-1), and a phrase ending on a preposition is a time, no one (was "A day after",
    # BASIL Weiner event, HuffPost)
    ("A husband who thought he had lost a recording of his late wife has described the moment.", "en", "A husband"),
    ("Un voisin qui a affirmé que le plan était mort a voté hier soir.", "fr", "Un voisin"),
    ("A day after telling reporters he's “not going to talk about this anymore,” Congressman Anthony Weiner broke "
     "his silence.", "en", "unknown"),
])
def test_a_short_description_ends_on_its_noun(text, language, speaker):
    assert set(extract(text, language)["speaker"]) == {speaker}


@pytest.mark.parametrize("text, speaker, cue, content", [
    # "radio show", "talk show": a compound noun, not the verb (was "Mike Huckabee [show] he's
    # staying in", BASIL Akin event, and the told row was lost)
    ("Akin, though, told Fox News host Mike Huckabee on his radio show Tuesday afternoon that he's staying in "
     "the race.", "Akin", "told", "he's staying in the race"),
    ("Bob Friedman, a talk show host at the oldest radio station in Alabama, said that he noticed the shift.",
     "Bob Friedman", "said", "he noticed the shift"),
    # the verb after a plural, a modal, or in the form a singular subject takes
    ("Polls show that he is ahead in the race by ten points.", "Polls", "show", "he is ahead in the race by ten points"),
    ("The numbers will show that he is ahead in the race by ten points.", "The numbers", "show",
     "he is ahead in the race by ten points"),
    ("The survey shows that he is ahead in the race by ten points.", "The survey", "shows",
     "he is ahead in the race by ten points"),
])
def test_a_work_noun_after_a_singular_noun_is_no_verb(text, speaker, cue, content):
    rows = extract(text)
    assert rows[["speaker", "cue", "quote_text"]].values.tolist() == [[speaker, cue, content]]


@pytest.mark.parametrize("text, language, speaker, content", [
    ("Some voters, at the rally in Ohio, said he had less magnetism recently than they remembered.", "en",
     "Some voters", "he had less magnetism recently than they remembered"),
    ("Des électeurs, au meeting de Lyon, ont affirmé qu'il était moins brillant qu'ils ne le croyaient.", "fr",
     "Des électeurs", "il était moins brillant qu'ils ne le croyaient"),
])
def test_a_circumstance_between_commas_leaves_the_description_before_it_the_speaker(text, language, speaker, content):
    """"Some voters, at the rally in Ohio, said": the voters speak, not Ohio (a place after a
    preposition); and "remembered", closing the sentence inside what was said, takes no words of
    its own backwards (was the row "[Some voters, at the rally in Ohio]", PolNeAR train)."""
    quotes = extract(text, language)
    assert quotes[["speaker", "quote_text"]].values.tolist() == [[speaker, content]]


@pytest.mark.parametrize("text, language, speaker, speaker_type", [
    ("Polls show that the candidate leads in the region by ten points.", "en", "Polls", "document"),
    ("Court records show that he paid the taxes late last year.", "en", "Court records", "document"),
    ("Officials said that the plan will fail next year.", "en", "Officials", "description"),
    ("Rapports affirment que le candidat est en tête dans la région.", "fr", "Rapports", "document"),
    ("Les rapports affirment que le candidat est en tête dans la région.", "fr", "Les rapports", "document"),
])
def test_a_document_noun_opening_a_sentence_is_a_document_not_a_name(text, language, speaker, speaker_type):
    """A capital that only opens the sentence makes no name: "Polls", "Records" were people."""
    row = extract(text, language).iloc[0]
    assert (row["kind"], row["speaker"], row["speaker_type"]) == ("indirect", speaker, speaker_type)


@pytest.mark.parametrize("text, language, content, speaker", [
    ('Trump has called the 12-nation pact "insanity," and Sanders, who says it is "disastrous."', "en",
     'the 12-nation pact "insanity,"', "Trump"),
    ("Le président a qualifié le pacte de « folie », et Dupont a déclaré : « C'est un désastre pour nous ».",
     "fr", "le pacte de « folie »", "Le président"),
])
def test_the_words_before_another_speaker_s_clause_stay_this_speaker_s(text, language, content, speaker):
    reported = extract(text, language).query("kind == 'mixed'")
    assert (reported.iloc[0]["quote_text"], reported.iloc[0]["speaker"]) == (content, speaker)
    assert "Dupont" not in reported.iloc[0]["quote_text"] and "Sanders" not in reported.iloc[0]["quote_text"]


def test_a_belief_inside_what_was_said_is_not_a_cue_of_its_own():
    quotes = extract('He said that he thinks "we should all act together for the advancement of humanity".')
    assert set(quotes["cue"]) == {"said"}
    quotes = extract("Il a déclaré qu'il pense que « nous devons tous agir ensemble pour l'humanité ».", "fr")
    assert set(quotes["cue"]) == {"a déclaré"}


@pytest.mark.parametrize("text, language, quoted", [
    ("He joined a movement called “Students for Trump” last year.", "en", "Students for Trump"),
    ("The so-called “moderate rebels” were armed by the agency.", "en", "moderate rebels"),
    ("Il a rejoint une association appelée « Les Amis de la Terre » l'an dernier.", "fr", "Les Amis de la Terre"),
])
def test_a_quoted_name_after_a_naming_verb_is_a_scare_quote(text, language, quoted):
    row = extract(text, language).set_index("quote_text").loc[quoted]
    assert (row["kind"], row["speaker"], row["cue"]) == ("scare", "", "")


def test_a_quotation_is_not_given_to_a_verb_after_the_author_s_words():
    quotes = extract("Hillary Clinton says Americans are “right to be angry,” but also hungry for what she "
                     "calls “real solutions.”")
    row = quotes.set_index("quote_text").loc["right to be angry"]
    assert (row["speaker"], row["cue"]) == ("Hillary Clinton", "says")


@pytest.mark.parametrize("text, language, speaker", [
    # a question or exclamation ends the splitter's sentence; the name and verb after it close the
    # next one within a dozen words
    ("\"Why in the world would you try to cozy up to George W. Bush?\" Lichtman said about McCain's "
     "effort to downplay his connections with Bush.", "en", "Lichtman"),
    ('"Pat Kennedy is the greatest!!!" McDonough wrote in a September 16, 2012 email to top State officials.',
     "en", "McDonough"),
    ("« Qui est-il vraiment ? » Jean Dupont a écrit dans un courriel du 16 septembre à ses collègues.", "fr",
     "Jean Dupont"),
    # not when the verb opens a clause of its own ("said that …")
    ('"Why would anyone still vote for him?" Trump said that the polls were all wrong.', "en", "unknown"),
])
def test_a_verb_closing_the_sentence_after_a_question_names_its_speaker(text, language, speaker):
    assert direct(text, language)["speaker"] == speaker


@pytest.mark.parametrize("text, language, speaker", [
    # a description that ends in a lower-case noun, then a name in apposition: the name speaks
    ('"We\'re anxious," said another Twitter user, Johanna Bayer.', "en", "Johanna Bayer"),
    ("\"We found zero relationship,\" Google's chief human resources executive, Laszlo Bock, told the Times.",
     "en", "Laszlo Bock"),
    ("\"Vote for her now,\" exhorted Clinton's introducer, actress Jamie Lee Curtis.", "en", "Jamie Lee Curtis"),
    ("« Nous ne céderons rien », a déclaré le porte-parole du ministère, Jean Dupont.", "fr", "Jean Dupont"),
    ("« Nous ne céderons rien », le porte-parole du ministère, Jean Dupont, a déclaré.", "fr", "Jean Dupont"),
    ('"We will win," said Jane Doe, a lobbyist, who spoke on condition of anonymity.', "en", "Jane Doe"),
    # a name opening the sentence after a subordinating word, then an apposition that no comma
    # closes before the verb (the comma is inside the quotation marks): the name speaks
    ("As Akhil Amar, professor of constitutional law at Yale and author of ''America's Unwritten "
     "Constitution,'' put it, ''The Senate has a duty.''", "en", "Akhil Amar"),
    ("Ainsi Jean Dupont, professeur de droit à Paris a déclaré : « Le Sénat a un devoir. »", "fr", "Jean Dupont"),
    # the name may be followed by where the person works: the name speaks, not the firm
    ('"It may be spring," said another leading Supreme Court advocate, Andrew J. Pincus of the law firm '
     "Mayer Brown.", "en", "Andrew J Pincus"),
    ('"It may be spring," said Andrew J. Pincus of the law firm Mayer Brown.', "en", "Andrew J Pincus"),
    ("« Ce sera au printemps », a déclaré un autre avocat réputé, Jean Dupont du cabinet Mayer Brown.", "fr",
     "Jean Dupont"),
    ("« Ce sera au printemps », a déclaré Jean Dupont du cabinet Mayer Brown.", "fr", "Jean Dupont"),
    # but a capitalised place or organisation inside the name stays in it
    ('"It may be spring," said Bank of America chief executive Brian Moynihan.', "en", "Brian Moynihan"),
    ('"It may be spring," said Vice President of the company Jane Doe.', "en", "Jane Doe"),
    # two titles joined by a conjunction: the name after the second
    ('"It is a threat," said former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell.',
     "en", "Ed Rendell"),
    # a conjunction between two names is no title chain
    ('"It is a threat," said Gov. Ed Rendell and Sen. Bob Casey.', "en", "Ed Rendell"),
    # the name before a chain of two appositions, not a description inside the last one
    ("Mark Smith, editor at large of The Forward, an influential New York-based newspaper catering to American "
     'Jews, wrote, "We have seen this before and it ended badly."', "en", "Mark Smith"),
    ("Jean Dupont, rédacteur en chef du Monde, un quotidien influent de Paris, a écrit : « Nous avons déjà vu "
     "cela. »", "fr", "Jean Dupont"),
    # a place between commas is no apposition
    ('In Des Moines, Iowa, on Monday, Clinton said, "We have seen this before and it ended badly."', "en",
     "Clinton"),
])
def test_a_name_in_apposition_to_a_description_speaks(text, language, speaker):
    assert direct(text, language)["speaker"] == speaker


def test_speakers_are_counted_verbatim_beside_paraphrased():
    corpus = pd.DataFrame([dict(doc_id="a", outlet="A", language="en", text=(
        'Ahmad Massoud said "we need help from anyone". Massoud said that the group would fight on.'))])
    grouped = fl.group_quotes(fl.extract_quotes(corpus))
    table = fl.count_speakers(grouped).set_index("speaker")
    assert (table.loc["Ahmad Massoud", "quotes"], table.loc["Ahmad Massoud", "indirect"]) == (1, 1)
    assert table.loc["Ahmad Massoud", "speaker_id"] == "ahmad_massoud"


def test_one_speaker_id_per_person_across_spellings_outlets_and_languages():
    corpus = pd.DataFrame([
        dict(doc_id="a", outlet="A", language="en", text='Ahmad Massoud said "we need help from anyone today".'),
        dict(doc_id="b", outlet="B", language="en", text='Masoud said "we will keep fighting for our people".'),
        dict(doc_id="c", outlet="C", language="fr", text="Masoud a déclaré : « Nous ne céderons jamais rien »."),
        dict(doc_id="e", outlet="E", language="en", text='Ahmad Masoud said "any deal with them is futile".'),
        dict(doc_id="d", outlet="D", language="en", text='A Taliban spokesman said "this is not true at all".')])
    grouped = fl.group_quotes(fl.extract_quotes(corpus))
    direct = grouped[grouped["kind"] == "direct"].set_index("doc_id")
    assert direct.loc[["a", "b", "c", "e"], "speaker_id"].nunique() == 1  # spelling variant, then surname
    assert set(direct.loc[["a", "b", "c", "e"], "speaker_canonical"]) <= {"Ahmad Massoud", "Ahmad Masoud"}
    assert direct.loc["d", "speaker_id"] == "a_taliban_spokesman"  # a description is not merged into a name


# --- scare quotes ------------------------------------------------------------------------

@pytest.mark.parametrize("text, language, quoted, kind", [
    ("The “science” from the CDC was questioned by many people.", "en", "science", "scare"),
    # inside words a cue credits, a short quoted phrase is the speaker's partial quotation ...
    ("Harry Reid said the Vermont senator faced a “test of leadership” over the protests.", "en",
     "test of leadership", "direct"),
    ("The “science” from the CDC was questioned by many people, Dr. Jane Smith said.", "en", "science", "direct"),
    # ... but a title stays nobody's words
    ("Jane Smith said she watched NBC’s “Today” every morning of the week.", "en", "Today", "title"),
    ("Le journal souligne que le « chef du Front de résistance nationale » contre le régime taliban "
     "a déclaré : « Je crois que nous devons travailler ensemble ».", "fr",
     "chef du Front de résistance nationale", "scare"),
    ("Trump's 'America last' slogan was repeated by the crowd.", "en", "America last", "direct"),
    ("He was pro Kasich, he said on MSNBC’s “Morning Joe” on Wednesday.", "en", "Morning Joe", "title"),
    ('He said "we need help from anyone today".', "en", "we need help from anyone today", "direct"),
])
def test_scare_quotes_on_real_news(text, language, quoted, kind):
    row = _check_scare_or_part(extract(text, language), quoted, kind)
    assert row["cue"] == ("said" if row["part_of"] else row["cue"])


@pytest.mark.parametrize("text, language, quoted, speaker, cue", [
    # a naming or judging verb with a subject credits the short quoted words of its object
    ("Germany’s Chancellor Angela Merkel heralded the deal with Turkey as a “breakthrough.”", "en",
     "breakthrough.", "Angela Merkel", "heralded"),
    ('Fiorina routinely characterizes herself as a "change warrior" on the campaign trail.', "en",
     "change warrior", "Fiorina", "characterizes"),
    ("Clinton has increasingly decried the issue of “systemic racism” in her speeches.", "en",
     "systemic racism", "Clinton", "decried"),
    ("Le président a surnommé son rival « le petit sénateur » lors du meeting.", "fr",
     "le petit sénateur", "Le président", "a surnommé"),
    ("Le ministre a fustigé la « trahison » des élus de la majorité.", "fr", "trahison", "Le ministre",
     "a fustigé"),
    # capitalised words said of the object ("as", « comme ») are the name the speaker gives, no title
    ("Trump refers to the governor as “Chris” in every speech.", "en", "Chris", "Trump", "refers to"),
    ("Le président a décrit son rival comme « Le Fossoyeur » de la République.", "fr", "Le Fossoyeur",
     "Le président", "a décrit"),
])
def test_a_judging_verb_credits_the_quoted_words_of_its_object(text, language, quoted, speaker, cue):
    quotes = extract(text, language)
    row = _check_scare_or_part(quotes, quoted, "direct")
    assert (row["speaker"], row["cue"], bool(row["part_of"])) == (speaker, cue, True)


@pytest.mark.parametrize("text", [
    # the participle or adjective of a reporting verb before a noun reports nothing
    "Clinton leads Sanders by 270 pledged delegates in the race.",
    "There is other promising news for Trump at the county level.",
])
def test_an_adjective_is_no_reporting_verb(text):
    assert extract(text).empty


@pytest.mark.parametrize("text, language, quoted", [
    # a title after "as" without a speaker's verb is nobody's words
    ("He starred as “The Hammer” in the film.", "en", "The Hammer"),
    ("Il a joué le rôle du « Petit Prince » au théâtre.", "fr", "Petit Prince"),
])
def test_a_title_after_as_without_a_cue_stays_a_scare_quote(text, language, quoted):
    _check_scare_or_part(extract(text, language), quoted, "scare")


def _check_scare_or_part(quotes: pd.DataFrame, quoted: str, kind: str) -> pd.Series:
    """The row of ``quoted``, of ``kind``: a scare quote has no speaker nor cue; a partial quotation
    inside reported words has their speaker and cue."""
    row = quotes[quotes["quote_text"] == quoted].iloc[0]
    assert row["kind"] == kind
    if kind == "scare":
        assert row["speaker"] == "" and row["cue"] == ""
    elif row["part_of"]:  # a partial quotation inside reported words: their speaker and cue
        outer = quotes.set_index("quote_id").loc[row["part_of"]]
        assert outer["kind"] == "mixed" and row["speaker"] == outer["speaker"] != "unknown"
        assert row["cue"] == outer["cue"]
    return row


# --- PolNeAR -----------------------------------------------------------------------------

def test_polnear_dev_reads_as_a_corpus_with_gold_attributions():
    articles, gold = read_polnear("dev")
    assert len(articles) == 84 and set(articles["language"]) == {"en"}
    assert set(gold["kind"]) == {"direct", "indirect", "mixed"}
    texts = articles.set_index("doc_id")["text"]
    row = gold[gold["source_start"] >= 0].iloc[0]
    assert texts[row["doc_id"]][row["source_start"]:row["source_end"]] == row["source"]
    direct = gold[gold["kind"] == "direct"]
    first = direct["content"].str.lstrip().str[0]
    before = [texts[d][s - 1] for d, s in zip(direct["doc_id"], direct["content_start"])]
    # the content opens with a mark, or the annotator left the opening mark out of the span
    assert (first.isin(list(fl.marks.QUOTE_MARKS)) | pd.Series(before, index=direct.index).isin(
        list(fl.marks.QUOTE_MARKS))).all()
    assert (~first.isin(list(fl.marks.QUOTE_MARKS))).sum() >= 1


# --- descriptions that point back to a person ----------------------------------------------

@pytest.mark.parametrize("text, language, speaker, speaker_type", [
    ("Ahmad Massoud, the leader of the NRF, spoke in Paris on Monday. Later the leader of the NRF "
     "said: “We will fight on.”", "en", "Ahmad Massoud", "person"),
    ("White House spokesman Josh Earnest spoke first. “We disagree with that,” the spokesman said.",
     "en", "Josh Earnest", "person"),
    ("Le ministre de la Défense, Jean Dupont, est arrivé mardi. Le ministre a déclaré : « Nous restons ici. »",
     "fr", "Jean Dupont", "person"),
    # an indefinite description is someone else
    ("Josh Earnest spoke first. “No,” a spokesman said.", "en", "a spokesman", "description"),
    # two people hold the role: nobody can tell which
    ("White House spokesman Josh Earnest and campaign spokesman Eric Schultz spoke. “We disagree,” the "
     "spokesman said.", "en", "the spokesman", "description"),
    # a role inside a longer title is another role
    ("Vice President Joe Biden spoke first. “We disagree,” the president said.", "en", "the president",
     "description"),
    # a sentence's first word is no one the role was given to
    ("Ensuite, le ministre a déclaré : « Nous restons ici. »", "fr", "le ministre", "description"),
    # nor someone the document names only after the description
    ("“We disagree,” the spokesman said. Josh Earnest, the spokesman, left.", "en", "the spokesman", "description"),
    # a title before a name gives its role: written out, abbreviated, after "former" / « ancien »
    ("Mary Cheney is the daughter of former Vice President Dick Cheney. “Freedom means freedom for "
     "everyone,” the former vice president said.", "en", "Dick Cheney", "person"),
    ("Sen. Sheldon Whitehouse spoke on Monday. “We will win,” the senator said.", "en", "Sheldon Whitehouse",
     "person"),
    ("L'ancien président Nicolas Sarkozy est arrivé mardi. « Nous restons ici », a déclaré l'ancien président.",
     "fr", "Nicolas Sarkozy", "person"),
    # a role that ends a sentence is given to no one after it
    ("He would keep the law if elected president.\n\nSanders spoke next. “No,” the president said.", "en",
     "the president", "description"),
])
def test_a_description_is_the_one_person_the_document_gave_its_role(text, language, speaker, speaker_type):
    row = direct(text, language)
    assert (row["speaker"], row["speaker_type"]) == (speaker, speaker_type)


@pytest.mark.parametrize("text, language, speaker", [
    ("Gideon Kouts, however, insisted that Massoud made the comments to him.", "en", "Gideon Kouts"),
    ("Les talibans ont, à leur tour, annoncé que tout soutien américain est une violation.", "fr", "Les talibans"),
    # a longer clause between the commas is an apposition, read by its own rule
    ("Kouts, speaking to reporters in Tel Aviv on Monday, insisted that it was true.", "en", "Kouts"),
    # an aside after no name gives nobody
    ("On Monday, however, insisted that it was true.", "en", "unknown"),
    # an aside naming someone only as an owner is no subject
    ("Dick Cheney has voiced support for same-sex marriage and, mirroring Elizabeth’s stance, has said "
     "the matter should be decided by the states.", "en", "Dick Cheney"),
])
def test_the_speaker_before_a_short_aside(text, language, speaker):
    row = extract(text, language).iloc[0]
    assert (row["kind"], row["speaker"]) == ("indirect", speaker)


def test_a_titled_surname_is_the_namesake_the_document_gave_that_title():
    text = ("Mary Cheney, a daughter of former Vice President Dick Cheney, spoke first. Liz Cheney said "
            "nothing. Former Vice President Cheney has said the matter should be decided by the states.")
    row = extract(text).iloc[-1]
    assert (row["speaker"], row["speaker_mention"], row["quote_text"]) == (
        "Dick Cheney", "Cheney", "the matter should be decided by the states")


@pytest.mark.parametrize("text, language, speaker", [
    ("Some say the plan will fail badly.", "en", "Some"),
    ("Others, however, say a recalibration is overdue.", "en", "Others"),
    ("Less than a decade after George W. Bush and Dick Cheney won re-election, some in the party believe "
     "they are losing voters.", "en", "some in the party"),
    ("Certains affirment que le plan va échouer.", "fr", "Certains"),
    ("D'autres estiment que le plan va échouer.", "fr", "D'autres"),
    # a quantifier before a noun is no group alone: the noun phrase speaks
    ("Some Republicans say the plan will fail badly.", "en", "Republicans"),
    # a name after a noun ends a clause of its own: its subject speaks
    ("One of the jobs Perez talks about most is that he collected trash.", "en", "Perez"),
])
def test_an_unnamed_group_speaks_as_a_description(text, language, speaker):
    row = extract(text, language).iloc[0]
    assert (row["kind"], row["speaker"]) == ("indirect", speaker)
    assert row["speaker_type"] != "unknown"


@pytest.mark.parametrize("text, language, speaker", [
    # one unnamed person after the verb: "said one of his close friends", "said one"
    ('"I have no doubt that he is the man," said one of his close friends who identified him.', "en",
     "one of his close friends"),
    ("“It’s about a day right now,” said one.", "en", "one"),
    ("« Il n'y a aucun doute », a déclaré l'un de ses amis proches.", "fr", "l'un de ses amis proches"),
    # a verb of the mail: "emailed"
    ('An agency spokeswoman, Marsha Catron, emailed: "The suggestion is categorically false."', "en",
     "Marsha Catron"),
])
def test_one_unnamed_speaker_after_the_verb_is_a_description(text, language, speaker):
    row = direct(text, language)
    assert row["speaker"] == speaker


@pytest.mark.parametrize("text, content, speaker", [
    ("Mary Cheney has taken to Facebook over her sister's stance, The New York Times is reporting.",
     "Mary Cheney has taken to Facebook over her sister's stance", "New York Times"),
    ("Reuters is reporting that the woman is an Iraqi named Saja al-Dulaimi.",
     "the woman is an Iraqi named Saja al-Dulaimi", "Reuters"),
])
def test_an_outlet_that_is_reporting_reports(text, content, speaker):
    row = extract(text).set_index("cue").loc["is reporting"]
    assert (row["kind"], row["quote_text"], row["speaker"]) == ("indirect", content, speaker)


@pytest.mark.parametrize("text", [
    "Needless to say, the war in Afghanistan was not a war of choice.",
    "Kristol's was the harshest reaction, it should be noted, to the comments of the chairman.",
])
def test_an_idiom_holding_a_reporting_verb_reports_nothing(text):
    assert extract(text).empty


@pytest.mark.parametrize("text, language, speaker, content", [
    # a participle phrase opens the sentence; the verb after "but" has its words after it
    ("The backlash built quickly. Speaking on \"Fox News Sunday,\" Sen. Jim DeMint, R-S.C., would not go "
     "that far but said Steele must apologize to the troops.", "en", "Jim DeMint", "Steele must apologize to the troops"),
    ("Speaking at a town hall event in Salem, New Hampshire, Trump went after Bush, and said Bush was weak.",
     "en", "Trump", "Bush was weak"),
    ("S'exprimant sur France Inter, le ministre Jean Dupont a déclaré que le plan va échouer.", "fr",
     "Jean Dupont", "le plan va échouer"),
])
def test_an_opening_participle_phrase_names_nobody(text, language, speaker, content):
    rows = extract(text, language)
    row = rows[rows["kind"] == "indirect"].iloc[0]
    assert (row["speaker"], row["quote_text"]) == (speaker, content)


def test_capitalised_quoted_words_where_someone_spoke_are_a_title():
    rows = extract("Weekly Standard Editor Bill Kristol said on \"Fox News Sunday\" that Steele still needs to go.")
    assert rows.set_index("kind").loc["title", "quote_text"] == "Fox News Sunday"
    assert rows.set_index("kind").loc["indirect", "speaker"] == "Bill Kristol"


@pytest.mark.parametrize("text, speaker, title", [
    ("Director of National Intelligence James R. Clapper said the plan would fail.", "James R Clapper",
     "Director of National Intelligence"),
    ("UMWA Director of Government Affairs Phil Smith said the plan would fail.", "Phil Smith",
     "UMWA Director of Government Affairs"),
    # a complement with no name after it: the name is elsewhere
    ("Tim Farron, President of the Liberal Democrats, said the plan would fail.", "Tim Farron", ""),
    ("In August, Chairman of the Joint Chiefs of Staff, Gen. Martin Dempsey, warned that the border was open.",
     "Martin Dempsey", "Gen"),
])
def test_a_title_s_complement_is_no_part_of_the_name(text, speaker, title):
    row = extract(text).iloc[0]
    assert (row["speaker"], row["speaker_title"]) == (speaker, title)


@pytest.mark.parametrize("text, speaker", [
    ("“Extremist ideas are spreading decay on earth,” said al-Sheikh, “and are not in any way part of Islam.”",
     "al-Sheikh"),
    # a description opening its sentence, a relative clause or a participle phrase after it
    ("But a senior army officer in the northeast, who asked to remain anonymous, said: \"Honestly, we are "
     "yet to receive any operational order on the ceasefire.\"", "a senior army officer"),
    ("The note, calling for parents to look past gender stereotypes, says: “The urge to create is equally "
     "strong in all children.”", "The note"),
    # not a description in the object of another verb, and not over the name the clause gives
    ("Sen. Ted Cruz weighed in on allegations against Donald Trump’s campaign manager, who allegedly "
     "assaulted a reporter last week, calling it \"a fireable offense for anyone.\"", "Ted Cruz"),
    ("The woman, who is known only as Lana, describes herself as a feminist. She said: “I don’t hate men, "
     "I hate what men turn into.”", "Lana"),
    ("A police spokesman, who called on the attackers to hand themselves in, said: \"As deplorable as these "
     "crimes are, let us remain calm.\"", "A police spokesman"),
])
def test_the_speaker_of_a_quotation_on_real_news(text, speaker):
    rows = extract(text)
    assert rows.loc[rows["kind"] == "direct", "speaker"].iloc[0] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Sen. Mark Udall and Sen. Ron Wyden spoke on Monday. On Friday, Mr. Udall and Mr. Wyden released a "
     "joint statement. “More information should be declassified as well,” they said.", "Mark Udall and Ron Wyden"),
    # the group must be named in this sentence or the one before
    ("Eric Garner and Tamir Rice became familiar names in the movement. The protesters also paid "
     "tribute to others. As they marched, they said the killings had to stop.", "unknown"),
    # a coordination of names is no one's full name ("Beruff" is not "Wilcox and Beruff")
    ("Wilcox and Beruff argued that the department is not needed. Beruff said the schools could do it.", "Beruff"),
])
def test_they_stands_for_the_names_coordinated_just_before(text, speaker):
    assert extract(text).iloc[-1]["speaker"] == speaker


def test_an_anonymity_formula_reports_nothing():
    rows = extract("But a senior army officer in the northeast, who asked to remain anonymous, said the "
                   "ceasefire was holding.")
    assert rows[["kind", "verb", "quote_text"]].values.tolist() == [["indirect", "said", "the ceasefire was holding"]]


def test_a_title_with_a_possessive_is_no_empty_name():
    # "the Queen's gardens": the title matched, and nothing of a name was left after the
    # possessive (this raised IndexError in pronoun resolution on an FNC-1 body)
    quotes = extract("He was filming in the Queen's gardens when the fungi has been found growing in the grounds.")
    assert "" not in set(quotes.loc[quotes["kind"] != "scare", "speaker"])


@pytest.mark.parametrize("text, language, content, speaker, cue", [
    ("O’Malley’s move was first reported by MSNBC.", "en", "O’Malley’s move", "MSNBC", "reported"),
    ("The meeting was first reported by Politico on Friday.", "en", "The meeting", "Politico", "reported"),
    ("News of the move has been confirmed by the Miami Herald.", "en", "News of the move", "the Miami Herald",
     "confirmed"),
    ("Le plan de relance a été annoncé par le ministère.", "fr", "Le plan de relance", "le ministère",
     "a été annoncé"),
])
def test_a_passive_with_an_agent_reports_its_subject(text, language, content, speaker, cue):
    reported = extract(text, language)
    row = reported[reported["cue"] != ""].iloc[0]
    assert (row["kind"], row["quote_text"], row["speaker_mention"], row["cue"]) == ("indirect", content, speaker, cue)


@pytest.mark.parametrize("text, language", [
    ("The bill was passed by the Senate.", "en"),                       # not a reporting verb
    ("A deal that was rejected by large majorities will not play well.", "en"),  # no subject left
    ("The victim was attacked by a dog.", "en"),                         # an evaluating verb
    ("La loi a été votée par le Sénat.", "fr"),
    ("Le plan a été annoncé lundi dans la capitale.", "fr"),             # a passive without an agent
])
def test_a_passive_without_reported_words_reports_nothing(text, language):
    quotes = extract(text, language)
    assert quotes[quotes["kind"].isin(["indirect", "mixed"]) & (quotes["cue"] != "")].empty


@pytest.mark.parametrize("text, language, speaker", [
    # a clause opening the sentence is no name an apposition describes: not "Chicago and Boston"
    ("After the mayors of Chicago and Boston heaped scorn upon the company, the mayor of Washington, DC, "
     "suggested that the chain was not welcome in the city.", "en", "the mayor of Washington"),
    ("After the mayors of Chicago and Boston heaped scorn upon the company, the mayor of Springfield, in Ohio, "
     "said that the chain was not welcome in the city.", "en", "the mayor of Springfield"),
    ("Après les critiques des maires de Lyon et de Lille contre l'entreprise, le maire de Bordeaux, en Gironde, "
     "a déclaré que la chaîne n'était pas la bienvenue.", "fr", "le maire de Bordeaux"),
    # a name that closes its segment still heads the chain of appositions
    ("Jane Goldberg, editor at large of The Forward, an influential newspaper, wrote that the party had lost "
     "its way.", "en", "Jane Goldberg"),
])
def test_a_clause_before_a_description_does_not_speak(text, language, speaker):
    rows = extract(text, language)
    assert rows.loc[rows["verb"] != "", "speaker"].tolist() == [speaker]


@pytest.mark.parametrize("text, language", [
    ("Bringing the show back three years later was appropriate, producers decided.", "en"),
    ("Le ministre a laissé une note que les conseillers ont lue dimanche.", "fr"),
])
def test_a_listed_verb_after_an_article_or_a_possessive_is_a_noun(text, language):
    rows = extract(text, language)
    assert not rows["verb"].isin(["show", "note"]).any()


def test_a_listed_verb_after_a_word_that_stands_alone_is_still_a_verb():
    rows = extract("This shows that the poll was wrong. Another said that it was right.")
    assert rows[["verb", "quote_text"]].values.tolist() == [
        ["shows", "the poll was wrong"], ["said", "it was right"]]


@pytest.mark.parametrize("text, language, speaker, speaker_type", [
    # a role noun capitalised because it opens the sentence heads a description, not a name
    ("Critics of the plan argue that it will fail.", "en", "Critics of the plan", "description"),
    ("Supporters of the senator say that he will run.", "en", "Supporters of the senator", "description"),
    ("Officials said that the road would reopen.", "en", "Officials", "description"),
    ("Des responsables du ministère ont déclaré que la route rouvrirait.", "fr", "Des responsables du ministère",
     "description"),
    # a title before a name stays a title; a role noun opening a short quotation is its words
    ("President Obama said that the road would reopen.", "en", "Obama", "person"),
    ("Secretary of State John Kerry said that the road would reopen.", "en", "John Kerry", "person"),
    ('"People are angry," said Jason Ervin, a city alderman.', "en", "Jason Ervin", "person"),
])
def test_a_description_opening_the_sentence_speaks_as_a_description(text, language, speaker, speaker_type):
    row = extract(text, language).iloc[0]
    assert (row["speaker"], row["speaker_type"]) == (speaker, speaker_type)


@pytest.mark.parametrize("text, language, rows", [
    # a second reporting verb with its own clause: the first one's words end before that clause
    ("She said she has no plans to change her vote, but she said she reserves the right to reconsider.", "en",
     [("she has no plans to change her vote", "said"), ("she reserves the right to reconsider", "said")]),
    ("Many voters said the debate changed nothing, while others said they could still change their minds.", "en",
     [("the debate changed nothing", "said"), ("they could still change their minds", "said")]),
    ("Le ministre a déclaré que la réforme était utile, mais le député a affirmé que le texte restait flou.", "fr",
     [("la réforme était utile", "a déclaré"), ("le texte restait flou", "a affirmé")]),
    # a verb after a coordinator goes on with the subject's clause: it reports its own words
    ("Hewitt argued that liberals allowed terrorism to flourish, but suggested Trump went too far.", "en",
     [("liberals allowed terrorism to flourish", "argued"), ("Trump went too far", "suggested")]),
    ("Le ministre a annoncé la fermeture de la frontière, mais a critiqué Dupont.", "fr",
     [("la fermeture de la frontière", "a annoncé"), ("Dupont", "a critiqué")]),
    # a participle clause after the verb reports again: the words before the verb are the verb's
    ("Washington did not complain when China's spending helped growth, a Chinese official said, adding "
     "that the impact was hard to estimate.", "en",
     [("Washington did not complain when China's spending helped growth", "said"),
      ("the impact was hard to estimate", "adding")]),
    ("The plan was good for the city, Smith said on Monday, adding that it would pass.", "en",
     [("The plan was good for the city", "said"), ("it would pass", "adding")]),
    ("Le plan était bon pour la ville, a déclaré un responsable chinois, ajoutant que le vote aurait lieu lundi.",
     "fr", [("Le plan était bon pour la ville", "a déclaré"), ("le vote aurait lieu lundi", "ajoutant")]),
    # a capitalised object of a judging verb is its object, not a circumstance closing the sentence
    ("Early in his campaign, Trump attacked Romney, calling him a failure.", "en",
     [("Romney", "attacked"), ("him a failure", "calling")]),
])
def test_two_reports_in_one_sentence_each_keep_their_words(text, language, rows):
    quotes = extract(text, language)
    reported = quotes[quotes["kind"].isin(["indirect", "mixed"]) & (quotes["cue"] != "")]
    assert list(zip(reported["quote_text"], reported["cue"])) == rows


def test_a_verb_closing_a_quotation_that_opened_sentences_before_reports_nothing_else():
    quotes = extract("Here is one example: The agency ''only counts 'large' offices, by floor area. By only "
                     "counting large rather than all offices, this lets firms hide many of them,'' the report says.")
    assert list(quotes["kind"]) == ["direct", "scare"]
    assert quotes["speaker"].iloc[0] == "the report"


def test_a_relative_clause_s_verb_reports_the_words_after_it():
    # "…, a step that has stirred objections from lawmakers who have warned Obama not to …": the
    # words before the comma are the author's (BASIL's 2013 gun-control event, Fox News)
    quotes = extract("The president signed the actions, a step that stirred objections from lawmakers who have "
                     "warned Obama not to overstep his bounds.")
    assert not quotes["quote_text"].str.startswith("The president").any(), quotes[["cue", "quote_text"]].to_string()


def test_a_verb_inside_a_quotation_after_an_unclosed_mark_reports_nothing():
    quotes = extract("Mr. Obama said a task force had “presented me with a list of steps. He added: “My starting "
                     "point is not to worry about the politics. My starting point is what works.”")
    assert "worry" not in set(quotes["cue"]), quotes[["cue", "quote_text"]].to_string()
    assert quotes[quotes["kind"] == "direct"]["speaker"].tolist() == ["Obama"]


def test_an_opening_circumstance_before_a_participle_clause_is_nobody_s_words():
    quotes = extract("On Tuesday, as shares were tumbling, Mr. Ackman wrote to investors, telling them the "
                     "stock was cheap.")
    assert not quotes["quote_text"].str.startswith("On Tuesday").any(), quotes[["cue", "quote_text"]].to_string()


@pytest.mark.parametrize("text, language, speaker, content", [
    # an apposition after an inverted speaker may hold a plural possessive: no quotation mark
    ("Asawitiri Media uses the same photo over and over again, said Rita Katz, the director of SITE "
     "Intelligence Group, which tracks terrorists' communications.", "en", "Rita Katz",
     "Asawitiri Media uses the same photo over and over again"),
    # a capitalised article after the verb opens the reported clause, not a circumstance ("said Tuesday")
    ("As Donald Trump began tweeting his new nickname for Clinton, his son said The Donald is just getting started.",
     "en", "his son", "The Donald is just getting started"),
    # "…, X, head of Y, said in an interview that …": the words after "that", not the apposition
    ("Sherrilyn Ifill, head of the NAACP Legal Defense Fund, said in an interview that trials, with expert "
     "witnesses, were instrumental.", "en", "Sherrilyn Ifill", "trials, with expert witnesses, were instrumental"),
    # a description right before the verb speaks, not the dateline or a place two commas back
    ("BEIRUT, Oct 17 (Reuters) - Iraqi pilots are training members of the group to fly jets, a group "
     "monitoring the war said on Friday.", "en", "a group",
     "BEIRUT, Oct 17 (Reuters) - Iraqi pilots are training members of the group to fly jets"),
    ("Hamdy, a mother of three and project manager at IBM, was also headed to Cairo, her friend said.", "en",
     "her friend", "Hamdy, a mother of three and project manager at IBM, was also headed to Cairo"),
    ("PARIS, 17 octobre (Reuters) - Les pilotes entraînent des membres du groupe, a déclaré un groupe de "
     "surveillance vendredi.", "fr", "un groupe",
     "PARIS, 17 octobre (Reuters) - Les pilotes entraînent des membres du groupe"),
    # a capitalised modifier before a role noun describes the name before a relative clause
    ("Glyn Davies, U.S. special representative for North Korean policy, who is visiting the region, said the "
     "refusal was a sign of weakness.", "en", "Glyn Davies", "the refusal was a sign of weakness"),
    # French writes the apposition in lower case: read before the rule above too (a guard)
    ("Jean Dupont, envoyé spécial des États-Unis, qui visite la région, a déclaré que le refus était un signe "
     "de faiblesse.", "fr", "Jean Dupont", "le refus était un signe de faiblesse"),
    ("However, NASA asteroid expert Don Yeomans, author of a book on comets, says that outside experts doubt "
     "it.", "en", "Don Yeomans", "outside experts doubt it"),
    # a participle phrase between commas after a description: the description speaks, not the place
    # in the phrase (BASIL's 2013 gun-control event, Fox News: was "White House")
    ("The president, speaking at the White House, said he would use the full weight of his office.", "en",
     "The president", "he would use the full weight of his office"),
    ("Le président, s'exprimant à la Maison Blanche, a déclaré que le plan était prêt.", "fr", "Le président",
     "le plan était prêt"),
    # but a time is no description, and a description that a relative clause follows is the name's
    ("Reince Priebus, the GOP chairman, this past week announced the creation of a website.", "en",
     "Reince Priebus", "the creation of a website"),
    ("''You are going to see a variety of tactics,'' said Elizabeth Arnold, 32, a former staff member for "
     "the campaign in Philadelphia who said she planned to march.", "en", "Elizabeth Arnold", "she planned to march"),
])
def test_the_speaker_and_the_words_of_a_report_around_commas(text, language, speaker, content):
    quotes = extract(text, language)
    row = quotes[quotes["quote_text"] == content]
    assert list(row["speaker"]) == [speaker], quotes[["speaker", "cue", "quote_text"]].to_string()


def test_a_name_given_is_no_report_of_the_rules(monkeypatch):
    # "called" names the group here; the sentence model, a probability, reads this sentence at 0.53
    # (threshold 0.5, chosen by cross-validation), so the rules are tested without it
    monkeypatch.setattr(extraction, "sentence_model", lambda language: None)
    quotes = extract("A group called the Friends of the Earth met on Monday in the capital.")
    assert quotes.empty


def test_per_names_a_source_only_before_a_determiner_or_a_name():
    """PolNeAR train: 22 rows read "per" as "according to", 17 of them wrong ("a $10,000 donation
    per person", "$70 per square foot"): before a bare noun "per" gives a rate, not a source."""
    rows = extract("The first fundraiser requires a $10,000 donation per person from every guest. "
                   "Rents reached $70 per square foot in the district last year. "
                   "She had moved to Egypt several years ago, per CTV News. "
                   "Per the report, sales rose sharply in the third quarter.")
    assert rows[["cue", "speaker"]].values.tolist() == [["per", "CTV News"], ["Per", "the report"]]


@pytest.mark.parametrize("text, language, speaker", [
    # a short quotation's words before the subject are not the speaker's name ("the event police")
    ("The department has “adequate resources for the event,” police said on Monday.", "en", "police"),
    ("The department has “adequate resources for the event,” officials said.", "en", "officials"),
    ("Nous avons « les moyens nécessaires pour cet événement », a déclaré la police lundi.", "fr", "la police"),
])
def test_the_subject_after_a_quoted_clause(text, language, speaker):
    rows = extract(text, language)
    assert len(rows) and set(rows["speaker"]) == {speaker}


@pytest.mark.parametrize("text, speaker", [
    # a clause ending on a day is no name an apposition describes ("Canada's National War Memorial" spoke)
    ("A gunman opened fire at Canada's National War Memorial on Wednesday, killing one soldier, "
     "Ottawa police said.", "Ottawa police"),
    ("A gunman opened fire at Canada's National War Memorial on Wednesday, killing one soldier, "
     "officials said.", "officials"),
    # the last of two nouns heads the description after the verb ("a police", "a campaign")
    ("The suspect fled the scene before dawn, said a police source.", "a police source"),
    ("The plan is dead on arrival, said a campaign spokesman.", "a campaign spokesman"),
    # a noun after a name, in a phrase a determiner opens, heads the description: not the adjective
    # "Saudi Arabian" (FNC-1), "Syrian", "Republican"
    ("DUBAI - A prominent Saudi Arabian cleric said building snowmen was forbidden.", "A prominent Saudi Arabian cleric"),
    ("The Syrian government said the convoy had been attacked.", "The Syrian government"),
    ("A Republican congressman said the plan was dead on arrival.", "A Republican congressman"),
    # an adverb before the verb is no head of the description (was "The Department of Homeland Security flatly")
    ("The Department of Homeland Security flatly denied that the men had crossed.", "Department of Homeland Security"),
    # a description is never cut inside a name (was "… County Prosecutor Bob", BASIL's Ferguson event)
    ("A spokesman for St. Louis County Prosecutor Bob McCulloch said there was no timeline.",
     "A spokesman for St Louis County Prosecutor Bob McCulloch"),
])
def test_a_description_speaks_whole_and_a_day_is_no_name(text, speaker):
    assert set(extract(text)["speaker"]) == {speaker}


@pytest.mark.parametrize("text, speaker", [
    # a circumstance right after the verb: the subject before it speaks, not the day or the outlet
    ("Facebook created the tool for times of crisis, a spokeswoman, Anna White, said on Saturday.", "a spokeswoman"),
    ("Corey Lewandowski, a Manafort rival, said on CNN, where he is now a paid contributor, that "
     "Manafort should be held to account.", "Corey Lewandowski"),
    ("Canseco's fiancee, Leila Knight, tweeted from his account late Tuesday night, saying he was "
     "still in surgery.", "Leila Knight"),
])
def test_a_circumstance_after_the_verb_is_not_the_speaker(text, speaker):
    assert set(extract(text)["speaker"]) == {speaker}


@pytest.mark.parametrize("text, speaker", [
    # a month may end a name ("Theresa May"); a day may not, nor a date after a preposition
    ("Theresa May, the prime minister, said the deal was done.", "Theresa May"),
    ("In December, the prince called for Trump to drop out of the race.", "the prince"),
])
def test_dates_are_no_names(text, speaker):
    rows = extract(text)
    assert set(rows.loc[rows["cue"] != "", "speaker"]) == {speaker}  # the rules' rows (model rows name nobody)


def test_a_sentence_opened_by_a_day_has_no_name_for_its_subject():
    """PolNeAR train credited two of Ben Carson's quotations ("…,” he said) to "Speaking Sunday"."""
    from analysis.quotes.coreference import sentence_subjects
    from analysis.text import split_sentences

    text = ("Speaking Sunday on ABC television, Carson admitted that the name was wrong. "
            "Later on Sunday, Carson shared a syllabus.")
    subjects = sentence_subjects(text, text, split_sentences(text, "en"), quote_rules("en"))
    assert [name for _, name in subjects] == ["Carson"]


def test_a_comma_closing_quoted_words_ends_the_opening_clause():
    """BASIL's vice-presidential debate (The New York Times): Ryan's line went to Biden, the name
    of a "When …" clause whose comma sat inside the closing mark."""
    text = ("“I love that,” Mr. Biden said. When Mr. Biden went after Mr. Romney’s remark about the “47 percent,” "
            "Mr. Ryan reminded the vice president of his own gaffes. “I think the vice president very well knows "
            "that sometimes the words don’t come out of your mouth the right way,” he said with a smile.")
    rows = extract(text)
    direct = dict(zip(rows.loc[rows["kind"] == "direct", "quote_text"].str[:12], rows.loc[rows["kind"] == "direct", "speaker"]))
    assert direct == {"I love that": "Biden", "47 percent": "unknown", "I think the ": "Ryan"}
    # a whole quotation's own comma is not the author's: "she" is still the sentence's subject
    rows = extract("Sullivan wrote to Clinton. Clinton seemed irritated: “It's done,” she wrote.")
    assert set(rows.loc[rows["kind"] == "direct", "speaker"]) == {"Clinton"}


@pytest.mark.parametrize("text, language, speaker, speaker_type", [
    # FNC-1 bodies: a description after the verb, whatever its noun, with or without a comma
    ("“I wish to continue preaching” says the elderly cleric.", "en", "the elderly cleric", "description"),
    ('"No sister gave birth to a child," said the abbess.', "en", "the abbess", "description"),
    ("“We will win,” said an abbess who asked not to be named.", "en", "an abbess", "description"),
    ("“Our Marshal continues to lead,” said the narrator of a documentary called “Improving Lives,” showing "
     "footage.", "en", "the narrator", "description"),
    ("“We will win” said the senator.", "en", "the senator", "description"),
    ("« Nous gagnerons », a dit l'abbesse.", "fr", "l'abbesse", "description"),
    ("« Nous gagnerons » a dit l'avocat.", "fr", "l'avocat", "description"),
    ("« Nous ne partirons pas », a déclaré le Haut représentant.", "fr", "le Haut représentant", "description"),
    # a guard: a name stays a name
    ("“We will win” said Obama.", "en", "Obama", "person"),
])
def test_a_short_description_after_the_verb_speaks(text, language, speaker, speaker_type):
    row = direct(text, language)
    assert (row["speaker"], row["speaker_type"]) == (speaker, speaker_type)


@pytest.mark.parametrize("text, language", [
    # what follows those verbs is their object, not who speaks
    ("A German news organization called “The Local” cited that Merkel’s fall in approval ratings was "
     "attributed to her leadership.", "en"),
    ("Serafinowicz has starred in “Parks and Recreation” and “Guardians of the Galaxy,” posted the clip to "
     "YouTube on Thursday.", "en"),
    ('Roffman, who estimates that his legal costs were "in the seven figures," described the emotional impact '
     'as "horrendous."', "en"),
])
def test_an_object_after_the_verb_is_no_description_that_speaks(text, language):
    rows = extract(text, language)
    assert not rows["speaker"].str.contains("Merkel’s fall|the clip|the emotional impact", regex=True).any()


@pytest.mark.parametrize("text, language, speaker", [
    ("L'avocat du groupe a déclaré que la situation était grave.", "fr", "L'avocat du groupe"),
    ("L'entourage du président a affirmé que la situation était grave.", "fr", "L'entourage du président"),
    ("Le représentant de l'ONU a déclaré que la situation était grave.", "fr", "Le représentant de l'ONU"),
    ("Democratic lawmakers said that the bill is dangerous.", "en", "Democratic lawmakers"),
    ("Gowdy’s office said that the bill is dangerous.", "en", "Gowdy’s office"),
    # guards: a name before an adverb, a verb or a possessive's words stays the name
    ("Trump frequently said that the bill is dangerous.", "en", "Trump"),
    ("Clinton’s response was: “The bill is dangerous.”", "en", "Clinton"),
])
def test_an_elided_article_and_a_noun_after_a_name_head_the_description(text, language, speaker):
    rows = extract(text, language)
    assert set(rows.loc[rows["cue"] != "", "speaker"]) == {speaker}  # the rules' rows (model rows name nobody)


@pytest.mark.parametrize("text, speaker", [
    ("Professor Crawley replies: “That depends what you mean.”", "Professor Crawley"),
    ("Titchmarsh jokingly replies: “I think I’ll forgo that.”", "Titchmarsh"),
    ("The crowd cheers, and then Wallnau continues: “God has given this man an anointing.”", "Wallnau"),
])
def test_a_verb_ending_a_colon_clause_is_no_noun_of_the_name_before_it(text, speaker):
    """FNC-1 and PolNeAR train: "Professor Crawley replies: “…”" was credited to "Professor Crawley
    replies" once a plural-looking word after a name could head a description."""
    assert direct(text)["speaker"] == speaker


@pytest.mark.parametrize("text, language, speaker", [
    ("“We will not stop,” said one of the protesters, adding that the police had been violent.", "en",
     "one of the protesters"),
    ("“We will not stop,” said the abbess, adding that the police had been violent.", "en", "the abbess"),
    ("« Nous ne partirons pas », a dit l'avocate, ajoutant que la police avait été violente.", "fr", "l'avocate"),
])
def test_a_participle_after_an_inverted_speaker_has_that_speaker(text, language, speaker):
    rows = extract(text, language)
    assert rows.loc[rows["kind"] == "indirect", "speaker"].tolist() == [speaker]


@pytest.mark.parametrize("text, language, contents", [
    # PolNeAR train: a relative clause between commas is no parenthetical, and its reported words
    # end at its closing comma
    ("Barkley, who said he typically votes democratic, said one candidate he likes is John Kasich.", "en",
     ["he typically votes democratic", "one candidate he likes is John Kasich"]),
    ("Former candidate Bernie Sanders, who on Tuesday endorsed Clinton, said Wednesday he agrees with her.", "en",
     ["Clinton", "he agrees with her"]),
    ("Democratic lawmakers, who have warned that the bill is dangerous, met on Monday.", "en",
     ["the bill is dangerous"]),
    ("Le député, qui a affirmé que la réforme était une erreur, a quitté la salle.", "fr",
     ["la réforme était une erreur"]),
    # FNC-1: a verb deeper in the clause reports nothing past its closing comma (was "lives near …",
    # credited to "his identity not be")
    ("The man, who asked that his identity not be revealed, lives near the site of the shooting.", "en",
     ["his identity not be revealed"]),
    # a guard: the parenthetical it is not
    ("The economy, he said, is weak and getting weaker.", "en", ["The economy, he said, is weak and getting weaker"]),
])
def test_a_relative_clause_reports_up_to_its_closing_comma(text, language, contents):
    rows = extract(text, language)
    assert rows.loc[rows["cue"] != "", "quote_text"].tolist() == contents


@pytest.mark.parametrize("text, language, speaker", [
    # BASIL's Arpaio endorsement (The New York Times): a county's state between commas is no name
    ("On Tuesday he won an endorsement from Sheriff Joe Arpaio of Maricopa County, Ariz., who unabashedly "
     "calls himself the “toughest sheriff” in the country.", "en", "Joe Arpaio"),
    ("With a month to go, the Texas governor is trying to shore up his credentials: On Tuesday he won an "
     "endorsement from one of the most outspoken officials on that issue: Sheriff Joe Arpaio of Maricopa "
     "County, Ariz., who unabashedly calls himself the “toughest sheriff” in the country.", "en", "Joe Arpaio"),
    # a guard: the verb after the relative clause found its speaker before
    ("Senator Bernie Sanders of Vermont, who had opposed a similar effort, said the bill was flawed.", "en",
     "Bernie Sanders"),
])
def test_a_place_after_a_name_leaves_the_name_before_a_relative_clause(text, language, speaker):
    rows = extract(text, language)
    assert set(rows.loc[rows["cue"] != "", "speaker"]) == {speaker}


@pytest.mark.parametrize("text, language, speaker", [
    # BASIL's Arpaio endorsement: a pronoun after an opening phrase with no comma is the subject
    ("Rick Perry spoke in Iowa. On Tuesday he repeated his apology for that comment, calling it “very "
     "inappropriate,” his latest effort.", "en", "Rick Perry"),
    # guards: a pronoun inside an opening clause is that clause's, the name after the comma speaks
    ("After he blasted the film, Pastor Jane Doe has now set her sights on the Scouts, calling them "
     "“radical.”", "en", "Pastor Jane Doe"),
])
def test_a_pronoun_after_an_opening_phrase_without_a_comma_is_the_subject(text, language, speaker):
    rows = extract(text, language)
    assert set(rows.loc[rows["kind"] == "direct", "speaker"]) == {speaker}


@pytest.mark.parametrize("text, speaker, speaker_type", [
    # BASIL's Sestak event (Fox News) and FNC-1 bodies: a document "reads" the words after it
    ('"There have been numerous instances in the past," the report read. "Such discussions are fully '
     'consistent with the law."', "the report", "document"),
    ('"By virtue of his career, Congressman Sestak was viewed to be highly qualified," a memo detailing the '
     "findings reads.", "a memo", "document"),
    ("“There are invertebrates that have shown more spine than Sen. Charles Grassley,” reads a Wednesday "
     "editorial in The Des Moines Register.", "a Wednesday editorial", "document"),
    # a guard: a capitalised "Read" after a quotation is a surname
    ('Pfizer chief executive Ian Read said the company had heard the debate. "On the political risk, we have '
     'assessed this deal with care," Read said.', "Ian Read", "person"),
])
def test_a_document_reads_the_quotation_before_it(text, speaker, speaker_type):
    rows = extract(text)
    assert set(zip(rows.loc[rows["kind"] == "direct", "speaker"], rows.loc[rows["kind"] == "direct", "speaker_type"])) \
        == {(speaker, speaker_type)}


@pytest.mark.parametrize("text", [
    # "read" reports only right after a quotation, in its sentence
    "Read the rest of the story at The New York Post. I had prepared a short statement to read in court.",
    'He wore a shirt that read "Fascist Trump," and left the rally early on Monday.',
    # BASIL's Benghazi event (HuffPost): an opening mark left unpaired is no closing one
    '"I recommend that every member read the classified version, which goes into greater detail.',
    "The site wrote that the “story is a hoax.” Most people just read the headline and spread the “news” "
    "that the actor was dead.",
])
def test_read_elsewhere_reports_nothing(text):
    rows = extract(text)
    assert "read" not in set(rows["verb"]) and not (rows["speaker"].isin(["Most people", "He"])).any()


@pytest.mark.parametrize("text, language, speaker, speaker_type", [
    # BASIL's Sestak event (New York Times): a title word opening an organisation's name is no title
    ("The Justice Department wrote Mr. Issa last week that it did not need a special prosecutor.", "en",
     "Justice Department", "organisation"),
    ("La Maison Blanche a affirmé que le plan était parfaitement légal.", "fr", "Maison Blanche", "organisation"),
    # PolNeAR train and FNC-1: "House" makes an organisation only as the name's last word
    ("The president was wrong, the White House said on Friday.", "en", "White House", "organisation"),
    ("Le ministère de la Justice a affirmé que le plan était parfaitement légal.", "fr",
     "Le ministère de la Justice", "organisation"),
    # guards: a person of an organisation is a person, a group of people a description
    ("Mujtaba Rahman of the Eurasia Group said the attacks would increase xenophobic sentiment.", "en",
     "Mujtaba Rahman", "person"),
    ("A group of protesters said the plan was illegal and unfair.", "en", "A group of protesters", "description"),
    ("House Speaker Paul Ryan said the plan was illegal and unfair.", "en", "Paul Ryan", "person"),
])
def test_an_organisation_is_named_by_its_head_word(text, language, speaker, speaker_type):
    row = extract(text, language).iloc[0]
    assert (row["speaker"], row["speaker_type"]) == (speaker, speaker_type)


@pytest.mark.parametrize("text, language, speaker", [
    # PolNeAR train: a name ending in an organisation's name is still a person a pronoun stands for
    ("House Intelligence Republican Mike Pompeo (R-Kans.), who has seen the messages, agreed with that "
     "point. “Some of the information contained in these emails presents risk,” he said.", "en", "Mike Pompeo"),
    ("''There's no way we can keep the promises,'' said Mr. Burman of the Tax Policy Center. Republicans "
     "disagree. ''I think we will have a consumption tax,'' he said.", "en", "Burman of the Tax Policy Center"),
    # a guard (PolNeAR train): a document's quotation, gone on in the next one, leaves "he" to the
    # person before it (the first version of "the email read" made the email his antecedent)
    ('Sanders said on Saturday that he would fight on. "Our revolution has forced her to change her mind," read the email. "And '
     'with every vote we grow stronger." On Thursday, he hedged, telling MSNBC that his support would '
     "depend on her platform.", "en", "Sanders"),
])
def test_a_pronoun_stands_for_a_person_not_an_organisation_or_document(text, language, speaker):
    rows = extract(text, language)
    last = rows[rows["speaker_mention"].str.casefold() == "he"].iloc[-1]
    assert last["speaker"].endswith(speaker)


@pytest.mark.parametrize("text, language, speaker", [
    # BASIL's Wal-Mart event and PolNeAR train: a quantifier or a number before a plural noun is a
    # group that speaks (was `unknown`)
    ("Two lower courts said the case could move toward trial.", "en", "Two lower courts"),
    ("Some justices said the case could move toward trial.", "en", "Some justices"),
    ("Several senators said they’re willing to let bygones be bygones.", "en", "Several senators"),
    # guards: French read these already; an adverb between is no part of
    # the group; a quantifier alone still speaks
    ("Plusieurs manifestants ont affirmé que la réforme était une erreur.", "fr", "Plusieurs manifestants"),
    ("Trois associations ont déclaré que la réforme était une erreur.", "fr", "Trois associations"),
    ("Two weeks later officials said the case could move toward trial.", "en", "officials"),
    ("Some say the case could move toward trial.", "en", "Some"),
])
def test_a_quantified_plural_noun_is_a_group_that_speaks(text, language, speaker):
    row = extract(text, language).iloc[0]
    assert (row["speaker"], row["speaker_type"]) == (speaker, "description")


@pytest.mark.parametrize("text, speaker", [
    # BASIL's Wal-Mart event (The New York Times): "the chief justice" is a description that points
    # back to the one person titled so (was "The chief"); a judge is a role like any other
    ("Chief Justice John G. Roberts Jr. spoke first. The chief justice also asked Mr. Sellers “how many "
     "examples of abuse need to be shown?”", "John G. Roberts Jr"),
    ("The judge rubbed his chin, and then said the case was very strange.", "The judge"),
    # a guard: the title before a name is still a title
    ("Justice Antonin Scalia said he was whipsawed by the claims.", "Antonin Scalia"),
])
def test_a_judge_or_justice_is_a_role(text, speaker):
    assert set(extract(text)["speaker"]) == {speaker}
