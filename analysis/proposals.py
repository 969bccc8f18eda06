"""Claims proposed, never invented: the assertions most outlets carry in headlines and leads.

A proposal is a headline or lead sentence (the first ``LEAD_SENTENCES`` sentences) of one document,
ranked by how many outlets, then documents, have a headline or lead sharing at least
``MIN_SHARED`` of its content words (words that are not stopwords, folded). Proposals are listed
with the documents behind each, for the analyst to accept or rewrite in ``claims.yaml``; no claim
stance is ever computed on a proposal.
"""
from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd

from analysis.languages import language_resources
from analysis.schemas import empty_table
from analysis.text import fold_text, split_sentences, tokenize_words

LEAD_SENTENCES = 2
MIN_SHARED = 3
MAX_WORDS = 40   # longer sentences are not proposed (they hold several assertions)


def _content_words(text: str, language: str) -> set[str]:
    stop = language_resources(language).stopwords
    return {w for w in (fold_text(t)[0] for t in tokenize_words(text, language))
            if w not in stop and len(w) > 2 and not w.isdigit()}


def _candidates(corpus: pd.DataFrame) -> list[tuple]:
    """(doc_id, outlet, language, text, content words) for every headline and lead sentence."""
    rows = []
    for doc in corpus.sort_values("doc_id").itertuples(index=False):
        title = str(getattr(doc, "title", "") or "")
        texts = [title] if title not in ("", "unknown", "nan") else []
        texts += [doc.text[a:b].strip() for a, b in split_sentences(doc.text, doc.language)[:LEAD_SENTENCES]]
        for text in texts:
            if 3 <= len(text.split()) <= MAX_WORDS:
                rows.append((doc.doc_id, doc.outlet, doc.language, text, _content_words(text, doc.language)))
    return rows


def propose_claims(corpus: pd.DataFrame, top_n: int = 5) -> pd.DataFrame:
    """Table ``claim_proposals``: up to ``top_n`` headline or lead sentences that most outlets
    share, each with the documents behind it.

    In: ``doc_id``, ``outlet``, ``language``, ``text``, optional ``title``. A proposal needs at
    least two outlets; a candidate whose supporting documents and words an earlier proposal
    already covers is skipped. Cost: each candidate is compared with the candidates sharing a
    word with it (an index of words), not with every other one.
    """
    candidates = _candidates(corpus)
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)  # (language, word) -> candidates
    for j, (_, _, language, _, words) in enumerate(candidates):
        for word in words:
            postings[(language, word)].append(j)
    scored = []
    for i, (doc_id, outlet, language, text, words) in enumerate(candidates):
        support, shared = {doc_id: outlet}, set()
        overlap = Counter(j for word in words for j in postings[(language, word)])
        for j, count in overlap.items():
            other_doc, other_outlet, _, _, other_words = candidates[j]
            if other_doc != doc_id and count >= MIN_SHARED:
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
