"""Bad and unusual corpora, generated (never committed): the hostile-input matrix of issue 15.

Each case builds a corpus under a folder and says what loading it must give: ``rows`` in the
documents table, how many are ``analysed``, and a regular expression the skipped row's reason
(or the ``CorpusError``) must match. ``tests/test_hostile.py`` checks every case through
``load_documents``; ``benchmarks/hostile_matrix.py`` runs every case through the command line
and prints the matrix (case, exit code, documents accounted, message, traceback shown).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

HEADER = "doc_id,file,outlet,language,published,url,title\n"
CSV_HEADER = "doc_id,outlet,language,published,url,title,text\n"
GOOD = ("He said the talks had failed.\nThe group “denied any request” on Tuesday, a spokesman "
        "said.\nOfficials called the report false.")
GOOD_ROWS = "g1,g1.txt,Outlet One,en,2023-10-04,,\ng2,g2.txt,Outlet Two,en,2023-10-05,,\n"


@dataclass(frozen=True)
class Case:
    """A hostile corpus: ``build(root)`` writes it and returns the path to pass as --corpus."""

    name: str
    build: Callable[[Path], Path]
    rows: int | None          # documents-table rows; None when the corpus is refused
    analysed: int
    expect: str               # regex on the skipped row's reason, or on the CorpusError
    max_size: int | None = None  # the loader's per-document limit, when the case sets one


def _folder(root: Path, files: dict[str, bytes], extra_rows: str = "",
            metadata: bytes | None = None) -> Path:
    corpus = root / "corpus"
    corpus.mkdir(parents=True)
    for name, raw in {"g1.txt": GOOD.encode(), "g2.txt": GOOD.encode(), **files}.items():
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_bytes(raw)
    (corpus / "metadata.csv").write_bytes(
        metadata if metadata is not None else (HEADER + GOOD_ROWS + extra_rows).encode())
    return corpus


def one_file(raw: bytes, row: str = "x,x.txt,Outlet X,en,2023-10-06,,\n"):
    return lambda root: _folder(root, {"x.txt": raw}, row)


def _table(root: Path, name: str, raw: bytes) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / name).write_bytes(raw)
    return root / name


def csv_corpus(bad: bytes):
    good = "".join(f'g{i},Outlet {i},en,2023-10-0{i},u,t,"{GOOD}"\n' for i in (1, 2)).encode()
    return lambda root: _table(root, "corpus.csv", CSV_HEADER.encode() + good[:len(good) // 2]
                               + good[len(good) // 2:] + bad)


def jsonl_corpus(bad: bytes):
    good = "".join(json.dumps({"doc_id": f"g{i}", "outlet": f"Outlet {i}", "language": "en",
                               "text": GOOD}) + "\n" for i in (1, 2)).encode()
    return lambda root: _table(root, "corpus.jsonl", good + bad)


def json_folder(bad: bytes):
    def build(root: Path) -> Path:
        corpus = root / "corpus"
        corpus.mkdir(parents=True)
        for i in (1, 2):
            (corpus / f"g{i}.json").write_text(json.dumps(
                {"doc_id": f"g{i}", "outlet": f"Outlet {i}", "language": "en", "text": GOOD}))
        (corpus / "x.json").write_bytes(bad)
        return corpus
    return build


def _outside(kind: str):
    def build(root: Path) -> Path:
        (root / "secret.txt").parent.mkdir(parents=True, exist_ok=True)
        (root / "secret.txt").write_text("Secret words outside the corpus.")
        corpus = _folder(root, {}, {"abs": f"x,{root / 'secret.txt'},Outlet X,en,,,\n",
                                    "dotdot": "x,../secret.txt,Outlet X,en,,,\n",
                                    "link": "x,link.txt,Outlet X,en,,,\n",
                                    "etc": "x,/etc/passwd,Outlet X,en,,,\n"}[kind])
        if kind == "link":
            os.symlink(root / "secret.txt", corpus / "link.txt")
        return corpus
    return build


def _translation(files: dict[str, bytes]):
    def build(root: Path) -> Path:
        corpus = _folder(root, {"x.txt": "Le chef a dit « non ».".encode(),
                                **{f"translations/{k}": v for k, v in files.items()}},
                         "x,x.txt,Outlet X,fr,,,\n")
        (corpus / "translations").mkdir(exist_ok=True)
        (corpus / "translations" / "translations.csv").write_text(
            "doc_id,file,translator\nx,x.en.txt,framelab project\n")
        return corpus
    return build


def _one_outlet(root: Path) -> Path:
    return _folder(root, {}, metadata=(HEADER + GOOD_ROWS.replace("Outlet Two", "Outlet One"))
                   .encode())


def _one_document(root: Path) -> Path:
    corpus = _folder(root, {}, metadata=(HEADER + GOOD_ROWS.splitlines()[0] + "\n").encode())
    (corpus / "g2.txt").unlink()
    return corpus


def _multiline_csv(root: Path) -> Path:
    rows = "".join(f'm{i},Outlet {i},en,,,,"Para one.\n\nPara two."\n' for i in range(1, 4))
    return _table(root, "corpus.csv", (CSV_HEADER + rows + "late,Outlet 1,en,,,,\n").encode())


def _big(root: Path) -> Path:
    return _folder(root, {"x.txt": b"Word. " * 400_000}, "x,x.txt,Outlet X,en,,,\n")


CASES = [
    Case("empty file", one_file(b""), 3, 2, r"x\.txt\): empty file"),
    Case("whitespace-only file", one_file(b" \n\t\n"), 3, 2, r"empty file"),
    Case("binary file (NUL)", one_file(b"PK\x03\x04\x00\x00"), 3, 2, r"line 1: binary content"),
    Case("latin-1 file", one_file("Israël a dit.".encode("latin-1")), 3, 2,
         r"x\.txt\), line 1, column 5: not valid UTF-8 \(byte 0xeb\)"),
    Case("cp1252 file", one_file("He said “no”.".encode("cp1252")), 3, 2,
         r"line 1, column 9: not valid UTF-8 \(byte 0x93\)"),
    Case("UTF-8 BOM", one_file(b"\xef\xbb\xbfHe said no."), 3, 3, ""),
    Case("CRLF line ends", one_file(b"He said no.\r\nThen left.\r\n"), 3, 3, ""),
    Case("lone CR line ends", one_file(b"He said no.\rThen left.\r"), 3, 3, ""),
    Case("UTF-16 with BOM", one_file("He said “no”.".encode("utf-16")), 3, 3, ""),
    Case("UTF-16 without BOM", one_file("He said no.".encode("utf-16-le")), 3, 2,
         r"binary content \(NUL byte\).*UTF-16 needs a byte-order mark"),
    Case("listed file missing", lambda r: _folder(r, {}, "x,gone.txt,Outlet X,en,,,\n"), 3, 2,
         r"metadata\.csv line 4 \(gone\.txt\): file not found"),
    Case("unlisted file", lambda r: _folder(r, {"stray.txt": b"Not listed."}), 3, 2,
         r"stray\.txt: not listed in metadata\.csv"),
    Case("duplicate doc_id", one_file(b"Other text.", "g1,x.txt,Outlet X,en,,,\n"), 3, 2,
         r"duplicate doc_id 'g1' \(first in g1\.txt\)"),
    Case("bad date", one_file(b"Text.", "x,x.txt,Outlet X,en,4 Oct 2023,,\n"), 3, 3, ""),
    Case("missing outlet", one_file(b"Text.", "x,x.txt,,en,,,\n"), 3, 2, r"missing outlet"),
    Case("bad language code", one_file(b"Text.", "x,x.txt,Outlet X,English,,,\n"), 3, 2,
         r"language 'English' is not an ISO 639-1 code"),
    Case("markup in every field", one_file(b"<script>alert(1)</script> He said <b>no</b>.",
                                           'x,x.txt,<img src=x onerror=alert(1)>,en,,'
                                           'javascript:alert(1),"<script>t</script>"\n'), 3, 3, ""),
    Case("only page furniture", one_file(b"Read more: a link\n"), 3, 2,
         r"no article text \(only page furniture\)"),
    Case("file = /etc/passwd", _outside("etc"), 3, 2, r"'/etc/passwd' is an absolute path"),
    Case("file = absolute path", _outside("abs"), 3, 2, r"is an absolute path"),
    Case("file = ../outside", _outside("dotdot"), 3, 2, r"outside the corpus folder"),
    Case("symlink leaving the folder", _outside("link"), 3, 2, r"outside the corpus folder"),
    Case("file is a folder", lambda r: _folder(r, {"sub/x.txt": b"T."}, "x,sub,Outlet X,en,,,\n"),
         3, 2, r"\(sub\): not a regular file \(a folder\?\)"),
    Case("empty metadata.csv", lambda r: _folder(r, {}, metadata=b""), 2, 0,
         r"g1\.txt: not listed in metadata\.csv \(metadata\.csv has no rows\)"),
    Case("latin-1 metadata row", lambda r: _folder(r, {"x.txt": b"T."}, metadata=(
        HEADER + GOOD_ROWS + "x,x.txt,Outlet X,en,,,Café\n").encode("latin-1")), 3, 2,
         r"metadata\.csv, line 4, column 26: not valid UTF-8 \(byte 0xe9\)"),
    Case("ragged metadata row", lambda r: _folder(r, {"x.txt": b"T."},
                                                  "x,x.txt,Outlet X,en,,,,extra\n"), 3, 2,
         r"metadata\.csv line 4: 8 fields where the header has 7"),
    Case("metadata without a file column", lambda r: _folder(r, {}, metadata=b"doc_id,outlet\n"),
         None, 0, r"metadata\.csv: no 'file' column"),
    Case("empty translation file", _translation({"x.en.txt": b""}), 3, 3, ""),
    Case("missing translation file", _translation({}), 3, 3, ""),
    Case("latin-1 translation", _translation({"x.en.txt": "Caf\xe9".encode("latin-1")}), 3, 3, ""),
    Case("CSV unterminated quote", csv_corpus(b'x,Outlet X,en,,,,"never closed\n'), 3, 2,
         r"corpus\.csv line 8: unreadable CSV row \(unbalanced quotes"),
    Case("CSV ragged row", csv_corpus(b"x,Outlet X,en,,,,text,extra\n"), 3, 2,
         r"corpus\.csv line 8: 8 fields where the header has 7"),
    Case("CSV latin-1 row", csv_corpus("x,Outlet X,en,,,,Israël\n".encode("latin-1")), 3, 2,
         r"corpus\.csv, line 8, column 22: not valid UTF-8 \(byte 0xeb\)"),
    Case("CSV CRLF rows", lambda r: _table(r, "corpus.csv", (CSV_HEADER + f'x,O,en,,,,"{GOOD}"\n')
                                           .replace("\n", "\r\n").encode()), 1, 1, ""),
    Case("CSV lone CR in a field", csv_corpus(b'x,Outlet X,en,,,,"a\rb"\n'), 3, 3, ""),
    Case("CSV multi-line rows", _multiline_csv, 4, 3, r"corpus\.csv line 11: no article text"),
    Case("CSV empty file", lambda r: _table(r, "corpus.csv", b""), None, 0, r"empty file"),
    Case("JSONL U+2028 in a string", jsonl_corpus(json.dumps(
        {"doc_id": "x", "outlet": "O", "language": "en", "text": "A\u2028B."},
        ensure_ascii=False).encode() + b"\n"), 3, 3, ""),
    Case("JSONL U+0085 in a string", jsonl_corpus(json.dumps(
        {"doc_id": "x", "outlet": "O", "language": "en", "text": "A\x85B."},
        ensure_ascii=False).encode() + b"\n"), 3, 3, ""),
    Case("JSONL latin-1 line", jsonl_corpus('{"doc_id": "x", "outlet": "O", "language": "en", '
                                            '"text": "Israël"}\n'.encode("latin-1")), 3, 2,
         r"corpus\.jsonl, line 3, column 63: not valid UTF-8 \(byte 0xeb\)"),
    Case("JSONL invalid line", jsonl_corpus(b'{"doc_id": "x", \n'), 3, 2,
         r"corpus\.jsonl line 3: not valid JSON"),
    Case("JSONL array line", jsonl_corpus(b'["x"]\n'), 3, 2, r"not valid JSON \(not a JSON object"),
    Case("JSONL text not a string", jsonl_corpus(b'{"doc_id": "x", "outlet": "O", '
                                                 b'"language": "en", "text": 5}\n'), 3, 2,
         r"text is a JSON int, not a string"),
    Case("JSON file invalid", json_folder(b'{"doc_id": '), 3, 2, r"x\.json: unreadable JSON"),
    Case("JSON file latin-1", json_folder('{"doc_id": "x", "outlet": "O", "language": "en", '
                                          '"text": "Israël"}'.encode("latin-1")), 3, 2,
         r"x\.json, line 1, column 63: not valid UTF-8 \(byte 0xeb\)"),
    Case("one outlet", _one_outlet, 2, 2, ""),
    Case("one document", _one_document, 1, 1, ""),
    Case("2.4 MB article above a 1 MB limit", _big, 3, 2,
         r"x\.txt\): 2,400,000 bytes, above the size limit of 1,000,000", max_size=1_000_000),
]
