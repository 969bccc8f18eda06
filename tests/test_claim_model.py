"""Claim-stance model: features, determinism, files, label policy, the seeds, the command and its errors."""
from __future__ import annotations

import json
import re
import zipfile

import numpy as np
import pandas as pd
import pytest

import analysis as fl
from analysis.__main__ import main
from analysis.claim_labels import (DEFAULT_MODEL, ClaimPairsError, claim_pairs, decide, label_claims, load_pairs,
                                   pair_evidence)
from analysis.claim_model import CLASSES, FEATURES, ClaimModel, voice_counts
from analysis.fnc1 import body_split, fnc_score

from conftest import FIXTURES

CLAIMS = fl.load_claims(FIXTURES / "claims.yaml")
CUES = fl.load_cues()
GOLD = pd.read_csv(FIXTURES / "gold" / "claim_stance.csv", dtype=str)


def _corpus(texts: dict[str, str], language: str = "en") -> pd.DataFrame:
    return pd.DataFrame({"doc_id": list(texts), "outlet": [f"Outlet {d}" for d in texts],
                         "language": language, "text": list(texts.values())})


# --- a small synthetic training set (no FNC-1 data needed) ------------------------------------------

SYNTHETIC = [
    ("Mayor resigns after bribery scandal", "The mayor resigned on Monday after the bribery scandal.", "agree"),
    ("Mayor resigns after bribery scandal", "The mayor denied he would resign, calling the bribery story false.", "disagree"),
    ("Mayor resigns after bribery scandal", "Reports claim the mayor may resign over the bribery scandal.", "discuss"),
    ("Mayor resigns after bribery scandal", "A new bridge opened downtown with a ceremony.", "unrelated"),
    ("Comet will hit the moon", "Astronomers confirmed the comet will hit the moon next year.", "agree"),
    ("Comet will hit the moon", "The claim that a comet will hit the moon is fake, scientists said.", "disagree"),
    ("Comet will hit the moon", "Some websites allegedly reported the comet could hit the moon.", "discuss"),
    ("Comet will hit the moon", "The football team won the cup final on penalties.", "unrelated"),
] * 3


def _fit(rows=SYNTHETIC, **params) -> ClaimModel:
    corpus = _corpus({f"b{i}": body for i, (_, body, _) in enumerate(rows)})
    pairs = pd.DataFrame({"claim": [c for c, _, _ in rows], "doc_id": corpus["doc_id"]})
    claims, records = claim_pairs(corpus, pairs)
    table, _, _ = pair_evidence(corpus, claims, records, CUES)
    settings = {"max_words": 40, "hidden": 8, "epochs": 5, "batch_size": 8, "random_state": 0} | params
    model = ClaimModel(**settings)
    return model.fit(table["claim"], table["text"], np.vstack(table["dense"].to_list()), [s for _, _, s in rows])


def test_training_twice_gives_identical_files(tmp_path):
    a, b = _fit(), _fit()
    for name in ClaimModel.ARRAYS:
        assert np.array_equal(getattr(a, name), getattr(b, name)), name
    a.save(tmp_path / "a"), b.save(tmp_path / "b")
    for suffix in (".npz", ".json"):
        assert (tmp_path / f"a{suffix}").read_bytes() == (tmp_path / f"b{suffix}").read_bytes()
    assert not np.array_equal(_fit(random_state=1).coef0_, a.coef0_)  # the seed matters, so it is fixed


def test_saved_model_loads_without_pickle_and_predicts_the_same(tmp_path):
    model = _fit()
    model.save(tmp_path / "m", card={"note": "test"})
    with zipfile.ZipFile(tmp_path / "m.npz") as archive:
        for name in archive.namelist():
            assert np.load(archive.open(name), allow_pickle=False).dtype == np.float32
    loaded = ClaimModel.load(tmp_path / "m")
    claims, bodies = [c for c, _, _ in SYNTHETIC[:4]], [b for _, b, _ in SYNTHETIC[:4]]
    dense = np.zeros((4, len(FEATURES) - 1))
    assert np.array_equal(model.predict_proba(claims, bodies, dense), loaded.predict_proba(claims, bodies, dense))
    assert loaded.card_ == {"note": "test"}


def test_load_rejects_a_missing_or_foreign_model(tmp_path):
    with pytest.raises(ValueError, match="model file not found"):
        ClaimModel.load(tmp_path / "absent")
    _fit().save(tmp_path / "m")
    info = json.loads((tmp_path / "m.json").read_text())
    info["features"] = info["features"][:-1]
    (tmp_path / "m.json").write_text(json.dumps(info))
    with pytest.raises(ValueError, match="not a framelab-claim-model/1 model"):
        ClaimModel.load(tmp_path / "m")


def test_shipped_model_is_small_and_documented():
    npz, meta = DEFAULT_MODEL.with_suffix(".npz"), DEFAULT_MODEL.with_suffix(".json")
    assert npz.stat().st_size + meta.stat().st_size < 20e6
    card = json.loads(meta.read_text())["card"]
    assert {"training_data", "code_version", "command", "params", "holdout"} <= set(card)
    assert set(card["holdout"]) >= {"rules", "model"}
    assert DEFAULT_MODEL.with_suffix(".md").exists()


# --- features ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, author, quoted", [
    ('The NRF denied the report.', 1, 0),
    ('"We deny the report," the NRF said.', 0, 1),
    ('The report is false. "We deny it," he said.', 1, 1),
])
def test_refutation_counts_keep_author_and_quoted_voice_apart(text, author, quoted):
    spans = [(m.start(), m.end()) for m in re.finditer(r'(?<=")[^"]+(?=")', text)][:1]
    counts = voice_counts(text, spans, CUES["en"])
    refutation = fl.stance.CUE_KINDS.index("refutation")
    assert (counts[refutation], counts[len(fl.stance.CUE_KINDS) + refutation]) == (author, quoted)


# --- label policy -----------------------------------------------------------------------------------

def _row(role, sentence_id=0, coverage=1.0, refutation=""):
    return {"role": role, "sentence_id": sentence_id, "coverage": coverage, "refutation": refutation,
            "sentence": "s", "quoted": False}


@pytest.mark.parametrize("rows, label", [
    ([_row("reported refutation", refutation="denied")], "discuss"),        # someone else's denial
    ([_row("refutation", refutation="false")], "disagree"),                  # the outlet's own
    ([_row("reported refutation", 0, refutation="denied"), _row("refutation", 1, refutation="false")], "disagree"),
    ([_row("related", coverage=0.2)], "disagree"),                           # no refutation cue: the model decides
    ([], "unrelated"),                                                       # nothing shares a claim word
])
def test_decide_guards(rows, label):
    assert decide(np.array([0.1, 0.7, 0.1, 0.1]), rows)[0] == label


@pytest.fixture(scope="module")
def seed_labels(seed_corpus):
    return label_claims(seed_corpus, CLAIMS, quotes=fl.extract_quotes(seed_corpus))


def test_seed_claim_labels_match_the_hand_annotation(seed_labels):
    labels, _ = seed_labels
    joined = GOLD.merge(labels, on=["doc_id", "claim_id"], suffixes=("_gold", ""))
    assert len(joined) == 5
    assert dict(zip(joined["doc_id"].str[:3], joined["label"])) == dict(zip(joined["doc_id"].str[:3], joined["label_gold"]))


def test_seed_labels_carry_evidence_and_say_who_decided(seed_labels, seed_corpus):
    labels, evidence = seed_labels
    related = labels[labels["label"] != "unrelated"]
    assert len(related) == 4 and (related["evidence"].str.len() > 0).all()
    assert set(evidence["doc_id"]) == set(related["doc_id"])
    assert labels.set_index("doc_id").loc[seed_corpus["doc_id"][seed_corpus["language"] == "fr"], "method"].str.startswith("rules").all()
    methods = dict(zip(labels["doc_id"].str[:3], labels["method"]))
    assert methods["001"] == "model"                       # the rules are not unanimous there
    assert methods["003"] == methods["004"] == "rules (curated claim, unanimous evidence)"
    english = ~labels["doc_id"].str.startswith("002")   # the model's view is shown even where the rules decide
    assert labels.loc[english, "p_agree"].notna().all() and labels.loc[~english, "p_agree"].isna().all()


def test_rule_label_is_the_rules_own_label(seed_labels, seed_corpus):
    labels, _ = seed_labels
    sentences = fl.split_corpus_sentences(seed_corpus)
    rules = fl.claim_stance(seed_corpus, fl.claim_sentences(sentences, CLAIMS, CUES, quotes=fl.extract_quotes(seed_corpus)), CLAIMS)
    assert labels.set_index("doc_id")["rule_label"].to_dict() == rules.set_index("doc_id")["label"].to_dict()


@pytest.mark.parametrize("text", [
    "Massoud asked Israel for help, Maariv reported. The NRF denied that Massoud asked Israel for help.",
    "The NRF denied reports that Ahmad Massoud asked Israel for assistance.",
    "“Massoud never asked Israel for help,” a spokesman said, rejecting the Maariv report.",
])
def test_a_reported_denial_is_not_the_outlets_disagreement(text):
    corpus = _corpus({"d1": text})
    free_text = pd.DataFrame({"claim": ["Ahmad Massoud asked Israel for help"], "doc_id": ["d1"]})
    for claims in (CLAIMS, free_text):  # curated (cue groups) and free text (the model decides)
        labels, _ = label_claims(corpus, claims, quotes=fl.extract_quotes(corpus))
        assert labels["label"].iloc[0] != "disagree"
        assert labels["evidence"].iloc[0]


def test_document_without_claim_words_is_unrelated_and_cites_nothing():
    labels, evidence = label_claims(_corpus({"d1": "The football team won the cup final on penalties."}), CLAIMS)
    assert labels["label"].iloc[0] == "unrelated" and labels["evidence"].iloc[0] == "" and evidence.empty


def test_pairs_keep_input_order_and_get_ids():
    corpus = _corpus({"a": "Massoud asked Israel for help.", "b": "The weather was fine."})
    pairs = pd.DataFrame({"claim": ["Massoud asked Israel for help", "It rained", "Massoud asked Israel for help"],
                          "doc_id": ["b", "a", "a"]})
    labels, _ = label_claims(corpus, pairs)
    assert labels["doc_id"].tolist() == ["b", "a", "a"]
    assert labels["claim_id"].tolist() == ["claim_0001", "claim_0002", "claim_0001"]


# --- the command and its errors ---------------------------------------------------------------------

def test_claim_stance_command_on_the_seeds(tmp_path, seed_corpus, capsys):
    pairs = tmp_path / "pairs.csv"
    pd.DataFrame({"claim": CLAIMS[0]["text"], "doc_id": seed_corpus["doc_id"]}).to_csv(pairs, index=False)
    out = tmp_path / "labels.csv"
    assert main(["claim-stance", "--corpus", str(fl.SEEDS), "--claims", str(pairs), "--out", str(out)]) == 0
    labels = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert {"claim", "doc_id", "label", "confidence", "evidence"} <= set(labels.columns)
    assert labels["doc_id"].tolist() == seed_corpus["doc_id"].tolist()
    assert set(labels["label"]) <= set(CLASSES)
    assert (labels.loc[labels["label"] != "unrelated", "evidence"] != "").all()
    assert "labelled 5 / 5 pairs" in capsys.readouterr().err


@pytest.mark.parametrize("content, message", [
    ("claim,doc\nX,000\n", r"pairs.csv line 1: missing column\(s\) doc_id"),
    ("claim,doc_id\nMassoud asked Israel,nope\n", r"pairs.csv line 2: unknown doc_id 'nope' \(no document"),
    ("claim,doc_id\n ,DOC\n", r"pairs.csv line 2: the claim is empty"),
    ("claim,doc_id,claim_id\nA,DOC,c1\nB,DOC,c1\n", r"pairs.csv line 3: claim_id 'c1' names another claim on line 2"),
])
def test_bad_pairs_files_name_file_and_line(tmp_path, seed_corpus, content, message):
    path = tmp_path / "pairs.csv"
    path.write_text(content.replace("DOC", seed_corpus["doc_id"].iloc[0]), encoding="utf-8")
    with pytest.raises(ClaimPairsError, match=message):
        load_pairs(path, seed_corpus)


def test_command_reports_bad_input_without_traceback(tmp_path, capsys):
    path = tmp_path / "pairs.csv"
    path.write_text("claim,doc_id\nA claim,missing_doc\n", encoding="utf-8")
    code = main(["claim-stance", "--corpus", str(fl.SEEDS), "--claims", str(path), "--out", str(tmp_path / "o.csv")])
    assert code == 2 and "line 2: unknown doc_id 'missing_doc'" in capsys.readouterr().err


# --- FNC-1 helpers ----------------------------------------------------------------------------------

@pytest.mark.parametrize("gold, predicted, score", [
    (["agree", "unrelated"], ["agree", "unrelated"], 100.0),
    (["agree", "unrelated"], ["discuss", "unrelated"], 100 * 0.5 / 1.25),   # related right, class wrong
    (["disagree", "unrelated"], ["unrelated", "agree"], 0.0),
    (["unrelated"] * 3 + ["discuss"], ["unrelated"] * 4, 100 * 0.75 / 1.75),
])
def test_fnc_score(gold, predicted, score):
    assert fnc_score(gold, predicted) == pytest.approx(score)


def test_body_split_is_disjoint_and_fixed():
    pairs = pd.DataFrame({"doc_id": [str(i % 50) for i in range(500)]})
    held = body_split(pairs)
    assert not set(pairs["doc_id"][held]) & set(pairs["doc_id"][~held])
    assert pairs["doc_id"][held].nunique() == 10 and np.array_equal(held, body_split(pairs))


def test_no_claim_gives_empty_tables_with_their_columns(seed_corpus):
    labels, evidence = fl.label_claims(seed_corpus, [])
    assert labels.empty and evidence.empty
    assert list(fl.schemas.conform(evidence, "claim_evidence").columns) == fl.TABLES["claim_evidence"].names
    assert list(fl.schemas.conform(labels, "claim_stance").columns) == fl.TABLES["claim_stance"].names
