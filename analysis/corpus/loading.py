"""Load a corpus from any of the supported layouts into one tidy table, losing nothing silently.

Layouts (see README, "Your own corpus"):
- a folder of ``.txt`` files with ``metadata.csv`` (``doc_id,file,outlet,language,published,url,title``);
- a ``.csv`` or ``.jsonl`` file with the same fields plus ``text``;
- a folder of ``.json`` files, one article (an object with the same fields plus ``text``) each.

Every input document becomes one row of the documents table, ``status`` = ``analysed`` or
``skipped`` with a ``reason`` that names the file and line and says what to do. Page furniture
(related-link lines, crawl stamps, disclaimers) is moved to the ``furniture`` column by the rules in
``data/furniture.yaml`` plus the corpus's own ``furniture.yaml`` if it has one.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from analysis.corpus.decoding import (
    _decode,
    _first_bad,
    _line_ends,
    _not_utf8,
    _unmark,
    decode_text,
)
from analysis.corpus.errors import CorpusError, default_max_size
from analysis.corpus.furniture import FurnitureRule, load_furniture_rules, split_furniture
from analysis.corpus.records import read_csv_rows, read_jsonl_rows
from analysis.paths import FURNITURE_RULES
from analysis.text import count_words
from analysis.schemas import row_tuples

METADATA_COLUMNS = ["doc_id", "file", "outlet", "language", "published", "url", "title"]
REQUIRED = ["doc_id", "outlet", "language"]
DOCUMENT_COLUMNS = METADATA_COLUMNS + ["text", "furniture", "translation", "translation_by",
                                       "n_words", "status", "reason", "notes"]
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Source:
    """One input document as read: its metadata ``record``, its ``raw`` text (bytes from a file,
    str from a table, None when absent), ``where`` it came from (file and line, for messages) and
    a ``problem`` found while reading it, if any."""

    record: dict
    raw: bytes | str | None
    where: str
    problem: str | None = None


def _clean(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return _unmark(str(value)).strip()


def _check_metadata(record: dict, where: str) -> str | None:
    """The reason to skip a record for its metadata, or None."""
    missing = [f for f in REQUIRED if not _clean(record.get(f))]
    if missing:
        return f"{where}: missing {', '.join(missing)}; fill it in the metadata"
    language = _clean(record["language"])
    if not re.fullmatch(r"[a-z]{2}", language):
        return f"{where}: language {language!r} is not an ISO 639-1 code (en, fr, ar, fa, ps …)"
    return None


def _published(value) -> tuple[str, list[str]]:
    """An ISO date or ``unknown``, with a note when a given value is not an ISO date."""
    published = _clean(value) or UNKNOWN
    if published == UNKNOWN:
        return published, []
    try:
        date.fromisoformat(published)
        return published, []
    except ValueError:
        return UNKNOWN, [f"published {published!r} is not an ISO date; treated as unknown"]


def _table_text(raw: str, where: str) -> tuple[str, list[str]]:
    """Article text from a table field: refused if it holds undecodable bytes or NUL, else
    line ends repaired (noted) and NFC-normalised."""
    bad = _first_bad(raw)
    if bad:
        raise ValueError(f"{where}: the text holds a lone surrogate (text line {bad[0]}, column "
                         f"{bad[1]}), which no encoding can write; fix the text")
    if "\x00" in raw:
        raise ValueError(f"{where}: binary content (NUL character) in the text; not an article")
    text, notes = _line_ends(raw)
    return unicodedata.normalize("NFC", text), notes


# fields of an input record that become our columns under another form (never kept as extras)
_INPUT_FIELDS = {"file", "text", "translation", "translation_by"}


def _document(source: Source, rules: list[FurnitureRule], max_size: int) -> dict:
    """Build one documents-table row from a source's metadata and raw text."""
    record, raw, where = source.record, source.raw, source.where
    row = {c: _clean(record.get(c)) or (UNKNOWN if c in ("published", "url", "title") else "")
           for c in METADATA_COLUMNS}
    row.update(text="", furniture="", translation=_clean(record.get("translation")),
               translation_by=_clean(record.get("translation_by")) or
               ("corpus" if _clean(record.get("translation")) else ""),
               n_words=0, status="skipped", reason="", notes="")
    reason = source.problem or _check_metadata(record, where)
    row["published"], notes = _published(record.get("published"))
    notes += record.get("_notes", [])
    if reason is None and raw is None:
        reason = f"{where}: file not found; fix the 'file' column or add the file"
    if reason is None and len(raw) > max_size:
        reason = _too_big(where, len(raw), "characters", max_size)
    if reason is None:
        try:
            text, decode_notes = (decode_text(raw, where) if isinstance(raw, bytes)
                                  else _table_text(raw, where))
            notes += decode_notes
            row["text"], row["furniture"] = split_furniture(text, rules)
            if not row["text"].strip():
                reason = (f"{where}: no article text"
                          + (" (only page furniture)" if row["furniture"] else ""))
        except ValueError as err:
            reason = str(err)
    row["notes"] = "; ".join(notes)
    # metadata the corpus carries beyond ours (an outlet's leaning, country, …) is kept as given,
    # for grouping outlets; a field that would overwrite one of ours is not
    for key, value in record.items():
        name = _clean(key) if isinstance(key, str) else ""
        if name and name not in row and name not in _INPUT_FIELDS and not name.startswith("_"):
            row[name] = _clean(value)
    if reason:
        row["reason"] = _unmark(reason)
        row["text"] = row["furniture"] = ""
    else:
        row["status"] = "analysed"
        row["n_words"] = count_words(row["text"], row["language"])
    return row


def _inside(folder: Path, name: str) -> tuple[Path | None, str | None]:
    """Resolve ``name`` inside ``folder``; ``(path, None)``, or ``(None, why not)`` when it is
    absolute, climbs out with ``..`` or is a symlink that leaves the folder."""
    if not name:
        return None, "no file named"
    if "\x00" in name:
        return None, "the file name holds a NUL character; fix the 'file' column"
    path = folder / name
    if Path(name).is_absolute():
        return None, f"file {name!r} is an absolute path; give a path inside the corpus folder"
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError) as err:  # a symlink loop
        return None, f"file {name!r} cannot be resolved ({err})"
    if not resolved.is_relative_to(folder.resolve()):
        return None, (f"file {name!r} is outside the corpus folder {folder}; only files inside "
                      "it are read")
    return path, None


def _too_big(where: str, size: int, unit: str, limit: int) -> str:
    return (f"{where}: {size:,} {unit}, above the size limit of {limit:,} (load_documents "
            "max_size); split the article or raise the limit")


def _read_file(path: Path | None, where: str, max_size: int) -> tuple[bytes | None, str | None]:
    """``(bytes, None)`` of a regular file; ``(None, reason)`` when it is above the size limit
    (not read at all); ``(None, None)`` when there is no such file."""
    if path is None or not path.exists():
        return None, None
    if not path.is_file():
        return None, f"{where}: not a regular file (a folder?); name a text file"
    size = path.stat().st_size
    if size > max_size:
        return None, _too_big(where, size, "bytes", max_size)
    return path.read_bytes(), None


def _read_translations(folder: Path, max_size: int) -> dict[str, dict]:
    """English pivot translations supplied beside a text-folder corpus.

    ``translations/translations.csv`` lists ``doc_id,file,translator``; each file (UTF-8, in
    ``translations/``) is the translation of that document, and ``translator`` says whose it is
    (the outlet's, or e.g. "framelab project", never passed off as the outlet's). A translation
    that cannot be used is noted on its document (``_notes``), which is analysed without it.
    """
    index = folder / "translations" / "translations.csv"
    if not index.is_file():
        return {}
    header, rows = read_csv_rows(index, {}, max_size)
    missing = {"doc_id", "file", "translator"} - set(header)
    if header and missing:
        raise CorpusError(f"{index}: missing column(s) {', '.join(sorted(missing))}")
    out = {}
    for row in rows:
        doc_id = _clean(row.record.get("doc_id"))
        where = f"translations.csv line {row.line}"
        path, problem = _inside(index.parent, _clean(row.record.get("file")))
        problem = row.problem or (problem and f"{where}: {problem}")
        raw, too_big = _read_file(path, where, max_size)
        problem = problem or too_big
        if not problem and raw is None:
            problem = f"{where}: translation file {row.record['file']} not found"
        if not problem:
            try:
                text, _ = decode_text(raw, f"translations/{path.name}")
                out[doc_id] = {"translation": text.strip(),
                               "translation_by": _clean(row.record.get("translator"))}
                continue
            except ValueError as err:
                problem = str(err)
        out.setdefault(doc_id, {"_notes": []})["_notes"].append(
            f"translation not used: {_unmark(problem)}")
    return out


def _records_from_text_folder(folder: Path, columns: dict, max_size: int) -> list[Source]:
    metadata = folder / "metadata.csv"
    if not metadata.is_file():
        raise CorpusError(f"{folder}: no metadata.csv; a text-file corpus needs one with columns "
                          + ",".join(METADATA_COLUMNS))
    header, rows = read_csv_rows(metadata, columns, max_size)
    if header and "file" not in header:
        raise CorpusError(f"{metadata}: no 'file' column (columns: {', '.join(header)})")
    translations = _read_translations(folder, max_size)
    out, listed = [], set()
    for row in rows:
        record = {**row.record, **translations.get(_clean(row.record.get("doc_id")), {})}
        name = _clean(record.get("file"))
        listed.add(name)
        where = f"metadata.csv line {row.line} ({name})"
        path, outside = _inside(folder, name)
        problem = row.problem or (outside and f"{where}: {outside}")
        raw, too_big = (None, None) if problem else _read_file(path, where, max_size)
        out.append(Source(record, raw, where, problem or too_big))
    empty = "" if rows else " (metadata.csv has no rows)"
    for path in sorted(folder.glob("*.txt")):
        if path.name not in listed:
            out.append(Source({"file": path.name}, None, path.name,
                              f"{path.name}: not listed in metadata.csv{empty}; add a row for it"))
    return out


def _records_from_table(path: Path, columns: dict, max_size: int) -> list[Source]:
    if path.suffix == ".csv":
        header, rows = read_csv_rows(path, columns, max_size)
        if not header:
            raise CorpusError(f"{path}: empty file; a CSV corpus needs a header row naming its "
                              "columns (doc_id,outlet,language,…,text) and one row per article")
    else:
        rows = read_jsonl_rows(path, columns)
    out = []
    for row in rows:
        record, where = dict(row.record), f"{path.name} line {row.line}"
        record["file"] = f"{path.name}:{row.line}"
        text = record.get("text")
        problem = row.problem
        if problem is None and text is not None and not isinstance(text, str):
            problem = f"{where}: text is a JSON {type(text).__name__}, not a string"
        if problem is None and text is None:
            problem = f"{where}: no 'text' field; give each row its article text"
        out.append(Source(record, text if isinstance(text, str) else None, where, problem))
    return out


def _records_from_json_folder(folder: Path, columns: dict, max_size: int) -> list[Source]:
    out = []
    for path in sorted(folder.glob("*.json")):
        raw, problem = _read_file(path, path.name, max_size)
        if raw is None:
            problem = problem or f"{path.name}: not a regular file"
        else:
            text, _ = _decode(raw)
            bad = _first_bad(text)
            try:
                if bad:
                    raise ValueError(_not_utf8(path.name, bad))
                record = json.loads(text)
                if not isinstance(record, dict):
                    raise ValueError("not a JSON object")
            except (ValueError, RecursionError) as err:
                problem = str(err) if bad else f"{path.name}: unreadable JSON ({err})"
        if problem:
            out.append(Source({"file": path.name}, None, path.name, problem))
            continue
        record = {columns.get(k, k): v for k, v in record.items()}
        record["file"] = path.name
        text = record.get("text")
        problem = (None if isinstance(text, str) else
                   f"{path.name}: no 'text' string; give the article text" if text is None else
                   f"{path.name}: text is a JSON {type(text).__name__}, not a string")
        out.append(Source(record, text if isinstance(text, str) else None, path.name, problem))
    return out


def load_documents(path: Path | str, columns: dict[str, str] | None = None,
                   furniture_rules: list[FurnitureRule] | None = None,
                   max_size: int | None = None) -> pd.DataFrame:
    """Read every document of a corpus; one row each, analysed or skipped with its reason.

    ``columns`` maps the corpus's field names to ours (``{"source": "outlet"}``). Furniture rules
    default to ``data/furniture.yaml`` plus ``furniture.yaml`` in a corpus folder. A document
    above ``max_size`` characters (bytes for a file; default ``default_max_size()``, 32 MB) is
    skipped with its size, so one huge article cannot stall a run. A bad row, line or byte in a CSV, JSONL or ``metadata.csv``
    skips that record (file, physical line, reason) and keeps the others; ``file`` entries are
    read only inside the corpus folder.
    Out: ``DOCUMENT_COLUMNS``: the metadata, ``text`` (article text, furniture removed),
    ``furniture``, ``translation`` (an English pivot supplied by the corpus, or ""),
    ``translation_by`` (whose translation it is: a ``translation_by`` field, the translator named
    in ``translations/translations.csv``, or "corpus"), ``n_words``,
    ``status`` (``analysed`` / ``skipped``), ``reason`` and ``notes`` (repairs made, e.g. BOM),
    then any other metadata field of the corpus (e.g. ``leaning``) as a string column, "" where
    a record lacks it, so outlets can be grouped by it.
    Rows keep input order. Raises ``CorpusError`` only when the corpus as a whole is unreadable
    (no such path, unsupported layout, no metadata, an unreadable header or furniture rule).
    """
    path = Path(path)
    columns = columns or {}
    max_size = max_size or default_max_size()
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    try:
        if path.is_dir():
            own_rules = path / "furniture.yaml"
            if (path / "metadata.csv").exists():
                records = _records_from_text_folder(path, columns, max_size)
            elif any(path.glob("*.json")):
                records = _records_from_json_folder(path, columns, max_size)
            else:
                raise CorpusError(f"{path}: neither metadata.csv nor *.json files found")
        elif path.suffix in (".csv", ".jsonl"):
            own_rules = path.with_name("furniture.yaml")
            records = _records_from_table(path, columns, max_size)
        else:
            raise CorpusError(f"{path}: unsupported corpus; give a folder, a .csv or a .jsonl file")
    except OSError as err:
        raise CorpusError(f"{path}: cannot be read ({err.strerror or err}); check its "
                          "permissions") from err
    rules = furniture_rules if furniture_rules is not None else load_furniture_rules(
        FURNITURE_RULES, own_rules)
    rows = [_document(source, rules, max_size) for source in records]
    extra = sorted({k for row in rows for k in row} - set(DOCUMENT_COLUMNS))
    documents = pd.DataFrame(rows, columns=DOCUMENT_COLUMNS + extra)
    documents[extra] = documents[extra].fillna("")
    return _skip_duplicate_ids(documents)


def _skip_duplicate_ids(documents: pd.DataFrame) -> pd.DataFrame:
    """Skip every later row that repeats an analysed row's doc_id, naming the first."""
    documents = documents.copy()
    first: dict[str, str] = {}
    for i, row in documents.iterrows():
        if row["status"] != "analysed":
            continue
        if row["doc_id"] in first:
            documents.loc[i, ["status", "reason", "n_words"]] = [
                "skipped", f"{row['file']}: duplicate doc_id {row['doc_id']!r} (first in "
                f"{first[row['doc_id']]}); give each document its own id", 0]
        else:
            first[row["doc_id"]] = row["file"]
    return documents


def analysed(documents: pd.DataFrame) -> pd.DataFrame:
    """The documents that are analysed, with the corpus columns every later stage uses."""
    kept = documents[documents["status"] == "analysed"]
    return kept.drop(columns=["status", "reason"]).reset_index(drop=True)


def documents_table(documents: pd.DataFrame) -> pd.DataFrame:
    """The table ``reports/tables/documents.csv``: metadata, ``n_words``, ``status``, ``reason``,
    ``notes``; no text."""
    return documents[METADATA_COLUMNS + ["n_words", "status", "reason", "notes"]]


def summarise_outlets(corpus: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: ``documents``, ``words`` (total), ``languages`` (codes, comma-joined),
    ``first_published`` / ``last_published`` (ISO dates; ``unknown`` if none is known) and
    ``undated`` (documents without a date). Sorted by outlet."""
    dated = corpus.assign(date=pd.to_datetime(corpus["published"], errors="coerce", format="%Y-%m-%d"))

    def summary(group: pd.DataFrame) -> pd.Series:
        dates = group["date"].dropna()
        return pd.Series({
            "documents": len(group),
            "words": int(group["n_words"].sum()),
            "languages": ", ".join(sorted(group["language"].unique())),
            "first_published": dates.min().date().isoformat() if len(dates) else UNKNOWN,
            "last_published": dates.max().date().isoformat() if len(dates) else UNKNOWN,
            "undated": int(group["date"].isna().sum()),
        })

    rows = [{"outlet": outlet, **summary(group)} for outlet, group in dated.groupby("outlet", sort=True)]
    return pd.DataFrame(rows, columns=["outlet", "documents", "words", "languages",
                                       "first_published", "last_published", "undated"])


def furniture_lines(documents: pd.DataFrame) -> pd.DataFrame:
    """One row per line of page furniture set aside: ``doc_id``, ``outlet``, ``rule``, ``line``."""
    rows = []
    for doc in row_tuples(documents):
        for entry in filter(None, doc.furniture.split("\n")):
            rule, _, line = entry.partition("] ")
            rows.append((doc.doc_id, doc.outlet, rule.lstrip("["), line))
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "rule", "line"])
