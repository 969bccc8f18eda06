"""A trained claim-stance model: features of a (claim, document) pair and a one-hidden-layer network.

The rules of :mod:`analysis.stance` find the evidence (claim-related sentences, their cues and
roles, author voice apart from quoted voice); this module turns that evidence, plus word overlap
and bag-of-words term frequencies of claim and body, into a feature matrix, and weighs it with an
MLP (after Riedel et al. 2017, the UCL Machine Reading FNC-1 system, with the rules' evidence added).

Nothing here names a headline or a story: features are vocabularies of words, similarities and
counts, so the model carries over to other claims. The fitted model is plain arrays: ``save`` writes
an ``.npz`` (float32 weights, loaded with ``allow_pickle=False``) and a ``.json`` (vocabularies,
feature names, settings); ``load`` reads them back without running any stored code.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer
from sklearn.preprocessing import normalize

from analysis.matcher import list_matcher
from analysis.stance import CUE_KINDS, ROLES, label_claim

CLASSES = ("agree", "disagree", "discuss", "unrelated")
FORMAT = "framelab-claim-model/1"
TOKEN = r"(?u)\b\w\w+\b"
CLAIM_CUES = ("refutation", "hedge", "attribution", "negation")

# Hand features, in matrix order (dense part); each is documented in README, "Claim stance model".
FEATURES = (
    ["cosine_tfidf", "word_overlap", "bigram_overlap", "lead_overlap", "max_coverage",
     "top3_coverage", "n_related", "n_touching", "share_related", "n_evidence"]
    + [f"role_{r.replace(' ', '_')}" for r in ROLES]
    + [f"rule_{c}" for c in CLASSES] + ["rule_confidence"]
    + [f"evidence_{k}" for k in CUE_KINDS] + ["evidence_quoted"]
    + [f"author_{k}" for k in CUE_KINDS] + [f"quoted_{k}" for k in CUE_KINDS]
    + [f"claim_{k}" for k in CLAIM_CUES] + ["body_words", "claim_words"]
)


def _count(text: str, phrases) -> int:
    """Matches of ``phrases`` in ``text`` (the one phrase matcher, whole words, folded)."""
    return len(list_matcher(tuple(phrases)).find(text, "*")) if text and phrases else 0


def _words(text: str) -> list[str]:
    return [w for w in re.findall(TOKEN, text.casefold()) if w not in ENGLISH_STOP_WORDS]


def _share(claim: set, body: set) -> float:
    return len(claim & body) / len(claim) if claim else 0.0


def rule_rows(rows: list[dict], related_min: float = 0.5) -> list[dict]:
    """The evidence rows (``claim_sentences(..., related_min=0)`` records) that the rules keep:
    coverage of at least ``related_min`` or a refutation cue (the rule's own filter)."""
    return [r for r in rows if r["coverage"] >= related_min or r["refutation"]]


def rule_label(rows: list[dict], related_min: float = 0.5) -> tuple[str, float]:
    """The rules' label for one pair, as ``claim_stance`` gives it: ``label_claim`` on the roles
    of the kept rows (text order) when one of them is related, else unrelated."""
    kept = rule_rows(rows, related_min)
    if not any(r["coverage"] >= related_min for r in kept):
        return "unrelated", 1.0
    return label_claim([r["role"] for r in sorted(kept, key=lambda r: r["sentence_id"])])


def voice_counts(text: str, quote_spans, cues: dict) -> list[float]:
    """Cue counts of each kind (``CUE_KINDS``) in the author's voice (quotations blanked) and
    inside quotations: ``2 × len(CUE_KINDS)`` numbers, author first."""
    chars = list(text)
    quoted = []
    for a, b in quote_spans:
        quoted.append(text[a:b])
        chars[a:b] = " " * (b - a)
    author, inside = "".join(chars), " … ".join(quoted)
    return ([_count(author, cues.get(k, ())) for k in CUE_KINDS]
            + [_count(inside, cues.get(k, ())) for k in CUE_KINDS])


def profile_claim(text: str, cues: dict) -> dict:
    """What the features need of a claim: content words, word pairs, cue counts."""
    words = _words(text)
    return {"words": set(words), "bigrams": set(zip(words, words[1:])), "n_words": len(words),
            "cues": [_count(text, cues.get(k, ())) for k in CLAIM_CUES]}


def profile_body(text: str, quote_spans, cues: dict, n_sentences: int, lead_chars: int = 255) -> dict:
    """What the features need of a body: content words, word pairs, the words of its first
    ``lead_chars`` characters, sentence count, cue counts by voice (:func:`voice_counts`)."""
    words = _words(text)
    return {"words": set(words), "bigrams": set(zip(words, words[1:])), "lead": set(_words(text[:lead_chars])),
            "n_words": len(words), "n_sentences": n_sentences, "voices": voice_counts(text, quote_spans, cues)}


def hand_features(claim: dict, body: dict, rows: list[dict]) -> list[float]:
    """The dense features of one pair (``FEATURES`` after ``cosine_tfidf``, computed on the whole
    batch): ``claim`` from :func:`profile_claim`, ``body`` from :func:`profile_body`, ``rows`` the
    pair's records of ``claim_sentences(..., related_min=0)``."""
    coverage = np.sort(np.array([r["coverage"] for r in rows], dtype=float))[::-1]
    kept = rule_rows(rows)
    label, confidence = rule_label(rows)
    roles = [r["role"] for r in kept]
    log = np.log1p
    return [
        _share(claim["words"], body["words"]), _share(claim["bigrams"], body["bigrams"]),
        _share(claim["words"], body["lead"]),
        coverage[0] if len(coverage) else 0.0, coverage[:3].mean() if len(coverage) else 0.0,
        log((coverage >= 0.5).sum()), log(len(coverage)), (coverage >= 0.5).sum() / max(body["n_sentences"], 1),
        log(len(kept)),
        *[log(roles.count(r)) for r in ROLES],
        *[float(label == c) for c in CLASSES], confidence,
        *[log(sum(bool(r[k]) for r in kept)) for k in CUE_KINDS], log(sum(bool(r["quoted"]) for r in kept)),
        *[log(c) for c in body["voices"]],
        *[log(c) for c in claim["cues"]],
        log(body["n_words"]), log(claim["n_words"]),
    ]


def _write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """An ``.npz`` whose bytes depend only on the arrays: ``np.savez`` stamps each zip entry
    with the current time, so entries are written here with a fixed date."""
    import io
    import zipfile
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(array), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, buffer.getvalue())


class ClaimModel:
    """Claim-stance classifier over term frequencies of claim and body, their TF-IDF cosine and
    the rules' evidence features; one hidden ReLU layer, softmax over ``CLASSES``.

    ``fit(claims, bodies, dense, y)`` learns the vocabularies (``max_words`` most frequent
    non-stopwords of claims and of bodies), the IDF, the feature scaling and the network
    (scikit-learn ``MLPClassifier``, fixed ``random_state``, single-threaded BLAS so that reruns
    give the same weights); ``class_weight`` multiplies the sample weight of each class.
    ``predict_proba`` runs the network from the stored float32 arrays, so a loaded model and the
    one just fitted give the same numbers.
    """

    def __init__(self, max_words: int = 5000, claim_tf: bool = True, body_tf: bool = True, hidden: int = 100,
                 alpha: float = 1e-4, epochs: int = 30, batch_size: int = 500, class_weight: dict | None = None,
                 random_state: int = 0):
        self.max_words, self.hidden, self.alpha, self.epochs = max_words, hidden, alpha, epochs
        self.claim_tf, self.body_tf = claim_tf, body_tf
        self.batch_size, self.class_weight, self.random_state = batch_size, class_weight, random_state

    def params(self) -> dict:
        return {"max_words": self.max_words, "claim_tf": self.claim_tf, "body_tf": self.body_tf, "hidden": self.hidden, "alpha": self.alpha,
                "epochs": self.epochs, "batch_size": self.batch_size,
                "class_weight": self.class_weight, "random_state": self.random_state}

    # -- features ---------------------------------------------------------------------------------
    def _counter(self, vocabulary: list[str]) -> CountVectorizer:
        return CountVectorizer(token_pattern=TOKEN, vocabulary=vocabulary, dtype=np.float32)

    def _tf(self, texts, vocabulary) -> sparse.csr_matrix:
        return normalize(self._counter(vocabulary).transform(texts))

    def cosine(self, claims, bodies) -> np.ndarray:
        """TF-IDF cosine of each claim with its body over the union vocabulary."""
        counter = self._counter(self.cosine_vocabulary_)
        a = normalize(counter.transform(claims).multiply(self.idf_).tocsr())
        b = normalize(counter.transform(bodies).multiply(self.idf_).tocsr())
        return np.asarray(a.multiply(b).sum(axis=1)).ravel().astype(np.float32)

    def transform(self, claims, bodies, dense) -> sparse.csr_matrix:
        """Feature matrix: claim TF (if ``claim_tf``) | body TF (if ``body_tf``) | scaled [cosine,
        hand features]. TF rows are L2-normalised term counts over the learned vocabularies."""
        dense = np.column_stack([self.cosine(claims, bodies), np.asarray(dense, dtype=np.float32)])
        dense = (dense - self.mean_) / self.scale_
        blocks = ([self._tf(claims, self.claim_vocabulary_)] if self.claim_tf else []) + \
                 ([self._tf(bodies, self.body_vocabulary_)] if self.body_tf else [])
        return sparse.hstack([*blocks, sparse.csr_matrix(dense.astype(np.float32))], format="csr")

    def _vocabulary(self, texts) -> list[str]:
        counter = CountVectorizer(token_pattern=TOKEN, stop_words="english", max_features=self.max_words)
        counter.fit(texts)
        return sorted(counter.vocabulary_)

    # -- estimator --------------------------------------------------------------------------------
    def fit(self, claims, bodies, dense, y) -> "ClaimModel":
        from sklearn.neural_network import MLPClassifier
        from threadpoolctl import threadpool_limits

        claims, bodies, y = list(claims), list(bodies), np.asarray(y)
        self.languages_ = ["en"]  # FNC-1 is English; other languages keep the rules' label
        unique_bodies = sorted(set(bodies))
        self.claim_vocabulary_ = self._vocabulary(sorted(set(claims)))
        self.body_vocabulary_ = self._vocabulary(unique_bodies)
        self.cosine_vocabulary_ = sorted(set(self.claim_vocabulary_) | set(self.body_vocabulary_))
        seen = CountVectorizer(token_pattern=TOKEN, vocabulary=self.cosine_vocabulary_, binary=True)
        docs = seen.transform(sorted(set(claims)) + unique_bodies)
        df = np.asarray(docs.sum(axis=0)).ravel()
        self.idf_ = (np.log((1 + docs.shape[0]) / (1 + df)) + 1).astype(np.float32)
        raw = np.column_stack([self.cosine(claims, bodies), np.asarray(dense, dtype=np.float32)])
        self.mean_ = raw.mean(axis=0).astype(np.float32)
        self.scale_ = np.where(raw.std(axis=0) > 0, raw.std(axis=0), 1).astype(np.float32)
        x = self.transform(claims, bodies, dense)
        weights = np.array([(self.class_weight or {}).get(c, 1.0) for c in y], dtype=float)
        net = MLPClassifier(hidden_layer_sizes=(self.hidden,), alpha=self.alpha, batch_size=self.batch_size,
                            max_iter=self.epochs, shuffle=True, random_state=self.random_state,
                            n_iter_no_change=self.epochs + 1, tol=0.0)
        with threadpool_limits(limits=1):
            import warnings
            from sklearn.exceptions import ConvergenceWarning
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                net.fit(x, y, sample_weight=weights)
        order = [list(net.classes_).index(c) for c in CLASSES]
        self.coef0_ = net.coefs_[0].astype(np.float32)
        self.bias0_ = net.intercepts_[0].astype(np.float32)
        self.coef1_ = net.coefs_[1][:, order].astype(np.float32)
        self.bias1_ = net.intercepts_[1][order].astype(np.float32)
        return self

    def predict_proba(self, claims, bodies, dense) -> np.ndarray:
        """Probabilities, one column per class of ``CLASSES``."""
        x = self.transform(list(claims), list(bodies), dense)
        hidden = np.maximum(x @ self.coef0_ + self.bias0_, 0)
        logits = hidden @ self.coef1_ + self.bias1_
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)

    def predict(self, claims, bodies, dense) -> np.ndarray:
        return np.array(CLASSES)[self.predict_proba(claims, bodies, dense).argmax(axis=1)]

    # -- files ------------------------------------------------------------------------------------
    ARRAYS = ("idf_", "mean_", "scale_", "coef0_", "bias0_", "coef1_", "bias1_")

    def save(self, stem: Path | str, card: dict | None = None) -> list[Path]:
        """Write ``STEM.npz`` (arrays) and ``STEM.json`` (vocabularies, settings, ``card``).
        Both are byte-identical for identical models (no timestamps; fixed key order)."""
        stem = Path(stem)
        stem.parent.mkdir(parents=True, exist_ok=True)
        npz, meta = stem.with_suffix(".npz"), stem.with_suffix(".json")
        _write_npz(npz, {name.rstrip("_"): getattr(self, name) for name in self.ARRAYS})
        info = {"format": FORMAT, "classes": list(CLASSES), "features": FEATURES,
                "params": self.params(), "languages": ["en"],
                "claim_vocabulary": self.claim_vocabulary_, "body_vocabulary": self.body_vocabulary_,
                "card": card or {}}
        meta.write_text(json.dumps(info, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        return [npz, meta]

    @classmethod
    def load(cls, stem: Path | str) -> "ClaimModel":
        """Read a model written by :meth:`save`; raises ``ValueError`` naming the file when it is not one."""
        stem = Path(stem)
        npz, meta = stem.with_suffix(".npz"), stem.with_suffix(".json")
        for path in (npz, meta):
            if not path.exists():
                raise ValueError(f"{path}: model file not found; run `python -m analysis train-claim-model`")
        info = json.loads(meta.read_text(encoding="utf-8"))
        if info.get("format") != FORMAT or info.get("features") != FEATURES:
            raise ValueError(f"{meta}: not a {FORMAT} model for this version of analysis.claim_model")
        model = cls(**info["params"])
        model.claim_vocabulary_, model.body_vocabulary_ = info["claim_vocabulary"], info["body_vocabulary"]
        model.cosine_vocabulary_ = sorted(set(model.claim_vocabulary_) | set(model.body_vocabulary_))
        model.languages_, model.card_ = info.get("languages", ["en"]), info.get("card", {})
        with np.load(npz, allow_pickle=False) as arrays:
            for name in cls.ARRAYS:
                setattr(model, name, arrays[name.rstrip("_")])
        return model
