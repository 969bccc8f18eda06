"""Claims proposed, never invented: the assertions most outlets carry in headlines and leads.

A proposal is a headline or lead sentence (the first ``LEAD_SENTENCES`` sentences) of one document,
ranked by how many outlets, then documents, have a headline or lead sharing at least
``MIN_SHARED`` of its content words (words that are not stopwords, folded). Proposals are listed
with the documents behind each, for the analyst to accept or rewrite in ``claims.yaml``; no claim
stance is ever computed on a proposal.

On a large corpus (more than ``MAX_SCORED`` headline and lead sentences) proposals are drawn from
a fixed sample of ``MAX_SCORED`` of them (ordered by a hash of document id and text, so a rerun
draws the same), while each one's support is still counted over every document: an assertion
carried by 1 % of the leads is in the sample with near certainty, and the cost stays linear.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict

import pandas as pd

from analysis.languages import language_resources
from analysis.schemas import empty_table, row_tuples
from analysis.text import fold_word, split_sentences, tokenize_words

LEAD_SENTENCES = 2
MIN_SHARED = 3
MAX_WORDS = 40   # longer sentences are not proposed (they hold several assertions)
MAX_SCORED = 3000  # candidates scored as proposals on a large corpus (see the module docstring)


def _content_words(text: str, language: str) -> set[str]:
    stop = language_resources(language).stopwords
    return {w for w in (fold_word(t) for t in tokenize_words(text, language))
            if w not in stop and len(w) > 2 and not w.isdigit()}


def _candidates(corpus: pd.DataFrame, sentences: pd.DataFrame | None = None) -> list[tuple]:
    """(doc_id, outlet, language, text, content words) for every headline and lead sentence
    (``sentences``: the corpus's table ``sentences``, when already split)."""
    leads = None
    if sentences is not None:
        first = sentences[sentences["sentence_id"] < LEAD_SENTENCES]
        leads = {doc_id: list(lead) for doc_id, lead in first.groupby("doc_id", sort=False)["sentence"]}
    rows = []
    for doc in row_tuples(corpus.sort_values("doc_id")):
        title = str(getattr(doc, "title", "") or "")
        texts = [title] if title not in ("", "unknown", "nan") else []
        lead = (list(leads.get(doc.doc_id, ())) if leads is not None else
                [doc.text[a:b] for a, b in split_sentences(doc.text, doc.language)[:LEAD_SENTENCES]])
        texts += [sentence.strip() for sentence in lead]
        for text in texts:
            if 3 <= len(text.split()) <= MAX_WORDS:
                rows.append((doc.doc_id, doc.outlet, doc.language, text, _content_words(text, doc.language)))
    return rows


def propose_claims(corpus: pd.DataFrame, top_n: int = 5, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Table ``claim_proposals``: up to ``top_n`` headline or lead sentences that most outlets
    share, each with the documents behind it.

    In: ``doc_id``, ``outlet``, ``language``, ``text``, optional ``title``; optional
    ``sentences`` (table ``sentences`` of that corpus, to avoid splitting again). A proposal needs at
    least two outlets; a candidate whose supporting documents and words an earlier proposal
    already covers is skipped. Cost: each scored candidate (at most ``MAX_SCORED``) is compared
    only with the candidates sharing one of its rarer words (an index of words).
    """
    candidates = _candidates(corpus, sentences)
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)  # (language, word) -> candidates
    for j, (_, _, language, _, words) in enumerate(candidates):
        for word in words:
            postings[(language, word)].append(j)
    scored = []
    drawn = range(len(candidates))
    if len(candidates) > MAX_SCORED:
        drawn = sorted(drawn, key=lambda i: hashlib.sha1(
            f"{candidates[i][0]}\0{candidates[i][3]}".encode()).hexdigest())[:MAX_SCORED]
    for i in drawn:
        doc_id, outlet, language, text, words = candidates[i]
        support, shared = {doc_id: outlet}, set()
        # Prefix filter: a candidate sharing MIN_SHARED words with this one shares at least one
        # of its words outside its MIN_SHARED - 1 most common ones, so only the rarer words'
        # postings are read (a story word in every lead is not a list of every candidate).
        rarest = sorted(words, key=lambda w: (len(postings[(language, w)]), w))
        others = {j for word in rarest[:max(0, len(words) - MIN_SHARED + 1)]
                  for j in postings[(language, word)]}
        for j in sorted(others):
            other_doc, other_outlet, _, _, other_words = candidates[j]
            if other_doc != doc_id and len(words & other_words) >= MIN_SHARED:
                support[other_doc] = other_outlet
                shared |= words & other_words
        outlets = len(set(support.values()))
        if outlets >= 2:
            scored.append((-outlets, -len(support), -len(shared), doc_id, i, text, outlet, support, shared))
    chosen, rows = [], []
    for _, _, _, doc_id, i, text, outlet, support, shared in sorted(scored):
        words = candidates[i][4]
        if any(len(words & c) >= 0.5 * len(words) for c in chosen):
            continue
        chosen.append(words)
        rows.append({"proposal_id": f"p{len(rows) + 1:02d}", "text": text, "doc_id": doc_id,
                     "outlet": outlet, "outlets": len(set(support.values())), "documents": len(support),
                     "doc_ids": "; ".join(sorted(support)), "shared_words": "; ".join(sorted(shared))})
        if len(rows) == top_n:
            break
    return pd.DataFrame(rows, columns=empty_table("claim_proposals").columns) if rows else empty_table("claim_proposals")
