"""BASIL per-document target stance: framelab's target stance against the annotators' author feeling.

Usage: .venv/bin/python benchmarks/eval_basil_stance.py [--data ../shared/datasets/basil]
       [--threshold 0.1] [--min-units 2] [--sweep] [--learned]

Each BASIL event's main entities become targets (aliases: the full name and, for a name of two or
more capitalised words, the surname). Every article is read as the reports read it (sentences,
quotations, target mentions, evidence units, :func:`analysis.document_stance`); no story lexicon is
used, only the story-independent language resources. The gold is ``author_feeling_<entity>``
(neg → against, neu → neutral, pos → favour); an entity the article never names is predicted
neutral. Prints macro-F1, per-class F1 and accuracy beside the always-neutral baseline, and with
``--sweep`` the same for a grid of unit weights, thresholds and unit counts (chosen on these 2010–2014 events only; the
held-back events are scored outside the project). The data is read from --data, never committed.

It also prints a reference no extractor can pass by counting evidence: BASIL's own hand-marked
bias spans (lexical and informational, ``phrase-level-annotations``) aimed at each entity, counted
per article (negative minus positive) and cut at the thresholds that score best on these same
articles (so an optimistic ceiling, chosen with the gold in view).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import pandas as pd
from sklearn.metrics import accuracy_score, f1_score

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import analysis as fl  # noqa: E402
from analysis.datasets import _folder, basil_doc_id, read_basil  # noqa: E402 - _folder: the folder read_basil reads

FEELING = {"neg": "against", "neu": "neutral", "pos": "favour"}
CLASSES = ["against", "neutral", "favour"]


def entity_targets(entities: str) -> list[dict]:
    """Targets for one article's main entities: full name and, for a name of several capitalised
    words, the surname ("Barack Obama" → Barack Obama, Obama; "Obama administration" → itself)."""
    targets = []
    for i, entity in enumerate(e for e in entities.split("; ") if e.strip()):
        words = entity.split()
        aliases = [entity] + ([words[-1]] if len(words) > 1 and all(w[:1].isupper() for w in words) else [])
        targets.append({"id": f"e{i}", "label": entity, "aliases": {"en": aliases}, "evaluative": {}})
    return targets


def evidence_units(articles: pd.DataFrame) -> pd.DataFrame:
    """Target-stance evidence units of every article toward its own main entities (``entity``)."""
    sentences = fl.split_corpus_sentences(articles)
    quotes = fl.extract_quotes(articles)
    parts = []
    for doc in articles.itertuples(index=False):
        targets = entity_targets(doc.main_entities)
        sents = sentences[sentences["doc_id"] == doc.doc_id]
        units = fl.target_sentences(sents, fl.find_mentions(sents, targets), quotes=quotes[quotes["doc_id"] == doc.doc_id])
        parts.append(units.assign(entity=units["target"].map({t["id"]: t["label"] for t in targets})))
    return pd.concat(parts, ignore_index=True)


def gold_span_ceiling(folder: str | None, feelings: pd.DataFrame) -> tuple[str, pd.Series]:
    """Labels from BASIL's hand-marked bias spans: for each article and main entity, negative
    minus positive spans aimed at it; the two cut-offs (against ≤ -a, favour ≥ b) that give the
    best macro-F1 on ``feelings`` itself. Out: a description of the cut-offs and the labels."""
    root = _folder(folder, "basil")
    balance = {}
    for file in sorted((root / "annotations").glob("*/*_ann.json")):
        article = json.loads((root / "articles" / file.parent.name / file.name.replace("_ann", ""))
                             .read_text(encoding="utf-8"))
        doc_id = basil_doc_id(file.parent.name, article)
        for span in json.loads(file.read_text(encoding="utf-8"))["phrase-level-annotations"]:
            sign = {"neg": -1, "pos": 1}.get(span.get("polarity"), 0)
            key = (doc_id, str(span.get("target", "")).replace("_", " "))
            balance[key] = balance.get(key, 0) + sign
    counted = pd.Series([balance.get((d, e), 0) for d, e in zip(feelings["doc_id"], feelings["entity"])],
                        index=feelings.index)
    gold = feelings["feeling"].map(FEELING)
    best = max(((f1_score(gold, labels, labels=CLASSES, average="macro", zero_division=0), a, b, labels)
                for a in range(1, 8) for b in range(1, 5)
                for labels in [pd.Series("neutral", index=feelings.index)
                               .mask(counted >= b, "favour").mask(counted <= -a, "against")]),
               key=lambda best: best[0])
    return f"BASIL's own bias spans counted (against ≤ -{best[1]}, favour ≥ {best[2]}, best cut-offs)", best[3]


def scores(gold: pd.Series, predicted: pd.Series) -> dict:
    per_class = f1_score(gold, predicted, labels=CLASSES, average=None, zero_division=0)
    return {"macro_f1": f1_score(gold, predicted, labels=CLASSES, average="macro", zero_division=0),
            **{f"f1_{c}": f for c, f in zip(CLASSES, per_class)}, "accuracy": accuracy_score(gold, predicted)}


def evaluate(units: pd.DataFrame, feelings: pd.DataFrame, threshold: float, min_units: int,
             min_weight: float = fl.stance.target_tables.MIN_WEIGHT) -> pd.DataFrame:
    """Gold feelings joined with the predicted per-document labels (``predicted``)."""
    table = fl.document_stance(units.assign(target=units["entity"]), threshold=threshold,
                               n_boot=300, min_units=min_units, min_weight=min_weight)
    pairs = feelings.merge(table.rename(columns={"target": "entity"})[["doc_id", "entity", "label", "score"]],
                           on=["doc_id", "entity"], how="left")
    return pairs.assign(gold=pairs["feeling"].map(FEELING), predicted=pairs["label"].fillna("neutral"))


def learned_baselines(units: pd.DataFrame, feelings: pd.DataFrame, articles: pd.DataFrame) -> list[dict]:
    """Two models trained here, scored leave-one-event-out (each event predicted by a model that
    never saw it): balanced logistic regression on (a) per-pair summaries of the evidence units
    (count, share of the article, mean/min/max author-voice and quoted sentiment, evaluative and
    distancing sums, headline mention) and (b) TF-IDF of the sentences naming the entity."""
    from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: PLC0415
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415
    from sklearn.pipeline import make_pipeline  # noqa: PLC0415
    from sklearn.preprocessing import StandardScaler  # noqa: PLC0415

    sentences = units[units["unit"] == "sentence"].assign(quoted=lambda u: u["quoted_sentiment"].fillna(0.0))
    by_pair = sentences.groupby(["doc_id", "entity"])
    summary = pd.DataFrame({
        "n": by_pair.size(), "sentiment_mean": by_pair["sentiment"].mean(), "sentiment_min": by_pair["sentiment"].min(),
        "sentiment_max": by_pair["sentiment"].max(), "quoted_mean": by_pair["quoted"].mean(),
        "quoted_min": by_pair["quoted"].min(), "quoted_max": by_pair["quoted"].max(),
        "evaluative": by_pair["evaluative"].sum(), "distancing": by_pair["distancing"].sum(),
        "headline": by_pair["sentence_id"].min().eq(0).astype(int),
        "text": by_pair["sentence"].agg(" ".join)}).reset_index()
    lines = articles.set_index("doc_id")["text"].str.count("\n") + 1
    pairs = feelings.merge(summary, on=["doc_id", "entity"], how="left")
    pairs["share"] = pairs["n"] / pairs["doc_id"].map(lines)
    pairs["text"] = pairs["text"].fillna("")
    numeric = pairs.drop(columns=["doc_id", "event", "outlet", "entity", "feeling", "text"]).fillna(0.0).to_numpy()
    gold = pairs["feeling"].map(FEELING).to_numpy()
    rows = []
    for name, features, model in [
            ("evidence-unit summaries", numeric,
             lambda: make_pipeline(StandardScaler(), LogisticRegression(C=0.1, class_weight="balanced", max_iter=2000))),
            ("TF-IDF of the entity's sentences", pairs["text"].to_numpy(),
             lambda: make_pipeline(TfidfVectorizer(min_df=2, sublinear_tf=True, ngram_range=(1, 2)),
                                   LogisticRegression(C=0.1, class_weight="balanced", max_iter=3000)))]:
        predicted = pd.Series("neutral", index=pairs.index)
        for event in sorted(pairs["event"].unique()):
            held = (pairs["event"] == event).to_numpy()
            predicted[held] = model().fit(features[~held], gold[~held]).predict(features[held])
        rows.append({"method": f"logistic regression, leave-one-event-out: {name}",
                     **scores(pd.Series(gold), predicted)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="BASIL folder (default ../shared/datasets/basil)")
    parser.add_argument("--threshold", type=float, default=0.1)
    parser.add_argument("--min-units", type=int, default=2)
    parser.add_argument("--sweep", action="store_true", help="also print a grid of thresholds")
    parser.add_argument("--learned", action="store_true",
                        help="also print two models trained here, scored leave-one-event-out")
    args = parser.parse_args()
    started = time.perf_counter()
    articles, feelings = read_basil(args.data)
    units = evidence_units(articles)
    print(f"BASIL: {len(articles)} articles, {articles['event'].nunique()} events, {len(feelings)} "
          f"document-entity pairs ({', '.join(f'{k} {v}' for k, v in feelings['feeling'].value_counts().items())}); "
          f"{len(units)} evidence units")
    pairs = evaluate(units, feelings, args.threshold, args.min_units)
    rows = [{"method": "always neutral", **scores(pairs["gold"], pd.Series("neutral", index=pairs.index))},
            {"method": f"framelab (threshold {args.threshold}, min units {args.min_units})",
             **scores(pairs["gold"], pairs["predicted"])}]
    ceiling, labels = gold_span_ceiling(args.data, feelings)
    rows.append({"method": ceiling, **scores(pairs["gold"], labels.loc[pairs.index])})
    if args.learned:
        rows += learned_baselines(units, feelings, articles)
    if args.sweep:
        for min_weight in (0.0, 0.1, 0.2, 0.3):
            for threshold in (0.05, 0.1, 0.2):
                for min_units in (1, 2, 3):
                    swept = evaluate(units, feelings, threshold, min_units, min_weight)
                    rows.append({"method": f"sweep: min weight {min_weight}, threshold {threshold}, "
                                           f"min units {min_units}", **scores(swept["gold"], swept["predicted"])})
    print(pd.DataFrame(rows).round(3).to_string(index=False))
    print("confusion (rows gold, columns predicted):")
    print(pd.crosstab(pairs["gold"], pairs["predicted"]).to_string())
    print(f"{time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
