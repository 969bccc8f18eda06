"""Narrative of the story configuration: which story a run used, what was proposed or discovered
in its place, and what the story lists that this corpus never mentions. Split from
``narrative`` (same rules: every value escaped, generated from the tables)."""
from __future__ import annotations

from html import escape

import pandas as pd
from IPython.display import HTML, display  # noqa: F401 (re-exported: a notebook cell shows several parts)

from analysis.story import Story, describe_story


def describe_story_html(story: Story, discovered_targets: list[dict] | None = None) -> HTML:
    """Which story configuration this run used; with ``discovered_targets``, that the targets
    were discovered from the corpus and which."""
    text = f"<p>{escape(describe_story(story))}</p>"
    if discovered_targets:
        names = "; ".join(escape(t["label"]) for t in discovered_targets)
        text += (f"<p>The story lists no targets: the {len(discovered_targets)} entities named by most "
                 f"outlets are used instead (entities.csv, entity_aliases.csv): {names}.</p>")
    return HTML(text)


def describe_no_claims(claims: list[dict], proposals: pd.DataFrame) -> HTML:
    """When the story has no claim: say so, and list the proposals with their documents."""
    if claims:
        return HTML("")
    text = ("<p><strong>No claim is scored</strong>: the story has no claims.yaml (or it lists none). "
            "Claim stance runs only on claims an analyst accepted or wrote. ")
    if proposals.empty:
        return HTML(text + "No headline or lead sentence is shared by two outlets, so nothing is proposed.</p>")
    items = "".join(f"<li><strong>{escape(r.proposal_id)}</strong> ({r.outlets} outlets, {r.documents} documents: "
                    f"<code>{escape(r.doc_ids)}</code>): {escape(r.text)}</li>" for r in proposals.itertuples())
    return HTML(text + "Assertions most outlets carry in headlines and leads, proposed (claim_proposals.csv; "
                "`init-story` writes them into claims.yaml, commented out):</p><ul>" + items + "</ul>")


def describe_gold(gold_results: dict) -> HTML:
    """Whether a hand annotation of these documents was available."""
    if gold_results:
        return HTML("")
    return HTML("<p><strong>No gold annotation</strong> for these documents: the story has no gold/ folder, "
                "or its annotation names none of these documents and outlets, so agreement is not measured.</p>")


def describe_not_found(coverage: pd.DataFrame) -> HTML:
    """Every claim, target and lexicon term of the story that no document mentions. Targets
    discovered from the corpus are found by construction: they are not the story's."""
    coverage = coverage[coverage["source"] != "discovered"]
    if coverage.empty:
        return HTML("<p>The story lists no claims, targets or loaded terms of its own, so nothing is checked "
                    "(targets discovered from the corpus are found by construction).</p>")
    missing = coverage[~coverage["found"].astype(bool)]
    if missing.empty:
        return HTML(f"<p>Every one of the story's {len(coverage)} claims, targets and terms is found in this "
                    "corpus (story_coverage.csv).</p>")
    items = "".join(f"<li>{escape(r.kind)} <code>{escape(r.item)}</code> ({escape(r.label)}, {escape(r.source)})</li>"
                    for r in missing.itertuples())
    return HTML(f"<p><strong>Not found in this corpus</strong>: {len(missing)} of the story's {len(coverage)} "
                f"claims, targets and terms (story_coverage.csv):</p><ul>{items}</ul>")
