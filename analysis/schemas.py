"""Every table that passes between stages or is written to ``reports/tables/``: its columns,
their types and one line of meaning each.

A stage checks its input at entry with :func:`check_table`, so a missing column fails at once
with the stage's name and the column's, not three functions later. One name means one thing
across all tables: a rate per 1,000 words is always ``per_1k_words``; quoted words are
``quote_text``, an article is ``text``. The README's table dictionary is generated from here
(``python -m analysis tables``) and a test keeps the two equal.
"""
from __future__ import annotations

from collections import namedtuple
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

DTYPES = {"str": object, "int": "int64", "float": "float64", "bool": "bool"}


class SchemaError(ValueError):
    """A table handed to a stage lacks columns the stage reads."""


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str  # str | int | float | bool
    meaning: str


@dataclass(frozen=True)
class Table:
    name: str
    meaning: str
    columns: tuple[Column, ...]
    written: bool = True  # written to reports/tables/<name>.csv

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


# Columns shared by many tables, described once.
DOC = Column("doc_id", "str", "document id (metadata)")
OUTLET = Column("outlet", "str", "outlet name as in the metadata")
LANGUAGE = Column("language", "str", "ISO 639-1 code of the text read")
START = Column("start", "int", "character offset where the span starts in the article text")
END = Column("end", "int", "character offset where the span ends (exclusive)")
SENTENCE_ID = Column("sentence_id", "int", "0-based sentence number within the document")
SENTENCE = Column("sentence", "str", "the sentence holding the span (analysis.text.split_sentences)")
PER_1K = Column("per_1k_words", "float", "count / the outlet's words × 1,000")
WORDS = Column("words", "int", "the outlet's words (sum of n_words of its analysed documents)")
VOICE = Column("voice", "str", "how author and quoted voices were separated")


def _table(name: str, meaning: str, *columns, written: bool = True) -> Table:
    return Table(name, meaning, tuple(c if isinstance(c, Column) else Column(*c) for c in columns),
                 written)


_QUOTE_COLUMNS = (
    ("quote_id", "str", "doc_id:qNNN, stable (doc_id:tNNN in a pivot translation)"), DOC, OUTLET, LANGUAGE,
    ("kind", "str", "direct (a speaker's words in marks), indirect (reported: X said that …), mixed (reported "
     "words holding a quoted part), scare (marks around a word or name, nobody's words) or title (marks "
     "around the title of a work, a book or a programme such as CBS's Face the Nation: counted as no quotation)"),
    ("quote_text", "str", "the quoted or reported words (the content span, without marks); "
     "quote_text == text[start:end]"), START, END,
    ("speaker", "str", "who said it (name or description; pronouns resolved); unknown when the text names none"),
    ("speaker_mention", "str", "the words naming the speaker where the quotation is attributed (e.g. he)"),
    ("verb", "str", "reporting verb or phrase as listed in the language resources; empty when none"),
    ("verb_role", "str", "neutral / endorsing / distancing / refuting / factive / questioning / evaluating / believing; empty when no verb"),
    ("source", "str", "outlet or report the quotation is credited to (according to X, X quoting him)"),
    SENTENCE_ID, SENTENCE,
    ("marks", "str", "opening + closing mark; ¶ when the quotation goes on in the next paragraph"),
    ("depth", "int", "0 outermost, 1 nested, …"),
    ("part_of", "str", "quote_id of the first part of a split or multi-paragraph quotation, else empty"),
    ("nested_in", "str", "quote_id of the quotation around a nested one, else empty"),
    ("resources", "str", "language resources the quotation was read with (data/languages/xx/), the sentence model that found it (data/models/…), or none"),
    ("speaker_type", "str", "person, organisation, document, description or unknown; empty for scare quotes"),
    ("speaker_title", "str", "title or honorific kept apart from the name (Sen., President, le ministre)"),
    ("cue", "str", "the words that attribute it as written (verb, according to, :, a possessive 's)"),
    ("cue_start", "int", "offset of the cue in the text; -1 when none"),
    ("cue_end", "int", "end offset of the cue; -1 when none"),
)

TABLES: dict[str, Table] = {t.name: t for t in (
    _table("documents", "one row per input document, analysed or skipped",
           DOC, ("file", "str", "file name, or name.csv:LINE for table corpora"), OUTLET, LANGUAGE,
           ("published", "str", "ISO date, or unknown"), ("url", "str", "address, or unknown"),
           ("title", "str", "headline, or unknown"),
           ("n_words", "int", "words in the article text (furniture excluded); 0 if skipped"),
           ("status", "str", "analysed or skipped"),
           ("reason", "str", "why it was skipped: file, line and what to do"),
           ("notes", "str", "repairs made while reading (BOM removed, CRLF converted, bad date)")),
    _table("outlets", "one row per outlet", OUTLET,
           ("documents", "int", "documents analysed"), WORDS,
           ("languages", "str", "language codes, comma-joined"),
           ("first_published", "str", "earliest ISO date, or unknown"),
           ("last_published", "str", "latest ISO date, or unknown"),
           ("undated", "int", "documents without a date")),
    _table("furniture", "one row per line of page furniture set aside", DOC, OUTLET,
           ("rule", "str", "the furniture rule's name"), ("line", "str", "the text set aside")),
    _table("languages", "one row per language of the analysed documents", LANGUAGE,
           ("documents", "int", "documents analysed in this language"),
           ("resources", "str", "where its word lists come from, or what is not applied without them")),
    _table("sentences", "one row per sentence", DOC, OUTLET, LANGUAGE, SENTENCE_ID, START, END,
           SENTENCE, written=False),
    _table("loaded_terms", "one row per loaded-term match", DOC, OUTLET, LANGUAGE,
           ("term", "str", "the canonical lexicon term"),
           ("category", "str", "its category (delegitimising label, hedge, …)"),
           ("target", "str", "the target the term evaluates, or empty"),
           ("direction", "str", "favour / against toward that target, or empty"),
           ("matched_text", "str", "the words as written in the article (text[start:end])"),
           START, END, SENTENCE_ID, SENTENCE),
    _table("term_frequencies", "one row per outlet and lexicon term that could occur in its languages",
           OUTLET, ("term", "str", "the canonical lexicon term"), ("category", "str", "its category"),
           ("count", "int", "matches in the outlet's articles"), PER_1K, WORDS),
    _table("keyness", "per outlet and n-gram length, the n-grams with |z| ≥ 1.96 and the 100 of largest |z| (of those seen at least min_count times in its language)",
           OUTLET, ("language", "str", "the outlet is compared with the other outlets of this language"),
           ("ngram", "int", "1 (unigram) or 2 (bigram)"), ("term", "str", "the n-gram, folded"),
           ("score", "float", "log-odds ratio δ with informative Dirichlet prior (Monroe et al. 2008)"),
           ("z", "float", "δ / sqrt(1/(y_i+a) + 1/(y_j+a)); positive = the outlet over-uses it"),
           ("g2", "float", "signed log-likelihood G² (Dunning 1993)"),
           ("count_outlet", "int", "occurrences in the outlet"),
           ("count_rest", "int", "occurrences in the other outlets of its language")),
    _table("quotes", "one row per quotation (direct, indirect, mixed or scare) or quoted title, with its group", *_QUOTE_COLUMNS,
           ("speaker_id", "str", "one id per person in the story, merged across spellings, surnames, titles, "
            "outlets and languages; empty when the speaker is unknown"),
           ("speaker_canonical", "str", "the name the speaker_id stands for (its full name as most often written)"),
           ("group_id", "str", "gNNNN: versions of one utterance across outlets; empty for scare and nested"),
           ("via_translation", "bool", "compared through the project's English pivot translation"),
           ("match_text", "str", "the words compared when grouping (quote_text, or its pivot translation)")),
    _table("translated_quotes", "quotations found in the English pivot translations", *_QUOTE_COLUMNS,
           ("via_translation", "bool", "always true"), ("translation_by", "str", "who translated"),
           ("original_quote_id", "str", "the quotation of the original text it translates")),
    _table("quote_warnings", "unbalanced quotation marks", DOC, OUTLET,
           ("line", "int", "1-based line"), ("column", "int", "1-based column"),
           ("offset", "int", "offset into the text"), ("mark", "str", "the mark"),
           ("message", "str", "what is wrong")),
    _table("quote_groups", "one row per quotation group", ("group_id", "str", "gNNNN"),
           ("outlets", "str", "outlets carrying it, '; '-joined"), ("n_outlets", "int", "how many"),
           ("n_quotes", "int", "versions"), ("languages", "str", "languages, '; '-joined"),
           ("speakers", "str", "canonical speakers (speaker_canonical in quotes), '; '-joined"),
           ("canonical_quote_id", "str", "the longest version"),
           ("canonical_text", "str", "its words as compared (pivot English when translated)")),
    _table("quote_overlap", "shared quotation groups per pair of outlets",
           ("outlet_a", "str", "first outlet (a < b)"), ("outlet_b", "str", "second outlet"),
           ("shared_groups", "int", "groups both carry"),
           ("jaccard", "float", "shared / groups carried by either")),
    _table("quote_fidelity", "each version of a multi-outlet group against the longest",
           ("group_id", "str", "gNNNN"), ("quote_id", "str", "the version"), DOC, OUTLET,
           ("canonical_quote_id", "str", "the longest version"), ("canonical_text", "str", "its words"),
           ("version_text", "str", "this version's words as compared"),
           ("words_dropped", "str", "words of the canonical missing here"),
           ("words_added", "str", "words here not in the canonical"),
           ("n_dropped", "int", "how many dropped"), ("n_added", "int", "how many added"),
           ("canonical", "bool", "this row is the canonical version"),
           ("truncated", "bool", "a contiguous part of the canonical, shorter"),
           ("translated", "bool", "compared through the pivot translation"),
           ("identical", "bool", "no word dropped or added"),
           ("similarity", "float", "2 × matched words / words of both (0–1)")),
    _table("quote_speakers", "direct quotations per outlet and speaker", OUTLET,
           ("speaker", "str", "the canonical speaker (speaker_canonical in quotes)"),
           ("quotes", "int", "direct quotations (first parts only)"),
           ("speaker_id", "str", "as in quotes"),
           ("indirect", "int", "indirect and mixed quotations (the speaker paraphrased)"),
           ("aliases", "str", "the spellings merged into this speaker, '; '-joined")),
    _table("scare_quotes", "scare quotes per outlet", OUTLET, ("documents", "int", "documents analysed"),
           WORDS, ("scare_quotes", "int", "scare quotes"),
           ("direct_quotes", "int", "direct quotations (a split one, or a mixed one's verbatim words, counted once)"),
           PER_1K, ("examples", "str", "distinct scare-quoted words, '; '-joined"),
           ("indirect_quotes", "int", "indirect and mixed quotations (reported speech)")),
    _table("claim_evidence", "one row per claim-related sentence", DOC, OUTLET, LANGUAGE,
           ("claim_id", "str", "the claim"), SENTENCE_ID, START, END, SENTENCE,
           ("coverage", "float", "covered cue groups / groups"), ("groups", "str", "covered groups, ';'-joined"),
           *[(k, "str", f"{k.replace('_', ' ')} cues matched, ';'-joined") for k in
             ("refutation", "reporting_refutation", "hedge", "attribution", "factive", "negation")],
           ("related", "bool", "coverage reaches related_min"), ("quoted", "bool", "holds a direct quotation"),
           VOICE, ("role", "str", "reported refutation / refutation / hedge / attribution / assertion / related")),
    _table("claim_stance", "one row per document and claim (analysis.claim_labels.label_claims)", DOC, OUTLET,
           ("claim_id", "str", "the claim"), ("claim", "str", "the claim's text"),
           ("label", "str", "agree / disagree / discuss / unrelated"),
           ("confidence", "float", "the model's probability of the label, or the rules' confidence where they decide"),
           ("n_related", "int", "claim-related sentences the rules keep"),
           ("evidence", "str", "[role] sentence, in text order, joined with ' | '"), VOICE,
           ("method", "str", "who decided: model, or rules (and why: curated claim, language the model lacks, guard)"),
           ("rule_label", "str", "the rules' label"), ("rule_confidence", "float", "the rules' confidence"),
           *[(f"p_{c}", "float", f"the model's probability of {c}; empty where the rules decide")
             for c in ("agree", "disagree", "discuss", "unrelated")]),
    _table("mentions", "one row per mention of a target", DOC, OUTLET, LANGUAGE,
           ("target", "str", "target id"), ("name", "str", "the alias as listed (the form as written when the target lists it too)"),
           ("matched_text", "str", "as written"), START, END, SENTENCE_ID,
           ("sentence_start", "int", "offset of the sentence"), SENTENCE,
           ("scare_quoted", "bool", "the name alone inside quotation marks"),
           ("evaluation", "str", "favour / against for an evaluative name, else empty"), written=False),
    _table("target_units", "one row per evidence unit of target stance", DOC, OUTLET,
           ("target", "str", "target id"), ("unit", "str", "sentence or quote"), SENTENCE_ID,
           ("start", "int", "offset where the unit (sentence or quotation) starts in the text read"),
           ("end", "int", "offset where it ends (exclusive)"), SENTENCE,
           ("sentiment", "float", "sentiment of the author's words (-1..1), shared among the targets named; "
            "positive wording under distancing counts -0.5 times"),
           ("sentiment_method", "str", "vader, valence list (xx), quote verb or none"),
           ("naming", "int", "+1 per favourable, -1 per unfavourable evaluative name (author voice)"),
           ("terms", "int", "+1 per favour, -1 per against loaded term evaluating the target (author voice)"),
           ("evaluative", "float", "±0.5 per story-independent evaluative word aimed at the target (×1.5 "
            "after an intensifier; praise under distancing counts 0)"),
           ("distancing", "float", "-0.5 per distancing word aimed at the target or scare quotes around its name"),
           ("quoted_sentiment", "float", "sentiment of the quoted and reported words, left to their speaker"),
           ("score", "float", "clip(0.5 × sentiment + naming + terms + evaluative + distancing, -1, 1); "
            "±0.5 for a quote unit"),
           ("why", "str", "the reasons behind the score, '; '-joined"),
           VOICE, written=False),
    _table("target_evidence", "one row per evidence unit behind every target-stance label", DOC, OUTLET,
           ("target", "str", "target id"), ("unit", "str", "sentence or quote"), SENTENCE_ID,
           ("start", "int", "offset where the unit starts in the text read (the English pivot for a "
            "translated document)"), ("end", "int", "offset where it ends (exclusive)"), SENTENCE,
           ("weight", "float", "the unit's score (-1 against … +1 favour)"),
           ("why", "str", "the reasons behind the weight, '; '-joined")),
    _table("target_stance_documents", "one row per document and target it names", DOC, OUTLET,
           ("target", "str", "target id"), ("label", "str", "favour / against / neutral"),
           ("score", "float", "mean score of the weighing units (|weight| ≥ 0.2), -1 (against) … +1 (favour)"),
           ("low", "float", "95% percentile bootstrap interval of the mean, lower end"),
           ("high", "float", "upper end (1,000 resamples, seed 0)"),
           ("n_units", "int", "evidence units (target_evidence.csv)"),
           ("n_weighing", "int", "units that weigh in the label (|weight| ≥ 0.2)"),
           ("n_sentences", "int", "sentence units"), ("n_quotes", "int", "quotation units"),
           ("quoted_score", "float", "mean sentiment of quoted and reported words"),
           ("sentiment_method", "str", "methods used, ';'-joined"),
           ("evidence", "str", "the units of largest absolute score, [score] sentence, ' | '-joined, "
            "and how many units there are"), VOICE),
    _table("target_stance", "one row per outlet and target, pooled from its documents' evidence units",
           OUTLET, ("target", "str", "target id"), ("label", "str", "favour / against / neutral"),
           ("score", "float", "mean score of the weighing units (|weight| ≥ 0.2), -1 (against) … +1 (favour)"),
           ("low", "float", "95% percentile bootstrap interval of the mean, lower end"),
           ("high", "float", "upper end (1,000 resamples, seed 0)"),
           ("n_units", "int", "evidence units of the outlet's documents (0: never names the target)"),
           ("n_weighing", "int", "units that weigh in the label (|weight| ≥ 0.2)"),
           ("n_sentences", "int", "sentence units"), ("n_quotes", "int", "quotation units"),
           ("quoted_score", "float", "mean sentiment of quoted words"),
           ("sentiment_method", "str", "methods used, ';'-joined"),
           ("evidence", "str", "the units of largest absolute score, [score] sentence, ' | '-joined"), VOICE),
    _table("framing_devices", "hedges, attribution cues, names and attribution verbs per outlet", OUTLET,
           ("device", "str", "hedge, attribution, naming or attribution verb"),
           ("value", "str", "the cue as listed; target: name; speaker: verb"),
           ("count", "int", "occurrences"), PER_1K,
           ("example", "str", "first sentence using it (the quotation for direct speech)")),
    _table("sources_cited", "one row per outlet and source", OUTLET,
           ("source", "str", "the source's canonical name (a target's label; the name a description is linked to; "
            "else the discovered entity or canonical speaker it names: \"Obama\" -> Barack Obama)"),
           ("count", "int", "sentences citing it"), ("names", "str", "how the text names it, ';'-joined"),
           ("patterns", "str", "patterns that found it, ';'-joined"),
           DOC, START, END, ("example", "str", "the sentence of the first citation")),
    _table("framing_summary", "one row per outlet, condensing the detail tables (each cell names its table)",
           OUTLET, ("documents", "int", "documents analysed (outlets.csv)"),
           ("words", "int", "words analysed (outlets.csv)"),
           ("claim_stance", "str", "FNC-1 label of each document toward each claim, with its count (claim_stance.csv)"),
           ("stance: TARGET", "str", "one column per target: favour / against / neutral, score (-1..1), 95% "
            "bootstrap interval, how many of the evidence units weigh in the score: \"3 of 6 sentences weigh\" "
            "(target_stance.csv)"),
           ("top_loaded_terms", "str", "lexicon terms in the outlet's own words (outside quotations), most "
            "frequent first, then those fewest other outlets use; terms tied at the cut are all listed; hedges "
            "left to their own column (loaded_terms.csv)"),
           ("quoted_loaded_terms", "str", "lexicon terms inside direct quotations (someone else's words), "
            "ranked the same way (loaded_terms.csv, quotes.csv)"),
           ("naming", "str", "the name used most often for each target, with count (framing_devices.csv, naming)"),
           ("quotes_carried", "str", "direct quotations; how many belong to a group other outlets also carry; "
            "indirect and mixed quotations (quotes.csv, quote_groups.csv)"),
           ("scare_quotes", "int", "scare-quoted names or terms (quotes.csv, kind = scare)"),
           ("hedges_per_1k_words", "float", "hedge cues per 1,000 words (framing_devices.csv, hedge)"),
           ("sources_cited", "str", "most cited sources with counts (sources_cited.csv)")),
    # entity discovery and the story (analysis/entities.py, analysis/story.py)
    _table("entity_names", "one row per candidate name found in a sentence", DOC, OUTLET, LANGUAGE,
           SENTENCE_ID, START, END, ("name", "str", "the name as written, title and possessive removed"),
           ("title", "str", "the title written before it (President, Sen.), or empty"),
           ("determiner", "bool", "a determiner comes just before it ('the White House'): not a person's name"),
           ("expansion", "str", "for an acronym the text defines in parentheses ('Islamic State (ISIS)'), "
                                "the full name; else empty"),
           ("setting", "bool", "a place preposition comes just before it ('in Atlanta'): where something "
                               "happens, counted half in salience"), written=False),
    _table("entities", "people, organisations and places the corpus talks about, ranked",
           ("rank", "int", "1 = highest salience, then most mentions, then entity_id"),
           ("entity_id", "str", "stable id: slug of the canonical name"),
           ("canonical", "str", "the full name as most often written"),
           ("outlets", "int", "outlets naming it"), ("documents", "int", "documents naming it"),
           ("mentions", "int", "names found (headlines included)"),
           ("text_mentions", "int", "names found in the texts, not counting headlines the texts do not open with "
            "(an entity without any is no target: the analyses read the texts)"),
           ("lead_documents", "int", "documents naming it in their first three sentences (a known headline counts as one)"),
           ("headline_documents", "int", "documents naming it in their headline"),
           ("salience", "float", "sum over the documents naming it of 0.5 + (1 if named in their first three "
            "sentences) + (1 if named in their headline) + log2(1 + its mentions there), a mention after a place "
            "preposition counting half (the 0.5 too when all of them are)"),
           ("aliases", "str", "every form merged into it, '; '-joined (entity_aliases.csv)"),
           ("titles", "str", "titles written before it, '; '-joined"),
           ("outlet_names", "str", "the outlets naming it, '; '-joined")),
    _table("entity_aliases", "one row per entity, alias and language: where each form was found",
           ("entity_id", "str", "as in entities"), ("alias", "str", "the form as written, possessive removed"),
           LANGUAGE, ("documents", "int", "documents using this form"), ("mentions", "int", "times used"),
           ("outlet_names", "str", "outlets using it, '; '-joined"),
           ("doc_ids", "str", "documents using it, '; '-joined")),
    _table("claim_proposals", "assertions most outlets carry in headlines and leads: proposals, never applied",
           ("proposal_id", "str", "pNN, in rank order"),
           ("text", "str", "the headline or lead sentence proposed as the claim"),
           DOC, OUTLET, ("outlets", "int", "outlets whose headline or lead shares its content words"),
           ("documents", "int", "documents that do"),
           ("doc_ids", "str", "those documents, '; '-joined"),
           ("shared_words", "str", "content words shared with the other documents, '; '-joined")),
    _table("story_coverage", "every claim, target and lexicon term of the story, and whether the corpus mentions it",
           ("kind", "str", "claim, target or term"), ("item", "str", "its id or term"),
           ("label", "str", "its text, label or category"), ("source", "str", "story file or discovered"),
           ("documents", "int", "documents mentioning it (claim: with a related sentence)"),
           ("mentions", "int", "sentences or matches"),
           ("found", "bool", "false: not found in this corpus")),
)}


def table_columns(name: str, upto: str | None = None) -> list[str]:
    """The declared columns of table ``name``, in order (up to and including ``upto``)."""
    names = TABLES[name].names
    return names[:names.index(upto) + 1] if upto else names


def empty_table(name: str) -> pd.DataFrame:
    """An empty table ``name`` with its declared columns and types."""
    return pd.DataFrame({c.name: pd.Series(dtype=DTYPES[c.dtype]) for c in TABLES[name].columns})


def check_table(table: pd.DataFrame, name: str, stage: str, columns: list[str] | None = None) -> pd.DataFrame:
    """Fail when ``table`` lacks a declared column of ``name`` (or of ``columns``, the ones
    ``stage`` reads) with a message naming the stage, the table and the columns."""
    wanted = columns if columns is not None else TABLES[name].names
    missing = [c for c in wanted if c not in table.columns]
    if missing:
        raise SchemaError(f"{stage}: the {name} table lacks column(s) {', '.join(missing)}; "
                          f"give it the {name} table as analysis.schemas declares it")
    return table


def conform(table: pd.DataFrame, name: str) -> pd.DataFrame:
    """``table`` with exactly the declared columns of ``name``, in order, with their types."""
    check_table(table, name, f"conform({name})")
    out = table[TABLES[name].names].copy()
    for c in TABLES[name].columns:
        if c.dtype == "str":
            out[c.name] = out[c.name].fillna("").astype(str)
        elif c.dtype == "int":
            out[c.name] = out[c.name].astype("int64")
        elif c.dtype == "bool":
            out[c.name] = out[c.name].astype(bool)
        else:
            out[c.name] = out[c.name].astype("float64")
    return out


def row_tuples(table: pd.DataFrame):
    """``table.itertuples(index=False)``, fast on Arrow-backed columns: each column is taken out
    as one Python list first (iterating an Arrow string column yields its cells one by one
    through pyarrow, about 4 µs each: most of the time of a pass over a corpus's sentences)."""
    row = namedtuple("Row", [str(c) for c in table.columns], rename=True)
    return map(row._make, zip(*(table[c].tolist() for c in table.columns)))


def read_table(path: Path | str, name: str) -> pd.DataFrame:
    """A table written by an earlier notebook, read back with its declared types (empty text
    stays empty text, never NaN). Raises :class:`SchemaError` naming the file when a column is
    missing."""
    path = Path(path)
    dtypes = {c.name: str for c in TABLES[name].columns if c.dtype == "str"}
    table = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values={
        c.name: [""] for c in TABLES[name].columns if c.dtype == "float"})
    try:
        return conform(table, name)
    except SchemaError as err:
        raise SchemaError(f"{path}: {err}") from None


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def data_dictionary() -> str:
    """The README's table dictionary (markdown), one section per written table."""
    parts = []
    for table in TABLES.values():
        if not table.written:
            continue
        parts.append(f"`{table.name}.csv`: {table.meaning}.\n\n| column | type | meaning |\n|---|---|---|\n"
                     + "".join(f"| `{c.name}` | {c.dtype} | {_cell(c.meaning)} |\n" for c in table.columns))
    return "\n".join(parts)
