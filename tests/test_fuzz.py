"""Property-based tests (hypothesis): the loader on arbitrary bytes in every corpus format, and the
offsets of folding, sentences and quotations on arbitrary text (issue 15, item 7).

Example counts are bounded (``FUZZ``: 60 per test, derandomised) so ``make test`` stays fast; set
``FRAMELAB_FUZZ_EXAMPLES=5000`` for a longer hunt. No deadline, since a loaded machine must not
turn a slow example into a failure.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis as fl
from analysis.corpus import DOCUMENT_COLUMNS

EXAMPLES = int(os.environ.get("FRAMELAB_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES == 60,
                suppress_health_check=[HealthCheck.too_slow])

HEADER = "doc_id,file,outlet,language,published,url,title\n"
CSV_HEADER = "doc_id,outlet,language,published,url,title,text\n"
VALID = {
    "txt": "He said: “We never asked.”\nLe chef a dit « non ».\n".encode(),
    "metadata": (HEADER + "a,a.txt,O,en,2023-10-04,,\nb,b.txt,O,fr,,,\n").encode(),
    "csv": (CSV_HEADER + 'a,O,en,2023-10-04,u,t,"One ""quoted"" line.\nTwo."\n'
            "b,O,fr,,,,Le texte.\n").encode(),
    "jsonl": (json.dumps({"doc_id": "a", "outlet": "O", "language": "en", "text": "One.\u2028Two"})
              + "\n" + json.dumps({"doc_id": "b", "outlet": "O", "language": "fr",
                                   "text": "Deux."}) + "\n").encode(),
    "json": json.dumps({"doc_id": "a", "outlet": "O", "language": "en", "text": "One."}).encode(),
    "translations": b"doc_id,file,translator\nb,b.en.txt,framelab project\n",
}
NASTY = [b"\x00", b"\xff", b"\xe9", b"\xef\xbb\xbf", b"\xff\xfe", b"\r", b"\r\n", b"\n", b'"',
         b",", b"{", b"}", "\u2028".encode(), b"\xc2\x85", b"\\", b"\xed\xa0\x80", b"\\ud800"]


@st.composite
def mutated(draw, valid: bytes) -> bytes:
    """A valid input with a few bytes inserted or replaced: near misses find more bugs than
    random noise, which the first branch also gives."""
    if draw(st.integers(0, 4)) == 0:
        return draw(st.binary(max_size=300))
    raw = bytearray(valid)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(raw)))
        piece = draw(st.sampled_from(NASTY) | st.binary(min_size=1, max_size=4))
        cut = draw(st.integers(0, 2))
        raw[at:at + cut] = piece
    return bytes(raw)


def check(load) -> pd.DataFrame | None:
    """Load; the only error allowed is ``CorpusError``. Every row is accounted and writable."""
    try:
        documents = load()
    except fl.CorpusError:
        return None
    # ours first, then any other metadata field the corpus carries (named, as text)
    assert list(documents.columns[:len(DOCUMENT_COLUMNS)]) == DOCUMENT_COLUMNS
    extra = list(documents.columns[len(DOCUMENT_COLUMNS):])
    assert all(isinstance(c, str) and c.strip() for c in extra), extra
    for column in extra:
        documents[column].str.encode("utf-8")
    assert set(documents["status"]) <= {"analysed", "skipped"}
    skipped = documents[documents["status"] == "skipped"]
    assert (skipped["reason"] != "").all() and (skipped["n_words"] == 0).all()
    kept = documents[documents["status"] == "analysed"]
    assert (kept["reason"] == "").all() and kept["text"].str.strip().astype(bool).all()
    for column in ("text", "reason", "notes", "doc_id", "outlet", "title"):
        documents[column].str.encode("utf-8")        # no lone surrogate, no mojibake guard
    fl.documents_table(documents).to_csv(index=False)
    return documents


def folder_corpus(files: dict[str, bytes], nested: dict[str, bytes] | None = None):
    tmp = tempfile.TemporaryDirectory()
    root = Path(tmp.name)
    for name, raw in files.items():
        (root / name).write_bytes(raw)
    for name, raw in (nested or {}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(raw)
    return tmp, root


@FUZZ
@given(mutated(VALID["txt"]))
def test_article_file_of_any_bytes(raw):
    tmp, root = folder_corpus({"a.txt": raw, "b.txt": b"Fine.",
                               "metadata.csv": VALID["metadata"]})
    with tmp:
        documents = check(lambda: fl.load_documents(root))
        assert documents is not None and list(documents["file"]) == ["a.txt", "b.txt"]
        assert documents["status"].iloc[1] == "analysed"


@FUZZ
@given(mutated(VALID["metadata"]))
def test_metadata_of_any_bytes(raw):
    tmp, root = folder_corpus({"a.txt": b"Text a.", "b.txt": b"Text b.", "metadata.csv": raw})
    with tmp:
        documents = check(lambda: fl.load_documents(root))
        if documents is not None:                    # every article file is accounted for
            assert {"a.txt", "b.txt"} <= set(documents["file"])


@FUZZ
@given(mutated(VALID["translations"]), mutated(b"The text in English."))
def test_translations_of_any_bytes(index, translation):
    tmp, root = folder_corpus({"a.txt": b"Text a.", "b.txt": "Le texte.".encode(),
                               "metadata.csv": VALID["metadata"]},
                              {"translations/translations.csv": index,
                               "translations/b.en.txt": translation})
    with tmp:
        documents = check(lambda: fl.load_documents(root))
        if documents is not None:
            assert list(documents["status"]) == ["analysed", "analysed"]


@FUZZ
@given(st.sampled_from(["csv", "jsonl"]).flatmap(lambda f: st.tuples(st.just(f),
                                                                      mutated(VALID[f]))))
def test_table_corpus_of_any_bytes(case):
    kind, raw = case
    tmp, root = folder_corpus({f"c.{kind}": raw})
    with tmp:
        documents = check(lambda: fl.load_documents(root / f"c.{kind}"))
        if documents is not None:
            lines = [int(f.rsplit(":", 1)[1]) for f in documents["file"]]
            assert lines == sorted(lines) and len(set(lines)) == len(lines)
            assert max(lines, default=0) <= raw.count(b"\n") + raw.count(b"\r") + 1


@FUZZ
@given(mutated(VALID["json"]))
def test_json_folder_of_any_bytes(raw):
    tmp, root = folder_corpus({"a.json": raw, "b.json": VALID["json"].replace(b'"a"', b'"b"')})
    with tmp:
        documents = check(lambda: fl.load_documents(root))
        assert documents is not None and list(documents["file"]) == ["a.json", "b.json"]
        assert documents["status"].iloc[1] == "analysed"


PIECES = list("aé É.!?…,;: \n\t\u00a0\u2028\"'«»“”‘’„‹›-—ﬁßİ") + [
    "أَحْمَد", "Mr. ", "U.S. ", " said ", " dit ", "He ", "« ", " »", "\u0301"]
TEXT = st.lists(st.sampled_from(PIECES) | st.characters(codec="utf-8"), max_size=80).map("".join)


@FUZZ
@given(TEXT)
def test_fold_text_offsets_map_every_character_back(text):
    folded, offsets = fl.fold_text(text)
    assert len(offsets) == len(folded) + 1 and offsets[-1] == len(text)
    assert (offsets[1:] >= offsets[:-1]).all()
    for j, char in enumerate(text):                  # folding is per character, in order
        assert folded[offsets.searchsorted(j):offsets.searchsorted(j, "right")] == \
            fl.fold_text(char)[0]


@FUZZ
@given(TEXT, st.sampled_from(["en", "fr", "ar"]))
def test_sentence_spans_are_ordered_trimmed_and_cover_the_text(text, language):
    spans = fl.split_sentences(text, language)
    end = 0
    for a, b in spans:
        assert end <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip() and "\n" not in text[a:b]
        end = b
    covered = set().union(*(range(a, b) for a, b in spans)) if spans else set()
    assert all(i in covered for i, c in enumerate(text) if not c.isspace())


@FUZZ
@given(TEXT, st.sampled_from(["en", "fr"]))
def test_quotation_spans_are_the_quoted_text(text, language):
    corpus = pd.DataFrame([{"doc_id": "d", "outlet": "O", "language": language, "text": text,
                            "translation": ""}])
    quotes = fl.extract_quotes(corpus)
    for row in quotes.itertuples():
        assert 0 <= row.start <= row.end <= len(text)
        assert row.quote_text == text[row.start:row.end]
    warnings = fl.quote_warnings(corpus)
    assert all(0 <= offset < len(text) for offset in warnings["offset"])
