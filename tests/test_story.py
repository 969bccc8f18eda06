"""The story folder: found beside the corpus or given, validated before anything runs (file,
line, field), nothing of another story applied without one, and the story kit written from a
corpus that loads back. BASIL events (../shared/datasets/basil, beside the clone in CI) stand
for stories the project has never seen."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import analysis as fl
from analysis.datasets import read_basil, write_corpus_folder
from analysis.entities import discover_entities, find_named

# BASIL events: Trump and Obama's birth certificate (2011), Romney and Akin (2012), the Cheney
# sisters (2013), the Chick-fil-A appreciation day (2012: its main entities include "protesters",
# which no name discovery finds, so it serves the end-to-end run); none mentions the seed story.
EVENTS = ["005a2961", "08bb9bee", "11c9f251", "450755dd"]
# Words only the seed story's configuration holds (claims, targets, lexicon, gold).
SEED_WORDS = ["massoud", "masoud", "nrf", "maariv", "massoud_asked_israel", "occupation entity", "taliban", "israel",
              "kabul", "zionist entity", "islamic emirate", "national resistance front", "panjshir"]


def seed_words_in(text: str) -> list[str]:
    """The seed story's words in ``text``, whole words, embedded images (data: URIs) left out."""
    text = re.sub(r"data:[^\"')\s]+", "", text.casefold())
    return [w for w in SEED_WORDS if re.search(r"(?<![\w/+])" + re.escape(w) + r"(?![\w/+])", text)]


@pytest.fixture(scope="module")
def basil_events():
    articles, _ = read_basil()
    events = {e: articles[articles["event"].str.startswith(e)] for e in EVENTS}
    for docs in events.values():
        text = " ".join(docs["text"]).casefold()
        assert len(docs) == 3 and not [w for w in SEED_WORDS if w in text]  # the premise of these tests
    return events


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_seed_story_is_found_beside_the_seed_corpus():
    story = fl.find_story(fl.SEEDS)
    assert story.folder == fl.SEEDS / "story"
    assert story.claims.name == "claims.yaml" and story.gold.name == "gold"
    assert fl.check_story(story) is story
    assert not (fl.DATA / "claims.yaml").exists() and not (fl.DATA / "lexicons").exists()


def test_a_corpus_without_a_story_gets_nothing_of_another_story(tmp_path):
    story = fl.find_story(tmp_path)
    assert story == fl.Story() and not story.configured
    assert fl.story_claims(story) == [] and fl.story_targets(story) == []
    assert fl.story_neutral_words(story) == {} and fl.story_terms(story).empty
    lexicon = fl.story_lexicon(story, ["en", "fr"])
    assert set(lexicon["category"]) <= set(fl.story.EVALUATIVE)
    assert "No story configuration" in fl.story.describe_story(story)


def test_the_story_independent_lexicon_does_not_count_common_words(tmp_path):
    """On 1,000 FNC-1 bodies an unconfigured run counted every "would be" (as "would-be") and
    every "so", "even" and "most" (as intensifiers): 1,431 of 4,096 loaded terms."""
    lexicon = fl.story_lexicon(fl.find_story(tmp_path), ["en", "fr"])
    corpus = pd.DataFrame({"doc_id": ["d1", "d2"], "outlet": ["A", "B"], "language": ["en", "fr"],
                           "text": ["It would be so hard, even for most of them, to say so.",
                                    "C'est la même chose, il y a trop de monde."]})
    assert fl.match_terms(corpus, lexicon).empty
    hits = fl.match_terms(corpus.assign(text=["The so-called regime was very weak.", "Un régime"]), lexicon)
    assert set(hits["term"]) >= {"so-called", "regime", "very"}


def test_single_files_override_the_story_folder(tmp_path):
    claims = _write(tmp_path / "mine.yaml", "- id: c1\n  text: It rained\n  languages: [en]\n")
    story = fl.find_story(fl.SEEDS, claims=claims)
    assert story.claims == claims and story.targets == fl.SEEDS / "story" / "targets.yaml"
    with pytest.raises(fl.StoryError, match="no such story folder"):
        fl.find_story(fl.SEEDS, tmp_path / "nowhere")


@pytest.mark.parametrize("file, text, message", [
    ("claims.yaml", "- id: a\n  text: x\n  languages: [en]\n- id: a\n  text: y\n  languages: [en]\n",
     r"claims.yaml:4: .*entry 1 \(a\): id repeats"),
    ("claims.yaml", "- id: a\n  text: x\n  languages: [english]\n", r"claims.yaml:1: .*'english' is not an ISO 639-1"),
    ("claims.yaml", "- id: a\n  text: [unclosed\n", r"claims.yaml:3: not valid YAML: expected ',' or ']'"),
    ("targets.yaml", "- id: t\n  label: T\n  aliases: {en: [T]}\n- id: u\n  aliases: en\n",
     r"targets.yaml:4: .*entry 1 \(u\): aliases must map"),
    ("lexicons/x.yaml", "terms:\n  - term: a\n    category: c\n    variants: {en: [a]}\n  - term: b\n    variants: {en: [b]}\n",
     r"x.yaml:5: .*entry 2 .*missing 'category'"),
    ("gold/claim_stance.csv", "doc_id,label\nd1,agree\n", r"claim_stance.csv:1: missing column\(s\) claim_id"),
])
def test_story_problems_name_file_line_and_field(tmp_path, file, text, message):
    _write(tmp_path / "story" / file, text)
    with pytest.raises(fl.StoryError, match=message):
        fl.check_story(fl.find_story(tmp_path))


def test_every_problem_is_reported_at_once(tmp_path):
    _write(tmp_path / "story" / "claims.yaml", "- id: A\n  text: x\n  languages: [en]\n")
    _write(tmp_path / "story" / "targets.yaml", "- id: t\n  aliases: {english: [T]}\n")
    problems = fl.story_problems(fl.find_story(tmp_path))
    assert len(problems) == 2 and "claims.yaml:1" in problems[0] and "targets.yaml:1" in problems[1]


def test_report_checks_the_story_before_any_notebook_runs(tmp_path):
    _write(tmp_path / "story" / "claims.yaml", "- id: a\n  text: [unclosed\n")
    run = subprocess.run([sys.executable, "-m", "analysis", "report", "--corpus", str(fl.SEEDS),
                          "--story", str(tmp_path / "story"), "--out", str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "claims.yaml:3: not valid YAML" in run.stderr
    assert not (tmp_path / "out" / "reports").exists()


def test_gold_applies_only_to_the_documents_it_annotates(seed_corpus):
    story = fl.find_story(fl.SEEDS)
    assert fl.story_gold(story, seed_corpus) == fl.SEEDS / "story" / "gold"
    other = seed_corpus.assign(doc_id="x" + seed_corpus["doc_id"], outlet="elsewhere")
    assert fl.story_gold(story, other) is None


@pytest.mark.parametrize("event", EVENTS[:3])
def test_basil_main_entities_are_discovered_unconfigured(basil_events, event):
    docs = basil_events[event]
    entities, aliases = discover_entities(docs, top_n=8)
    main = {e.strip() for e in docs["main_entities"].iloc[0].split(";")}
    missing = [m for m in main if not find_named(m, entities, aliases)]
    assert not missing, f"{event}: {missing} not among {entities['canonical'].tolist()}"
    tables = " ".join(entities["aliases"]).casefold()
    assert not [w for w in SEED_WORDS if w in tables]


def test_story_kit_writes_an_editable_folder_that_loads_back(basil_events, tmp_path):
    docs = basil_events["08bb9bee"]
    folder = fl.write_story_kit(docs, tmp_path / "kit")
    story = fl.check_story(fl.find_story(tmp_path, folder))
    targets = fl.story_targets(story)
    assert [t["label"] for t in targets[:2]] == ["Todd Akin", "Mitt Romney"]
    assert "# rank 1: 3 outlet(s)" in (folder / "targets.yaml").read_text(encoding="utf-8")
    assert fl.story_claims(story) == [] and fl.story_terms(story).empty  # proposals wait for the analyst
    claims_text = (folder / "claims.yaml").read_text(encoding="utf-8")
    assert "# - id: claim_p01" in claims_text
    accepted = "\n".join(line[2:] if line.startswith(("# - id: claim_p01", "#   ")) and "p01" in claims_text else line
                         for line in claims_text.splitlines())
    (folder / "claims.yaml").write_text(accepted, encoding="utf-8")
    assert [c["id"] for c in fl.story_claims(fl.check_story(fl.find_story(tmp_path, folder)))][0] == "claim_p01"
    terms = (folder / "lexicons" / "candidates.yaml").read_text(encoding="utf-8")
    (folder / "lexicons" / "candidates.yaml").write_text(
        terms.replace("# - term:", "- term:", 1).replace("#   category:", "  category:", 1)
        .replace("#   variants:", "  variants:", 1), encoding="utf-8")
    assert len(fl.story_terms(fl.find_story(tmp_path, folder))["term"].unique()) == 1
    with pytest.raises(FileExistsError, match="never overwrites"):
        fl.write_story_kit(docs, folder)


def test_claims_are_proposed_with_their_documents(basil_events):
    docs = basil_events["08bb9bee"]
    proposals = fl.propose_claims(docs)
    assert len(proposals) >= 1 and (proposals["outlets"] >= 2).all()
    top = proposals.iloc[0]
    assert "Romney" in top["text"] and top["doc_id"] in top["doc_ids"].split("; ")


@pytest.mark.slow
def test_unconfigured_basil_run_never_mentions_the_seed_story(basil_events, tmp_path):
    """The whole suite on one BASIL event without configuration, then with its story kit."""
    corpus = write_corpus_folder(basil_events["450755dd"], tmp_path / "corpus")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "analysis", "report", "--corpus", str(corpus), "--out", str(out), "--jobs", "2"]
    assert subprocess.run(command, capture_output=True, text=True, timeout=600).returncode == 0
    tables = out / "reports" / "tables"
    pages = sorted((out / "reports").glob("*.html"))
    assert len(pages) == 6
    for path in [*tables.glob("*.csv"), *pages]:
        assert not seed_words_in(path.read_text(encoding="utf-8")), path.name
    coverage = pd.read_csv(tables / "story_coverage.csv")
    assert set(coverage["kind"]) == {"target"} and set(coverage["source"]) == {"discovered"}
    assert pd.read_csv(tables / "claim_stance.csv").empty
    summary = (out / "reports" / "04_stance_and_framing.html").read_text(encoding="utf-8")
    assert "No claim is scored" in summary and "No gold annotation" in summary
    assert "Chick-fil-A" in pd.read_csv(tables / "target_stance.csv")["target"].str.cat(sep=" ").replace("_", "-").title() \
        or "chick_fil_a" in set(pd.read_csv(tables / "target_stance.csv")["target"])
    kit = tmp_path / "kit"
    assert subprocess.run([sys.executable, "-m", "analysis", "init-story", str(corpus), "--out", str(kit)],
                          capture_output=True, text=True, timeout=300).returncode == 0
    rerun = subprocess.run(command + ["--story", str(kit), "--notebooks", "02_loaded_terms", "04_stance_and_framing",
                                      "00_summary"], capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    page = (out / "reports" / "00_summary.html").read_text(encoding="utf-8")
    assert "Story configuration" in page and not seed_words_in(page)


def test_story_pages_escape_and_list_what_the_corpus_never_mentions():
    coverage = pd.DataFrame({"kind": ["target", "term"], "item": ["<b>x</b>", "puppet"],
                             "label": ["X & Co", "delegitimising label"], "source": ["targets.yaml", "lexicons"],
                             "documents": [0, 2], "mentions": [0, 3], "found": [False, True]})
    page = fl.describe_not_found(coverage).data
    assert "Not found in this corpus</strong>: 1 of the story's 2" in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page and "X &amp; Co" in page and "puppet" not in page
    discovered = coverage.assign(source="discovered", found=True)
    assert "lists no claims, targets or loaded terms of its own" in fl.describe_not_found(discovered).data
    proposals = pd.DataFrame({"proposal_id": ["p01"], "text": ["<script>alert(1)</script>"], "doc_id": ["d1"],
                              "outlet": ["A"], "outlets": [2], "documents": [2], "doc_ids": ["d1; d2"],
                              "shared_words": ["x"]})
    page = fl.describe_no_claims([], proposals).data
    assert "No claim is scored" in page and "<script>" not in page and "&lt;script&gt;" in page
    assert fl.describe_no_claims([{"id": "c", "text": "t"}], proposals).data == ""
    assert "No gold annotation" in fl.describe_gold({}).data
