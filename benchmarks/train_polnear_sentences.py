"""Train the reported-speech sentence model on PolNeAR train (never dev): data/models/attribution_sentences_en.

Usage: .venv/bin/python benchmarks/train_polnear_sentences.py [--data ../shared/datasets/polnear]

A candidate is a sentence the rules left alone (see :func:`analysis.quotes.sentence_model.candidate_sentences`:
the shipped extractor, model switched off, is run first); its label is whether it holds reported
content: at least 30 % of its words lie inside one gold indirect or mixed Content span, or at least
30 % of one such span's words lie inside it (a short content, "endorsed [Cruz]", whose row the
benchmark counts as found). Both halves are the benchmark's overlap rule. Writes the
model (JSON) and its card (.md). Deterministic: the same data and code give the same bytes.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.datasets import read_polnear  # noqa: E402
from analysis.quotes import sentence_model as sm  # noqa: E402
from analysis.text import split_sentences  # noqa: E402

# Chosen by 5-fold cross-validation over PolNeAR train documents (benchmarks/cv_polnear.py), scored
# as the benchmark scores indirect + mixed attributions (rules' rows plus the model's): threshold
# 0.4 gave F1 0.723 (P 0.641, R 0.829), 0.45 gave 0.727 (P 0.666, R 0.799), 0.5 gave 0.726
# (P 0.687, R 0.770). 0.45 and 0.5 tie; 0.5 keeps precision higher and leaves alone a name given
# ("A group called the Friends of the Earth met …", probability 0.49) and a distancing compound
# ("The so-called moderate rebels …", 0.46). The threshold is higher than the 0.3 of the narrower
# label (30 % of the sentence inside a span) since more sentences are positive. C 0.1 as before
# (C 0.3 and 1 gave less with the narrower label). Rechecked with the rules of the second session of
# 2026-12-07: 0.45 gave 0.741, 0.5 0.7425 (P 0.700), 0.55 0.7410 (P 0.718); 0.5 kept, and the named
# group above now reads 0.53, a false row the rules alone do not give.
# The content tagger's C and bias, by the same cross-validation (sentence model as above): C 0.1
# bias 1.0 gave F1 0.752 (P 0.737, R 0.768) against 0.742 with the whole sentence as content (0.751,
# P 0.735, once model rows repeating a rule's row were dropped and spans widened to names and articles);
# bias 0 gave 0.730 (P 0.753, R 0.708: spans cut short lose gold content), 2.0 0.749; C 0.03 and
# 0.3 gave 0.752 and 0.751. Several spans per sentence (every run of content tokens) gave 0.727;
# keeping beside the best run only the runs that score 0.2-0.5 of it gave 0.750-0.753 against 0.753
# (rules of 2026-12-07, evening). Word-shape trigrams ("X x x") added to the sentence model: 0.754.
# Neither kept.
# Naive-Bayes scaling of the sentence model's features (NB-LR: each binary feature times its
# log-count ratio before the regression; the stored weights stay one number per feature), session
# of 2026-12-08: sentence-level AUC over the same folds 0.807 -> 0.816 (alpha 1, C 0.1; C 0.03 0.812,
# 0.3 0.811, 1 0.800; alpha 0.5 0.812); scored as the benchmark scores, with the rules of 03eda05,
# threshold 0.4 gave F1 0.755 (P 0.704, R 0.814), 0.45 0.759 (P 0.731, R 0.789), 0.5 0.758
# (P 0.751, R 0.765), C 0.2 at 0.45 0.758, against 0.753 without the scaling; with the rules of
# ff2b8f0, 0.5 gave 0.759 (P 0.752, R 0.766), 0.55 0.755, 0.6 0.749. Not kept: on dev the scaled
# model read 0.764 / 0.783 / 0.773 against 0.757 / 0.793 / 0.775 (dev is reported, not tuned on:
# a difference within its noise), and it raises over the threshold two sentences the issue names
# as nobody's words: "The “science” from the CDC was questioned by many people." (0.487 -> 0.580,
# the scare quote became a direct part of a model row) and "The so-called moderate rebels were
# armed …" (0.406 -> 0.509); at 0.55 the first stays over. `--nb-alpha` in cv_polnear.py and the
# `nb_alpha` of the fit keep it one flag away. The same scaling in the content tagger gave 0.758.
# Other learners on the same features, sentence-level AUC: gradient-boosted trees on the 3,000 best
# features 0.806, their average with the regression 0.817; added features (the sentences around,
# the first and last words, trigrams, skip-bigrams, lower-cased bigrams) 0.800-0.809.
SETTINGS = {"min_df": 3, "c": 0.1, "threshold": 0.5, "content_c": 0.1, "content_bias": 1.0}


def training_sentences(split: str, data: str | None) -> tuple[list[str], list[bool], list[list[bool]]]:
    """Candidate sentences of a PolNeAR split, their labels and their tokens' content flags, the
    rules' output read without the model."""
    rows = labelled_sentences(*read_polnear(split, data))
    return [t for _, t, _, _ in rows], [y for _, _, y, _ in rows], [f for _, _, _, f in rows]


def labelled_sentences(articles, gold) -> list[tuple[str, str, bool, list[bool]]]:
    """(doc_id, sentence, label, content flags) of every candidate sentence of ``articles``
    (read_polnear's tables), the rules' output read without the model; the flags say, per token of
    the sentence (the models' tokeniser), whether it lies inside a gold indirect or mixed Content span."""
    import analysis as fl

    sm.sentence_model.cache_clear()
    saved, sm.MODELS = sm.MODELS, Path("/nonexistent")  # the rules alone decide the candidates
    try:
        quotes = fl.extract_quotes(articles)
    finally:
        sm.MODELS = saved
        sm.sentence_model.cache_clear()
    found = []
    for doc in articles.itertuples():
        text = doc.text
        q = quotes[quotes["doc_id"] == doc.doc_id]
        g = gold[(gold["doc_id"] == doc.doc_id) & (gold["kind"] != "direct")]
        bounds = list(zip(g["content_start"], g["content_end"]))
        spans = [sm.word_starts(text, a, b) for a, b in bounds]
        reported = list(zip(*(q.loc[q["kind"].isin(["indirect", "mixed"]), c] for c in ("start", "end"))))
        direct = list(zip(*(q.loc[q["kind"] == "direct", c] for c in ("start", "end"))))
        for a, b in sm.candidate_sentences(text, split_sentences(text, "en"), reported, direct):
            flags = [any(ga <= t.start() < gb for ga, gb in bounds) for t in sm.TOKEN.finditer(text, a, b)]
            found.append((doc.doc_id, text[a:b], holds_content(sm.word_starts(text, a, b), spans), flags))
    return found


def holds_content(words: set[int], spans: list[set[int]]) -> bool:
    """Whether a sentence (its word offsets) holds reported content: 30 % of its words in one gold
    span, or 30 % of one gold span's words in it."""
    return any(len(words & s) >= 0.3 * min(len(words), len(s)) for s in spans if s)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="the polnear folder (default ../shared/datasets/polnear)")
    args = parser.parse_args()
    began = time.perf_counter()
    texts, labels, contents = training_sentences("train", args.data)
    model = sm.AttributionSentenceModel().fit(texts, labels, contents=contents, **SETTINGS)
    path = sm.model_path("en")
    model.save(path)
    predicted, tagger = model.predict(texts), model.content_
    tp = sum(p and y for p, y in zip(predicted, labels))
    precision, recall = tp / max(sum(predicted), 1), tp / max(sum(labels), 1)
    commit = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True,
                            cwd=Path(__file__).parent).stdout.strip()
    path.with_suffix(".md").write_text(f"""# Reported-speech sentence model card

Trained by `benchmarks/train_polnear_sentences.py`; loaded by
`analysis.quotes.sentence_model.AttributionSentenceModel.load` (plain JSON: feature -> weight).
Used by `analysis.extract_quotes` on English texts only, on sentences the rules left alone; its
rows have `resources` = `data/models/{path.name}` and no cue.

- training data: PolNeAR train (840 articles; dev and test never read): {len(texts)} candidate
  sentences, {sum(labels)} labelled reported speech (30 % of their words inside one gold indirect
  or mixed Content span, or 30 % of one such span's words inside them)
- code version: `{commit}` (the rules that choose the candidates)
- command: `.venv/bin/python benchmarks/train_polnear_sentences.py`
- features: unigrams and bigrams of words (case kept) and of quotation marks, commas, colons and
  question marks, and each word's first 4 letters folded ("supp*"), binary (`sentence_features`)
- settings: `{model.settings_}`; features kept: {len(model.weights_)}; C and the threshold chosen by
  5-fold cross-validation over train documents (`benchmarks/cv_polnear.py`), scored as the
  benchmark scores indirect + mixed attributions (C 0.1 / threshold 0.5: F1 0.742, P 0.700,
  R 0.790, rules of the second session of 2026-12-07; threshold 0.45 gave 0.741, 0.55 gave 0.741;
  without the word prefixes 0.728, P 0.689, R 0.771, earlier rules)
- on its own training sentences: precision {precision:.3f}, recall {recall:.3f} (not a held-out figure;
  the benchmark `benchmarks/eval_polnear.py` gives dev)
- content tagger (`content` in the same file, `ContentTagger`): which tokens of a sentence the model
  keeps are the reported content. Logistic regression per token of the {tagger.settings_["sentences"]} positive
  sentences ({tagger.settings_["tokens"]} tokens, {tagger.settings_["inside"]} inside a gold Content span): the
  token, two neighbours each side, the pair ending on it, the six words before it, its place from
  either end, capitalisation, "that" or a comma before (`token_features`); the content is the run
  of tokens with the highest summed log-odds plus a bias of {tagger.bias_} per token, widened to whole
  quotations, names and a noun phrase's article. Settings `{tagger.settings_}`; features kept:
  {len(tagger.weights_)}. 5-fold CV (as above): F1 0.752 (P 0.736, R 0.768) against 0.742 (P 0.700,
  R 0.790) with the whole sentence as content; bias 0 gave 0.730, 2.0 0.749.
- limits: English US political news of 2015-2016 only; one content span per sentence; the speaker
  is the sentence's subject (often `unknown`), not read by the model; retrain after changing the
  rules, since the candidates depend on them.
""", encoding="utf-8")
    print(f"{len(texts)} sentences, {sum(labels)} positive; wrote {path} ({time.perf_counter() - began:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
