"""Fidelity: how each outlet's version of a shared quotation differs, word by word, from the
longest version of its group (dropped, added, truncated, translated)."""
from __future__ import annotations

import difflib

import pandas as pd

from analysis.quotes.grouping import quote_tokens
from analysis.text import fold_text, word_spans


def _display_tokens(text: str, language: str) -> list[tuple[str, str]]:
    """(word as written, folded word) pairs."""
    return [(text[a:b], fold_text(text[a:b])[0]) for a, b in word_spans(text, language)]


def _diff(canon: list[tuple[str, str]], version: list[tuple[str, str]]):
    matcher = difflib.SequenceMatcher(None, [f for _, f in canon], [f for _, f in version],
                                      autojunk=False)
    return matcher.get_opcodes()


def _compare(c_tokens: list[tuple[str, str]], v_tokens: list[tuple[str, str]]) -> dict:
    """Words dropped and added, truncation, identity and similarity of a version against the
    canonical version's tokens."""
    ops = _diff(c_tokens, v_tokens)
    dropped = [w for tag, i1, i2, _, _ in ops if tag in ("delete", "replace") for w, _ in c_tokens[i1:i2]]
    added = [w for tag, _, _, j1, j2 in ops if tag in ("insert", "replace") for w, _ in v_tokens[j1:j2]]
    equal = [op for op in ops if op[0] == "equal"]
    truncated = len(v_tokens) < len(c_tokens) and not added and len(equal) == 1
    size = sum(i2 - i1 for _, i1, i2, _, _ in equal)
    return dict(words_dropped=" ".join(dropped), words_added=" ".join(added), n_dropped=len(dropped),
                n_added=len(added), truncated=bool(truncated), identical=not dropped and not added,
                similarity=2 * size / max(len(c_tokens) + len(v_tokens), 1))


def compare_quote_versions(grouped: pd.DataFrame) -> pd.DataFrame:
    """Word-level comparison of every version in a multi-outlet group with the group's longest.

    Out: ``group_id``, ``quote_id``, ``doc_id``, ``outlet``, ``canonical_quote_id``,
    ``canonical_text``, ``version_text`` (as compared: pivot English when translated),
    ``words_dropped`` / ``words_added`` (words of the canonical missing here / words here not in
    the canonical, " "-joined), ``n_dropped``, ``n_added``, ``canonical`` (this row is the
    canonical version itself), ``truncated`` (the version is a
    contiguous part of the canonical, shorter than it), ``translated`` (compared through the
    project's pivot translation), ``identical``, ``similarity`` (difflib ratio on words).
    """
    g = grouped[grouped["group_id"] != ""].copy()
    multi = g.groupby("group_id")["outlet"].transform("nunique") > 1
    g = g[multi]
    g["n_words"] = g["match_text"].map(lambda t: len(quote_tokens(t)))
    g["read_as"] = g["language"].where(~g["via_translation"].astype(bool), "en")
    # One sort and plain tuples (not a pandas group per quotation group, ~18 ms each); a text
    # repeated across outlets (wire copies) is tokenised once, and each distinct pair diffed once.
    g = g.sort_values(["group_id", "n_words", "quote_id"], ascending=[True, False, True], kind="stable")
    records = list(g[["group_id", "quote_id", "doc_id", "outlet", "match_text", "read_as",
                      "via_translation"]].itertuples(index=False, name=None))
    tokens_of: dict = {}
    compared: dict = {}

    def tokens(text: str, language: str) -> list[tuple[str, str]]:
        if (text, language) not in tokens_of:
            tokens_of[(text, language)] = _display_tokens(text, language)
        return tokens_of[(text, language)]

    rows = []
    canon = None
    for group_id, quote_id, doc_id, outlet, text, read_as, via_translation in records:
        if canon is None or canon[0] != group_id:
            canon = (group_id, quote_id, text, read_as)
        pair = (canon[2], canon[3], text, read_as)
        if pair not in compared:
            compared[pair] = _compare(tokens(canon[2], canon[3]), tokens(text, read_as))
        rows.append(dict(
            group_id=group_id, quote_id=quote_id, doc_id=doc_id, outlet=outlet,
            canonical_quote_id=canon[1], canonical_text=canon[2], version_text=text,
            **compared[pair], canonical=quote_id == canon[1], translated=bool(via_translation)))
    return pd.DataFrame(rows, columns=[
        "group_id", "quote_id", "doc_id", "outlet", "canonical_quote_id", "canonical_text",
        "version_text", "words_dropped", "words_added", "n_dropped", "n_added", "canonical", "truncated",
        "translated", "identical", "similarity"])
