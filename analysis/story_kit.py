"""The story kit: an editable story folder written from a corpus, and what a story's lists found.

``python -m analysis init-story CORPUS --out DIR`` (:func:`write_story_kit`) writes
``targets.yaml`` (the discovered entities with their aliases, active), ``claims.yaml`` (the
proposed claims, commented out: uncomment to accept), ``lexicons/candidates.yaml`` (the top
keyness terms per outlet as candidate loaded terms, commented out) and ``notes.md``; every entry
carries its evidence counts as a comment. :func:`story_coverage` lists every claim, target and
lexicon term of a story with the documents mentioning it, so the summary can say which were
not found in this corpus.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from analysis.entities import discover_entities, entity_targets
from analysis.keyness import score_keyness, top_keyness
from analysis.proposals import propose_claims
from analysis.schemas import empty_table

KIT_TARGETS = 15    # entities written to targets.yaml
KIT_CLAIMS = 5      # proposals written to claims.yaml
KIT_TERMS = 10      # keyness terms per outlet written as candidates


def _quoted(text: str) -> str:
    """A YAML scalar in double quotes (JSON strings are valid YAML)."""
    return json.dumps(str(text), ensure_ascii=False)


def _targets_yaml(entities: pd.DataFrame, aliases: pd.DataFrame) -> str:
    lines = ["# Targets discovered from the corpus (analysis/entities.py), ranked by salience (documents naming",
             "# them, named in a headline or lead, mentions).",
             "# Keep, merge, rename or delete entries; aliases are matched whole-word, any case.", ""]
    for target, entity in zip(entity_targets(entities, aliases, len(entities)), entities.itertuples(index=False)):
        lines.append(f"# rank {entity.rank}: {entity.outlets} outlet(s), {entity.documents} document(s), "
                     f"{entity.mentions} mention(s), named in the lead of {entity.lead_documents}, in the "
                     f"headline of {entity.headline_documents}; "
                     f"titles: {entity.titles or 'none'}")
        lines += [f"- id: {target['id']}", f"  label: {_quoted(target['label'])}", "  aliases:"]
        for language, names in target["aliases"].items():
            lines.append(f"    {language}: [{', '.join(_quoted(n) for n in names)}]")
        lines.append("")
    return "\n".join(lines) if len(entities) else "# No names found in this corpus.\n"


def _claims_yaml(proposals: pd.DataFrame, corpus: pd.DataFrame) -> str:
    lines = ["# Claims proposed from headlines and lead sentences (analysis/proposals.py): none is scored",
             "# until you accept it. To accept one, uncomment its lines (and shorten the text to the",
             "# assertion itself); or write your own claims in the same form.", ""]
    for row in proposals.itertuples(index=False):
        language = corpus.loc[corpus["doc_id"] == row.doc_id, "language"].iloc[0]
        lines += [f"# {row.proposal_id}: {row.outlets} outlet(s), {row.documents} document(s): {row.doc_ids}",
                  f"# - id: claim_{row.proposal_id}", f"#   text: {_quoted(row.text)}",
                  f"#   languages: [{language}]", ""]
    return "\n".join(lines)


def _terms_yaml(top: pd.DataFrame) -> str:
    lines = ["# Candidate loaded terms: the words each outlet over-uses against the others (keyness, z).",
             "# A frequent word is not a loaded one: uncomment only the terms that judge or label, and set",
             "# their category (delegitimising label, legitimising label, loaded phrase, ...).", "terms:", ""]
    for row in top.itertuples(index=False):
        lines += [f"# {row.outlet}: z {row.z:.2f}, {row.count_outlet} in the outlet, {row.count_rest} in the others",
                  f"# - term: {_quoted(row.term)}", "#   category: loaded phrase",
                  f"#   variants: {{{row.language}: [{_quoted(row.term)}]}}", ""]
    return "\n".join(lines)


def write_story_kit(corpus: pd.DataFrame, out: Path | str, corpus_path: str = "") -> Path:
    """Write an editable story folder for ``corpus`` (analysed documents) into ``out``; returns
    it. Refuses to overwrite an existing ``targets.yaml`` or ``claims.yaml``."""
    out = Path(out)
    for name in ("targets.yaml", "claims.yaml"):
        if (out / name).exists():
            raise FileExistsError(f"{out / name} exists; give an empty --out folder (the kit never "
                                  "overwrites an analyst's edits)")
    entities, aliases = discover_entities(corpus, top_n=KIT_TARGETS)
    proposals = propose_claims(corpus, top_n=KIT_CLAIMS)
    keyness = score_keyness(corpus, min_count=2)
    top = top_keyness(keyness, KIT_TERMS) if len(keyness) else keyness
    (out / "lexicons").mkdir(parents=True, exist_ok=True)
    (out / "targets.yaml").write_text(_targets_yaml(entities, aliases), encoding="utf-8")
    (out / "claims.yaml").write_text(_claims_yaml(proposals, corpus), encoding="utf-8")
    (out / "lexicons" / "candidates.yaml").write_text(_terms_yaml(top), encoding="utf-8")
    (out / "notes.md").write_text(
        f"# Story notes\n\nStory kit written by `python -m analysis init-story {corpus_path}` from "
        f"{len(corpus)} documents of {corpus['outlet'].nunique()} outlets. Edit `targets.yaml`, accept "
        "claims in `claims.yaml`, keep the loaded terms in `lexicons/candidates.yaml` that judge, add "
        "`neutral_words.yaml` (topic words left out of sentiment) and `gold/` (a hand annotation) if you "
        "have them, then run `python -m analysis report --corpus CORPUS --story DIR`.\n", encoding="utf-8")
    return out


def story_coverage(claims: list[dict], claim_evidence: pd.DataFrame, targets: list[dict],
                   mentions: pd.DataFrame, lexicon: pd.DataFrame, loaded_terms: pd.DataFrame,
                   target_source: str) -> pd.DataFrame:
    """Table ``story_coverage``: every claim, target and story lexicon term, with the documents
    and sentences (matches) mentioning it; ``found`` False means not found in this corpus.

    ``lexicon``: the story's own terms only (the language resources' lists are not the story's).
    """
    rows = []
    related = claim_evidence[claim_evidence["related"]] if len(claim_evidence) else claim_evidence
    for claim in claims:
        ev = related[related["claim_id"] == claim["id"]]
        rows.append(("claim", claim["id"], claim["text"], "claims.yaml", ev["doc_id"].nunique(), len(ev)))
    for target in targets:
        found = mentions[mentions["target"] == target["id"]]
        rows.append(("target", target["id"], target["label"], target_source, found["doc_id"].nunique(), len(found)))
    for (term, category), _ in lexicon.groupby(["term", "category"], sort=True):
        found = loaded_terms[loaded_terms["term"] == term]
        rows.append(("term", term, category, "lexicons", found["doc_id"].nunique(), len(found)))
    if not rows:
        return empty_table("story_coverage")
    table = pd.DataFrame(rows, columns=["kind", "item", "label", "source", "documents", "mentions"])
    return table.assign(found=table["mentions"] > 0)
