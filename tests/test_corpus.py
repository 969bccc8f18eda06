"""Loading every layout, furniture rules, and each kind of bad input named with file and line."""
from __future__ import annotations

import json
import re

import pandas as pd
import pytest

import analysis as fl

HEADER = "doc_id,file,outlet,language,published,url,title\n"


def write_folder(tmp_path, files: dict[str, bytes], metadata: str):
    for name, raw in files.items():
        (tmp_path / name).write_bytes(raw)
    (tmp_path / "metadata.csv").write_text(HEADER + metadata, encoding="utf-8")
    return fl.load_documents(tmp_path)


def reason_of(documents, doc_or_file):
    row = documents[(documents["doc_id"] == doc_or_file) | (documents["file"] == doc_or_file)]
    return row["status"].iloc[0], row["reason"].iloc[0]


def test_seeds_load_with_metadata_and_furniture(seed_documents):
    assert list(seed_documents["status"]) == ["analysed"] * 5
    assert seed_documents.set_index("doc_id").loc["004_674d73ae51ee4f97", "published"] == "unknown"
    assert set(seed_documents["language"]) == {"en", "fr"}
    texts = dict(zip(seed_documents["doc_id"].str[:3], seed_documents["text"]))
    assert "Read more:" not in texts["000"]
    assert texts["002"].startswith("Le chef des rebelles")
    assert "Leave A Reply" not in texts["004"] and "Note: The articles" not in texts["004"]
    assert texts["003"].startswith("Any alignment or engagement with Taliban are futile")
    furniture = fl.furniture_lines(seed_documents)
    assert furniture.groupby("doc_id").size().to_dict() == {
        "000_c8d13a82b0cb49fd": 3, "002_5e5fe8c18a7332b7": 1, "003_b642cc629317df28": 2,
        "004_674d73ae51ee4f97": 3}


def test_seed_metadata_columns_exact():
    table = pd.read_csv(fl.SEEDS / "metadata.csv", dtype=str)
    assert list(table.columns) == ["doc_id", "file", "outlet", "language", "published", "url", "title"]
    assert len(table) == 5


def test_furniture_prefix_rule_keeps_the_rest_of_the_line():
    rules = fl.load_furniture_rules(fl.DATA / "furniture.yaml")
    text, furniture = fl.split_furniture(" date 2023-10 Le chef des rebelles.\nSuite.", rules)
    assert text == "Le chef des rebelles.\nSuite."
    assert furniture == "[crawl-stamp] date 2023-10"


@pytest.mark.parametrize("line, rest", [
    ("Updated: Rick Santorum on Sunday tried to clarify his comment.", "Rick Santorum on Sunday tried to clarify his comment."),
    ("UPDATE 2:52 p.m. -- Additional records disclosed Wednesday revealed more.", "Additional records disclosed Wednesday revealed more."),
    ("Update at 2:49 p.m.: According to the plates, the car is his.", "According to the plates, the car is his."),
])
def test_update_label_is_furniture_not_a_speaker(line, rest):
    rules = fl.load_furniture_rules(fl.DATA / "furniture.yaml")
    text, furniture = fl.split_furniture(line, rules)
    assert text == rest and furniture.startswith("[update-stamp] ")


def test_update_rule_leaves_sentences_that_open_with_the_word():
    rules = fl.load_furniture_rules(fl.DATA / "furniture.yaml")
    line = "Updated figures show the deficit grew: officials said it would shrink."
    assert fl.split_furniture(line, rules) == (line, "")


def test_furniture_rule_does_not_touch_article_sentences():
    rules = fl.load_furniture_rules(fl.DATA / "furniture.yaml")
    line = "He said we should read more: books, papers and letters."
    assert fl.split_furniture(line, rules) == (line, "")


def test_bad_furniture_rule_names_file_and_rule(tmp_path):
    path = tmp_path / "furniture.yaml"
    path.write_text("- name: broken\n  pattern: '(unclosed'\n", encoding="utf-8")
    with pytest.raises(fl.CorpusError, match=r"furniture.yaml, rule 1 \(broken\): bad pattern"):
        fl.load_furniture_rules(path)


@pytest.mark.parametrize("raw, expected", [
    (b"", r"a\.txt\): empty file"),
    (b"   \n\n", r"a\.txt\): empty file"),
    (b"first line\nsecond \xe9t\xe9 line\n", r"a\.txt\), line 2, column 8: not valid UTF-8 \(byte 0xe9\)"),
    (b"PK\x03\x04\x00\x00binary", r"line 1: binary content"),
    (b"Read more: only a link\n", r"no article text \(only page furniture\)"),
])
def test_unreadable_files_are_skipped_with_reason(tmp_path, raw, expected):
    docs = write_folder(tmp_path, {"a.txt": raw}, "a,a.txt,Outlet,en,2023-10-04,,\n")
    status, reason = reason_of(docs, "a")
    assert status == "skipped"
    assert docs["n_words"].iloc[0] == 0
    assert re.search(expected, reason), reason


def test_bom_and_crlf_are_repaired_and_noted(tmp_path):
    docs = write_folder(tmp_path, {"a.txt": b"\xef\xbb\xbfFirst line.\r\nSecond line.\r\n"},
                        "a,a.txt,Outlet,en,2023-10-04,,\n")
    row = docs.iloc[0]
    assert row["status"] == "analysed"
    assert row["text"] == "First line.\nSecond line."
    assert row["notes"] == "UTF-8 byte-order mark removed; CRLF line ends converted to LF"


def test_duplicate_ids_missing_metadata_and_files(tmp_path):
    docs = write_folder(
        tmp_path,
        {"a.txt": b"Text a.", "b.txt": b"Text b.", "c.txt": b"Text c.", "d.txt": b"Text d.",
         "stray.txt": b"Not listed."},
        "a,a.txt,Outlet,en,2023-10-04,,\n"
        "a,b.txt,Outlet,en,2023-10-04,,\n"
        "c,c.txt,,en,2023-10-04,,\n"
        "d,d.txt,Outlet,English,2023-10-04,,\n"
        "e,missing.txt,Outlet,en,2023-10-04,,\n")
    by_file = docs.set_index("file")
    assert by_file.loc["a.txt", "status"] == "analysed"
    assert by_file.loc["b.txt", "reason"] == ("b.txt: duplicate doc_id 'a' (first in a.txt); "
                                              "give each document its own id")
    assert by_file.loc["c.txt", "reason"] == ("metadata.csv line 4 (c.txt): missing outlet; "
                                              "fill it in the metadata")
    assert "language 'English' is not an ISO 639-1 code" in by_file.loc["d.txt", "reason"]
    assert by_file.loc["missing.txt", "reason"].startswith("metadata.csv line 6 (missing.txt): file not found")
    assert by_file.loc["stray.txt", "reason"] == "stray.txt: not listed in metadata.csv; add a row for it"
    assert (docs["status"] == "skipped").sum() == 5 and len(docs) == 6


def test_bad_date_is_unknown_with_note(tmp_path):
    docs = write_folder(tmp_path, {"a.txt": b"Text."}, "a,a.txt,Outlet,en,4 Oct 2023,,\n")
    assert docs["published"].iloc[0] == "unknown"
    assert "is not an ISO date" in docs["notes"].iloc[0]


def test_csv_jsonl_and_json_folder_give_the_same_table(tmp_path, seed_documents):
    corpus = fl.analysed(seed_documents)[["doc_id", "outlet", "language", "published", "url", "title",
                                          "text"]]
    renamed = corpus.rename(columns={"outlet": "source"})
    renamed.to_csv(tmp_path / "corpus.csv", index=False)
    with open(tmp_path / "corpus.jsonl", "w", encoding="utf-8") as f:
        for record in renamed.to_dict("records"):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    folder = tmp_path / "json"
    folder.mkdir()
    for record in renamed.to_dict("records"):
        (folder / f"{record['doc_id']}.json").write_text(json.dumps(record), encoding="utf-8")
    for path in (tmp_path / "corpus.csv", tmp_path / "corpus.jsonl", folder):
        docs = fl.load_documents(path, columns={"source": "outlet"})
        assert list(docs["status"]) == ["analysed"] * 5, path
        assert list(docs["outlet"]) == list(corpus["outlet"])
        assert list(docs["text"]) == list(corpus["text"])


def test_jsonl_bad_line_is_skipped_not_fatal(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"doc_id": "a", "outlet": "O", "language": "en", "text": "Fine."}\n'
                    '{"doc_id": "b", "outlet": \n'
                    '{"doc_id": "c", "outlet": "O", "language": "en", "text": ""}\n', encoding="utf-8")
    docs = fl.load_documents(path)
    assert list(docs["status"]) == ["analysed", "skipped", "skipped"]
    assert docs["reason"].iloc[1].startswith("c.jsonl line 2: not valid JSON")
    assert docs["reason"].iloc[2] == "c.jsonl line 3: no article text"


@pytest.mark.parametrize("setup, message", [
    (lambda p: p / "nothing-here", r"no such file or folder"),
    (lambda p: (p / "x.txt").write_text("x") and p, r"neither metadata.csv nor \*.json"),
    (lambda p: (p / "x.parquet").write_text("x") and p / "x.parquet", r"unsupported corpus"),
])
def test_unreadable_corpus_raises_clear_error(tmp_path, setup, message):
    with pytest.raises(fl.CorpusError, match=message):
        fl.load_documents(setup(tmp_path))


def test_documents_table_lists_every_input(seed_documents):
    table = fl.documents_table(seed_documents)
    assert list(table.columns) == ["doc_id", "file", "outlet", "language", "published", "url",
                                   "title", "n_words", "status", "reason", "notes"]
    assert table["n_words"].between(300, 500).all()


def test_summarise_outlets(seed_corpus):
    table = fl.summarise_outlets(seed_corpus).set_index("outlet")
    assert table.loc["Voice of Hindukush", "first_published"] == "unknown"
    assert table.loc["Voice of Hindukush", "undated"] == 1
    assert table.loc["KabulNow", "first_published"] == "2023-03-21"
    assert table["documents"].sum() == 5


def test_translation_files_fill_the_pivot_column(tmp_path):
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "a.en.txt").write_text("He said hello.\n", encoding="utf-8")
    (tmp_path / "translations" / "translations.csv").write_text(
        "doc_id,file,translator\na,a.en.txt,framelab project\n", encoding="utf-8")
    docs = write_folder(tmp_path, {"a.txt": "Il a dit bonjour.".encode(), "b.txt": b"Text."},
                        "a,a.txt,Outlet,fr,2023-10-04,,\nb,b.txt,Outlet,en,2023-10-04,,\n")
    assert list(docs["translation"]) == ["He said hello.", ""]
    assert list(docs["translation_by"]) == ["framelab project", ""]


@pytest.mark.parametrize("files, note", [
    ({}, "translations.csv line 2: translation file gone.txt not found"),
    ({"gone.txt": b""}, "translations/gone.txt: empty file"),
    ({"gone.txt": b"caf\xe9"}, "translations/gone.txt, line 1, column 4: not valid UTF-8"),
])
def test_unusable_translation_is_noted_and_the_document_analysed(tmp_path, files, note):
    """Issue 15, item 3: an empty or missing translation file refused the whole corpus."""
    (tmp_path / "translations").mkdir()
    for name, raw in files.items():
        (tmp_path / "translations" / name).write_bytes(raw)
    (tmp_path / "translations" / "translations.csv").write_text(
        "doc_id,file,translator\na,gone.txt,framelab project\n", encoding="utf-8")
    docs = write_folder(tmp_path, {"a.txt": b"Text."}, "a,a.txt,Outlet,fr,2023-10-04,,\n")
    assert docs["status"].iloc[0] == "analysed" and docs["translation"].iloc[0] == ""
    assert note in docs["notes"].iloc[0], docs["notes"].iloc[0]
    assert docs["notes"].iloc[0].startswith("translation not used: ")


# --- issue 15: per-record recovery, physical lines, encodings, paths, size limit ---

ROW = "{id},O,en,2023-10-04,u,t,\"Text of {id}.\"\n"
CSV_HEADER = "doc_id,outlet,language,published,url,title,text\n"


def load_table(tmp_path, name: str, raw: bytes, **kwargs):
    path = tmp_path / name
    path.write_bytes(raw)
    return fl.load_documents(path, **kwargs)


def statuses(docs) -> dict[str, str]:
    return dict(zip(docs["file"], docs["status"]))


@pytest.mark.parametrize("bad_row, reason", [
    ('x,O,en,2023-10-04,u,t,"never closed\n', r"c\.csv line 3: unreadable CSV row \(unbalanced "
                                              r"quotes"),
    ("x,O,en,extra,2023-10-04,u,t,text\n", r"c\.csv line 3: 8 fields where the header has 7"),
    ("x,O,en,2023-10-04,u,t,caf\xe9\n", r"c\.csv, line 3, column 26: not valid UTF-8 \(byte 0xe9\)"),
    ("x,O,en,2023-10-04,u,t,a\rb\n", r"c\.csv line 3: unreadable CSV row \(a carriage return"),
])
def test_a_bad_csv_row_is_skipped_and_the_others_analysed(tmp_path, bad_row, reason):
    """Issue 15, item 3: one bad row raised ParserError/UnicodeDecodeError for the whole file."""
    raw = (CSV_HEADER + ROW.format(id="a") + bad_row + ROW.format(id="b")).encode("latin-1")
    docs = load_table(tmp_path, "c.csv", raw)
    assert statuses(docs) == {"c.csv:2": "analysed", "c.csv:3": "skipped", "c.csv:4": "analysed"}
    assert re.search(reason, docs["reason"].iloc[1]), docs["reason"].iloc[1]
    assert list(docs.loc[docs["status"] == "analysed", "doc_id"]) == ["a", "b"]


def test_csv_line_is_the_physical_line_of_the_row(tmp_path):
    """Issue 15, item 5: a row on line 19 was reported as "line 4" (the record number)."""
    multi = '"para one\n\npara two\n\npara three"'
    raw = CSV_HEADER + "".join(f"{i},O,en,2023-10-04,u,t,{multi}\n" for i in "abc")
    raw += "d,O,en,2023-10-04,u,t,\n"
    docs = load_table(tmp_path, "c.csv", raw.encode())
    assert list(docs["file"]) == ["c.csv:2", "c.csv:7", "c.csv:12", "c.csv:17"]
    assert docs["reason"].iloc[3] == "c.csv line 17: no article text"
    assert docs["text"].iloc[0] == "para one\n\npara two\n\npara three"


def test_jsonl_keeps_records_with_unicode_line_separators(tmp_path):
    """Issue 15, item 5: U+2028 / U+0085 in a string split one record into two invalid rows."""
    lines = [{"doc_id": "a", "outlet": "O", "language": "en", "text": "One\u2028two\x85three."},
             {"doc_id": "b", "outlet": "O", "language": "en", "text": "Fine."}]
    raw = "\n".join(json.dumps(r, ensure_ascii=False) for r in lines) + "\n"
    docs = load_table(tmp_path, "c.jsonl", raw.encode())
    assert list(docs["doc_id"]) == ["a", "b"] and set(docs["status"]) == {"analysed"}
    assert list(docs["file"]) == ["c.jsonl:1", "c.jsonl:2"]


def test_jsonl_latin1_line_is_skipped_with_line_and_column(tmp_path):
    """Issue 15, item 3: a latin-1 line raised UnicodeDecodeError for the whole file."""
    good = '{"doc_id": "a", "outlet": "O", "language": "en", "text": "Fine."}\n'
    bad = '{"doc_id": "b", "outlet": "O", "language": "en", "text": "caf\xe9"}\n'
    docs = load_table(tmp_path, "c.jsonl", (good + bad + good.replace('"a"', '"c"'))
                      .encode("latin-1"))
    assert list(docs["status"]) == ["analysed", "skipped", "analysed"]
    assert docs["doc_id"].iloc[1] == "b"   # the record is still named
    assert docs["reason"].iloc[1] == ("c.jsonl, line 2, column 62: not valid UTF-8 (byte 0xe9); "
                                      "re-save the file as UTF-8")


@pytest.mark.parametrize("name, text", [
    ("c.csv", CSV_HEADER + 'a,O,en,2023-10-04,u,t,"First.\rSecond.\r\nThird."\n'),
    ("c.jsonl", json.dumps({"doc_id": "a", "outlet": "O", "language": "en",
                            "text": "First.\rSecond.\r\nThird."}) + "\n"),
])
def test_table_line_ends_are_repaired_and_noted(tmp_path, name, text):
    """Issue 15, item 5: lone CRs were kept in table corpora and the repair not noted."""
    docs = load_table(tmp_path, name, text.encode())
    assert docs["text"].iloc[0] == "First.\nSecond.\nThird."
    assert docs["notes"].iloc[0] == ("CRLF line ends converted to LF; "
                                     "lone CR line ends converted to LF")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_decoded(tmp_path, codec):
    """Issue 15, item 5: UTF-16 was reported as "binary (NUL byte)"."""
    raw = ("L'aide d'Israël.\n".encode("utf-16") if codec == "utf-16"
           else "\ufeffL'aide d'Israël.\n".encode("utf-16-be"))
    docs = write_folder(tmp_path, {"a.txt": raw}, "a,a.txt,Outlet,fr,2023-10-04,,\n")
    assert docs["status"].iloc[0] == "analysed", docs["reason"].iloc[0]
    assert docs["text"].iloc[0] == "L'aide d'Israël."
    assert "UTF-16 (byte-order mark) decoded" in docs["notes"].iloc[0]
    table = load_table(tmp_path, "c.csv", (CSV_HEADER + ROW.format(id="z")).encode("utf-16"))
    assert list(table["status"]) == ["analysed"]


def test_utf16_without_a_byte_order_mark_says_what_to_do(tmp_path):
    docs = write_folder(tmp_path, {"a.txt": "Text.".encode("utf-16-le")},
                        "a,a.txt,Outlet,en,2023-10-04,,\n")
    assert "UTF-16 needs a byte-order mark" in docs["reason"].iloc[0]


@pytest.mark.parametrize("metadata, reason", [
    (b"", r"a\.txt: not listed in metadata\.csv \(metadata\.csv has no rows\)"),
    (HEADER.encode() + b"a,a.txt,Outlet,fr,2023-10-04,,Caf\xe9\n",
     r"metadata\.csv, line 2, column 34: not valid UTF-8 \(byte 0xe9\)"),
])
def test_bad_metadata_skips_rows_not_the_corpus(tmp_path, metadata, reason):
    """Issue 15, item 3: an empty or latin-1 metadata.csv raised EmptyDataError /
    UnicodeDecodeError and no document reached documents.csv."""
    (tmp_path / "a.txt").write_bytes(b"Text a.")
    (tmp_path / "b.txt").write_bytes(b"Text b.")
    (tmp_path / "metadata.csv").write_bytes(metadata)
    if metadata:
        (tmp_path / "metadata.csv").write_bytes(metadata + b"b,b.txt,Outlet,en,,,\n")
    docs = fl.load_documents(tmp_path)
    row = docs[docs["file"] == "a.txt"].iloc[0]
    assert row["status"] == "skipped" and re.search(reason, row["reason"]), row["reason"]
    assert len(docs) == 2 and docs["file"].is_unique
    if metadata:
        assert docs.set_index("file").loc["b.txt", "status"] == "analysed"


@pytest.mark.parametrize("name", ["/etc/passwd", "../outside.txt", "link.txt", "sub/../../outside.txt"])
def test_metadata_files_outside_the_corpus_folder_are_not_read(tmp_path, name):
    """Issue 15, item 6: a metadata `file` of /etc/passwd was read in as an article."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (tmp_path / "outside.txt").write_text("Secret words outside.", encoding="utf-8")
    (corpus / "link.txt").symlink_to(tmp_path / "outside.txt")
    (corpus / "ok.txt").write_text("Inside.", encoding="utf-8")
    docs = write_folder(corpus, {}, f"a,{name},O,en,,,\nb,ok.txt,O,en,,,\n")
    row = docs[docs["doc_id"] == "a"].iloc[0]
    assert row["status"] == "skipped" and row["text"] == ""
    assert re.search(r"metadata\.csv line 2 .*(absolute path|outside the corpus folder)",
                     row["reason"]), row["reason"]
    assert docs.set_index("doc_id").loc["b", "status"] == "analysed"


@pytest.mark.parametrize("layout", ["folder", "csv", "json"])
def test_documents_above_the_size_limit_are_skipped_with_their_size(tmp_path, layout):
    """Issue 15, item 4: one huge article stalled the run; now it is skipped by a limit."""
    big, small = "Word. " * 200, "Short text."
    if layout == "folder":
        docs = write_folder(tmp_path, {"big.txt": big.encode(), "small.txt": small.encode()},
                            "big,big.txt,O,en,,,\nsmall,small.txt,O,en,,,\n", )
        docs = fl.load_documents(tmp_path, max_size=1000)
        unit = "bytes"
    elif layout == "csv":
        docs = load_table(tmp_path, "c.csv", (CSV_HEADER + f"big,O,en,,,,{big}\n"
                                              f"small,O,en,,,,{small}\n").encode(), max_size=1000)
        unit = "characters"
    else:
        for doc_id, text in (("big", big), ("small", small)):
            (tmp_path / f"{doc_id}.json").write_text(json.dumps(
                {"doc_id": doc_id, "outlet": "O", "language": "en", "text": text}))
        docs, unit = fl.load_documents(tmp_path, max_size=1000), "bytes"
        docs["doc_id"] = docs["file"].str.removesuffix(".json")  # an unread file has no id
    by_id = docs.set_index("doc_id")
    assert by_id.loc["small", "status"] == "analysed"
    assert by_id.loc["big", "status"] == "skipped"
    assert re.search(rf"1,[0-9]{{3}} {unit}, above the size limit of 1,000", by_id.loc["big", "reason"])
    assert len(fl.load_documents(tmp_path if layout != "csv" else tmp_path / "c.csv")) == 2


def test_an_empty_csv_corpus_is_a_corpus_error(tmp_path):
    with pytest.raises(fl.CorpusError, match=r"c\.csv: empty file; a CSV corpus needs a header"):
        load_table(tmp_path, "c.csv", b"\n\n")


def test_the_size_limit_can_come_from_the_environment(tmp_path, monkeypatch):
    """`python -m analysis report --max-size` reaches the kernels' load_documents this way."""
    docs = write_folder(tmp_path, {"a.txt": b"Word. " * 300}, "a,a.txt,O,en,,,\n")
    assert docs["status"].iloc[0] == "analysed"
    monkeypatch.setenv("FRAMELAB_MAX_SIZE", "1000")
    reason = fl.load_documents(tmp_path)["reason"].iloc[0]
    assert reason.endswith("1,800 bytes, above the size limit of 1,000 (load_documents max_size); "
                           "split the article or raise the limit")
    monkeypatch.setenv("FRAMELAB_MAX_SIZE", "lots")
    with pytest.raises(fl.CorpusError, match="FRAMELAB_MAX_SIZE='lots': give a positive"):
        fl.load_documents(tmp_path)
