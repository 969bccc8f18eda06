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

import codecs
import csv
import json
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import yaml

from analysis.paths import FURNITURE_RULES
from analysis.text import count_words

METADATA_COLUMNS = ["doc_id", "file", "outlet", "language", "published", "url", "title"]
REQUIRED = ["doc_id", "outlet", "language"]
DOCUMENT_COLUMNS = METADATA_COLUMNS + ["text", "furniture", "translation", "translation_by",
                                       "n_words", "status", "reason", "notes"]
UNKNOWN = "unknown"
MAX_DOCUMENT_SIZE = 32_000_000  # characters of text (bytes for a file); far above any news article
MAX_SIZE_VARIABLE = "FRAMELAB_MAX_SIZE"  # set by `python -m analysis report --max-size`


def default_max_size() -> int:
    """The per-document size limit: ``FRAMELAB_MAX_SIZE`` when set (so the command line reaches
    the notebooks' kernels), else ``MAX_DOCUMENT_SIZE``."""
    value = os.environ.get(MAX_SIZE_VARIABLE, "").strip()
    if not value:
        return MAX_DOCUMENT_SIZE
    if not value.isdigit() or int(value) < 1:
        raise CorpusError(f"{MAX_SIZE_VARIABLE}={value!r}: give a positive whole number of bytes")
    return int(value)
_BAD = re.compile("[\ud800-\udfff]")  # where undecodable bytes were (lone surrogates)


class CorpusError(ValueError):
    """A corpus that cannot be read at all (no such path, no metadata, unreadable layout or
    header)."""


@dataclass(frozen=True)
class Source:
    """One input document as read: its metadata ``record``, its ``raw`` text (bytes from a file,
    str from a table, None when absent), ``where`` it came from (file and line, for messages) and
    a ``problem`` found while reading it, if any."""

    record: dict
    raw: bytes | str | None
    where: str
    problem: str | None = None


@dataclass(frozen=True)
class FurnitureRule:
    """A line-level rule: ``scope`` is ``line`` (the whole matching line is furniture) or
    ``prefix`` (only the matched start of the line is)."""

    name: str
    pattern: re.Pattern
    scope: str
    description: str


def load_furniture_rules(*paths: Path | str) -> list[FurnitureRule]:
    """Read furniture rules from YAML files (a list of ``name``, ``pattern``, ``scope``,
    ``description``); missing files are ignored so a corpus need not have its own."""
    rules = []
    for path in map(Path, paths):
        if not path.exists():
            continue
        try:
            entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        except (UnicodeDecodeError, yaml.YAMLError) as err:
            raise CorpusError(f"{path}: unreadable furniture rules ({err}); fix the YAML, "
                              "in UTF-8") from None
        if not isinstance(entries, list):
            raise CorpusError(f"{path}: furniture rules must be a YAML list of rules")
        for i, entry in enumerate(entries, start=1):
            where = f"{path}, rule {i}"
            if not isinstance(entry, dict) or not {"name", "pattern"} <= entry.keys():
                raise CorpusError(f"{where}: each rule needs 'name' and 'pattern'")
            scope = entry.get("scope", "line")
            if scope not in ("line", "prefix"):
                raise CorpusError(f"{where}: scope must be 'line' or 'prefix', not {scope!r}")
            try:
                pattern = re.compile(str(entry["pattern"]))
            except re.error as err:
                raise CorpusError(f"{where} ({entry['name']}): bad pattern: {err}") from err
            rules.append(FurnitureRule(entry["name"], pattern, scope, entry.get("description", "")))
    return rules


def split_furniture(text: str, rules: list[FurnitureRule]) -> tuple[str, str]:
    """Separate page furniture from article text; return ``(text, furniture)``.

    A ``line`` rule moves every line it matches (``re.search``) to the furniture; a ``prefix``
    rule moves the matched start of a line. Furniture lines are joined with newlines, each
    prefixed by the rule name in brackets so the analyst sees why it was set aside.
    """
    kept, furniture = [], []
    for line in text.split("\n"):
        for rule in rules:
            match = rule.pattern.search(line)
            if not match:
                continue
            if rule.scope == "line":
                furniture.append(f"[{rule.name}] {line.strip()}")
                line = None
                break
            if match.start() == 0 and match.end() > 0:
                furniture.append(f"[{rule.name}] {line[:match.end()].strip()}")
                line = line[match.end():]
        if line is not None:
            kept.append(line)
    return "\n".join(kept).strip("\n"), "\n".join(furniture)


def _decode(raw: bytes) -> tuple[str, list[str]]:
    """Decode bytes as UTF-8, or as UTF-16 when a UTF-16 byte-order mark says so; return
    ``(text, notes)``. Undecodable bytes become lone surrogates (never mojibake), so a caller
    can find their line and column with ``_first_bad`` and skip just that line or file."""
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if raw.startswith(bom):
            return raw[2:].decode(codec, errors="framelab-mark"), [
                "UTF-16 (byte-order mark) decoded"]
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="surrogateescape"), ["UTF-8 byte-order mark removed"]
    return raw.decode("utf-8", errors="surrogateescape"), []


def _mark_undecodable(err: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: each undecodable byte becomes one lone surrogate (U+DC80 + byte)."""
    bad = err.object[err.start:err.end]
    return "".join(chr(0xDC00 + (b if b >= 0x80 else 0x80 | b)) for b in bad), err.end


codecs.register_error("framelab-mark", _mark_undecodable)


def _first_bad(text: str) -> tuple[int, int, int] | None:
    """``(line, column, byte)`` of the first undecodable byte in decoded ``text``, or None."""
    match = _BAD.search(text)
    if not match:
        return None
    line_start = text.rfind("\n", 0, match.start()) + 1
    return (text.count("\n", 0, match.start()) + 1, match.start() - line_start + 1,
            ord(match.group()) & 0xFF)


def _not_utf8(where: str, bad: tuple[int, int, int], line_offset: int = 0) -> str:
    line, column, byte = bad
    return (f"{where}, line {line + line_offset}, column {column}: not valid UTF-8 "
            f"(byte 0x{byte:02x}); re-save the file as UTF-8")


def _unmark(value: str) -> str:
    """A string safe to write anywhere: undecodable bytes shown as U+FFFD."""
    return _BAD.sub("\ufffd", value)


def _line_ends(text: str) -> tuple[str, list[str]]:
    """Convert CRLF and lone CR line ends to LF; return the text and a note per repair."""
    if "\r" not in text:
        return text, []
    notes = ["CRLF line ends converted to LF"] if "\r\n" in text else []
    text = text.replace("\r\n", "\n")
    if "\r" in text:
        notes.append("lone CR line ends converted to LF")
        text = text.replace("\r", "\n")
    return text, notes


def decode_text(raw: bytes, where: str) -> tuple[str, list[str]]:
    """Decode article bytes; return ``(text, notes)`` or raise ``ValueError`` naming ``where``
    and the line of the problem.

    UTF-8, or UTF-16 when a UTF-16 byte-order mark says so; anything else is refused with the
    line and column of the first bad byte (never guessed, so never mojibake). A BOM is removed
    and CRLF/CR line ends become LF (each noted); text is NFC-normalised so accents compare
    equal however they were typed.
    """
    if not raw.strip():
        raise ValueError(f"{where}: empty file; remove it or add its text")
    utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
    if b"\x00" in raw and not utf16:
        line = raw[:raw.index(b"\x00")].count(b"\n") + 1
        raise ValueError(f"{where}, line {line}: binary content (NUL byte); not a text article "
                         "(UTF-16 needs a byte-order mark; or re-save the file as UTF-8)")
    text, notes = _decode(raw)
    bad = _first_bad(text)
    if bad:
        raise ValueError(_not_utf8(where, bad).replace("not valid UTF-8", "not valid UTF-16")
                         if utf16 else _not_utf8(where, bad))
    if not text.strip():
        raise ValueError(f"{where}: empty file; remove it or add its text")
    if "\x00" in text:
        raise ValueError(f"{where}: binary content (NUL character); not a text article")
    text, repairs = _line_ends(text)
    return unicodedata.normalize("NFC", text), notes + repairs


@dataclass(frozen=True)
class TableRow:
    """One record of a CSV or JSONL file: the physical ``line`` it starts on, its fields
    (undecodable bytes kept as lone surrogates) and the ``problem`` that makes it unusable."""

    line: int
    record: dict
    problem: str | None = None


def _physical_lines(text: str) -> list[str]:
    """Lines as a person counts them: split at LF only (U+2028, U+0085 and form feeds stay
    inside their line); a file with CR but no LF uses CR as its line end."""
    if "\n" not in text and "\r" in text:
        return text.split("\r")
    return text.split("\n")


def read_csv_rows(path: Path, columns: dict, max_size: int = MAX_DOCUMENT_SIZE
                  ) -> tuple[list[str], list[TableRow]]:
    """Read a CSV file row by row; return ``(header, rows)``, never raising for a bad row.

    A row with an undecodable byte, an unterminated quote (the row and the rest of the file
    would merge: it is skipped and reading resumes on the next line), a stray CR, or a
    different number of fields than the header becomes a ``TableRow`` with its ``problem``
    and physical line; the good rows around it are kept. Cost: linear in the file, except that
    an unterminated quote rescans up to ``max_size`` characters once.
    """
    text, _ = _decode(path.read_bytes())
    lines = _physical_lines(text)
    csv.field_size_limit(max(csv.field_size_limit(), min(sys.maxsize, 2 * max_size + 1)))
    header, rows, i = None, [], 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        start = i
        fields, problem, i = _next_csv_record(lines, i, max_size)
        where = f"{path.name} line {start + 1}"
        problem = problem and f"{path.name} {problem}"
        bad = _first_bad("\n".join(lines[start:i]))
        if bad:
            problem = _not_utf8(path.name, bad, start)
        if header is None:
            if problem or "\x00" in "".join(fields):
                raise CorpusError(f"{where}: unreadable header ({problem or 'NUL byte'}); "
                                  "the first line must name the columns, in UTF-8")
            header = [columns.get(h.strip(), h.strip()) for h in fields]
            continue
        if problem is None and len(fields) != len(header):
            problem = (f"{where}: {len(fields)} fields where the header has {len(header)}; "
                       "check this row's commas and quotes")
        rows.append(TableRow(start + 1, dict(zip(header, fields)), problem))
    return header or [], rows


def _next_csv_record(lines: list[str], i: int, max_size: int) -> tuple[list[str], str | None, int]:
    """Parse the CSV record starting at line ``i``; return ``(fields, problem, next line)``.
    A broken record consumes only its first line, so reading resumes right after it."""
    consumed = [0, 0]  # lines, characters

    def feed():
        for line in lines[i:]:
            consumed[0] += 1
            consumed[1] += len(line)
            if consumed[1] > 2 * max_size + 65536:  # bounds the rescan after a stray quote
                raise csv.Error("longer than twice the size limit")
            yield line + "\n"

    try:
        fields = next(csv.reader(feed(), strict=True))
        return fields, None, i + consumed[0]
    except StopIteration:
        return [], None, len(lines)
    except csv.Error as err:
        reason = str(err)
        if "unexpected end of data" in reason or "expected after" in reason:
            reason = "unbalanced quotes: a quoted field is never closed or closes mid-field"
        elif "longer than" in reason:
            reason = "a record longer than twice the size limit; is a quote never closed?"
        elif "new-line character" in reason:
            reason = "a carriage return (CR) outside quotes"
        return [], (f"line {i + 1}: unreadable CSV row ({reason}); fix the quoting of this "
                    "row"), i + 1


def read_jsonl_rows(path: Path, columns: dict) -> list[TableRow]:
    """Read a JSONL file line by line (physical lines: U+2028 and U+0085 inside a string do not
    end a record); a line that is not a UTF-8 JSON object becomes a ``TableRow`` with its
    problem, keeping whatever fields could be read."""
    text, _ = _decode(path.read_bytes())
    rows = []
    for i, line in enumerate(_physical_lines(text), start=1):
        if not line.strip():
            continue
        where = f"{path.name} line {i}"
        bad = _first_bad(line)
        problem = _not_utf8(path.name, bad, i - 1) if bad else None
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise json.JSONDecodeError("not a JSON object", line, 0)
            record = {columns.get(k, k): v for k, v in record.items()}
        except (json.JSONDecodeError, RecursionError) as err:
            record = {}
            problem = problem or (f"{where}: not valid JSON "
                                  f"({getattr(err, 'msg', 'nested too deeply')})")
        rows.append(TableRow(i, record, problem))
    return rows


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
    ``status`` (``analysed`` / ``skipped``), ``reason`` and ``notes`` (repairs made, e.g. BOM).
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
    documents = pd.DataFrame(rows, columns=DOCUMENT_COLUMNS)
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
    for doc in documents.itertuples(index=False):
        for entry in filter(None, doc.furniture.split("\n")):
            rule, _, line = entry.partition("] ")
            rows.append((doc.doc_id, doc.outlet, rule.lstrip("["), line))
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "rule", "line"])
