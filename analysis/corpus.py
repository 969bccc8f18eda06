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
import yaml

from analysis.paths import FURNITURE_RULES
from analysis.text import count_words

METADATA_COLUMNS = ["doc_id", "file", "outlet", "language", "published", "url", "title"]
REQUIRED = ["doc_id", "outlet", "language"]
DOCUMENT_COLUMNS = METADATA_COLUMNS + ["text", "furniture", "translation", "translation_by",
                                       "n_words", "status", "reason", "notes"]
UNKNOWN = "unknown"


class CorpusError(ValueError):
    """A corpus that cannot be read at all (no such path, no metadata, unreadable layout)."""


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
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for i, entry in enumerate(entries, start=1):
            where = f"{path}, rule {i}"
            if not isinstance(entry, dict) or not {"name", "pattern"} <= entry.keys():
                raise CorpusError(f"{where}: each rule needs 'name' and 'pattern'")
            scope = entry.get("scope", "line")
            if scope not in ("line", "prefix"):
                raise CorpusError(f"{where}: scope must be 'line' or 'prefix', not {scope!r}")
            try:
                pattern = re.compile(entry["pattern"])
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


def decode_text(raw: bytes, where: str) -> tuple[str, list[str]]:
    """Decode article bytes as UTF-8; return ``(text, notes)`` or raise ``ValueError`` naming
    ``where`` and the line of the problem. A BOM is removed and CRLF/CR line ends become LF (each
    noted); text is NFC-normalised so accents compare equal however they were typed."""
    if not raw.strip():
        raise ValueError(f"{where}: empty file; remove it or add its text")
    if b"\x00" in raw:
        line = raw[:raw.index(b"\x00")].count(b"\n") + 1
        raise ValueError(f"{where}, line {line}: binary content (NUL byte); not a text article")
    notes = []
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        notes.append("UTF-8 byte-order mark removed")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[:err.start].count(b"\n") + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise ValueError(
            f"{where}, line {line}, column {column}: not valid UTF-8 (byte 0x{raw[err.start]:02x}); "
            "re-save the file as UTF-8") from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        notes.append("CRLF line ends converted to LF")
    return unicodedata.normalize("NFC", text), notes


def _clean(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value).strip()


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


def _document(source: Source, rules: list[FurnitureRule]) -> dict:
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
    if reason is None and raw is None:
        reason = f"{where}: file not found; fix the 'file' column or add the file"
    if reason is None:
        try:
            text, decode_notes = (decode_text(raw, where) if isinstance(raw, bytes)
                                  else (unicodedata.normalize("NFC", raw.replace("\r\n", "\n")), []))
            notes += decode_notes
            row["text"], row["furniture"] = split_furniture(text, rules)
            if not row["text"].strip():
                reason = (f"{where}: no article text"
                          + (" (only page furniture)" if row["furniture"] else ""))
        except ValueError as err:
            reason = str(err)
    row["notes"] = "; ".join(notes)
    if reason:
        row["reason"] = reason
    else:
        row["status"] = "analysed"
        row["n_words"] = count_words(row["text"], row["language"])
    return row


def _read_translations(folder: Path) -> dict[str, dict]:
    """English pivot translations supplied beside a text-folder corpus.

    ``translations/translations.csv`` lists ``doc_id,file,translator``; each file (UTF-8, in
    ``translations/``) is the translation of that document, and ``translator`` says whose it is
    (the outlet's, or e.g. "framelab project", never passed off as the outlet's).
    """
    index = folder / "translations" / "translations.csv"
    if not index.exists():
        return {}
    table = pd.read_csv(index, dtype=str, keep_default_na=False)
    missing = {"doc_id", "file", "translator"} - set(table.columns)
    if missing:
        raise CorpusError(f"{index}: missing column(s) {', '.join(sorted(missing))}")
    out = {}
    for i, row in enumerate(table.to_dict("records"), start=2):
        path = index.parent / row["file"]
        if not path.is_file():
            raise CorpusError(f"{index} line {i}: translation file {row['file']} not found")
        text, _ = decode_text(path.read_bytes(), f"{path.name}")
        out[row["doc_id"]] = {"translation": text.strip(), "translation_by": row["translator"]}
    return out


def _records_from_text_folder(folder: Path, columns: dict) -> list[Source]:
    metadata = folder / "metadata.csv"
    if not metadata.exists():
        raise CorpusError(f"{folder}: no metadata.csv; a text-file corpus needs one with columns "
                          + ",".join(METADATA_COLUMNS))
    table = pd.read_csv(metadata, dtype=str, keep_default_na=False).rename(columns=columns)
    if "file" not in table.columns:
        raise CorpusError(f"{metadata}: no 'file' column (columns: {', '.join(table.columns)})")
    translations = _read_translations(folder)
    out, listed = [], set()
    for i, record in enumerate(table.to_dict("records"), start=2):
        record.update(translations.get(record.get("doc_id", ""), {}))
        path = folder / record["file"]
        listed.add(record["file"])
        out.append(Source(record, path.read_bytes() if path.is_file() else None,
                          f"{metadata.name} line {i} ({record['file']})"))
    for path in sorted(folder.glob("*.txt")):
        if path.name not in listed:
            out.append(Source({"file": path.name}, None, path.name,
                              f"{path.name}: not listed in metadata.csv; add a row for it"))
    return out


def _records_from_table(path: Path, columns: dict) -> list[Source]:
    if path.suffix == ".csv":
        table = pd.read_csv(path, dtype=str, keep_default_na=False).rename(columns=columns)
        numbered = [(i, r, None) for i, r in enumerate(table.to_dict("records"), start=2)]
    else:
        numbered = []
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise json.JSONDecodeError("not a JSON object", line, 0)
                numbered.append((i, {columns.get(k, k): v for k, v in record.items()}, None))
            except json.JSONDecodeError as err:
                numbered.append((i, {}, f"{path.name} line {i}: not valid JSON ({err.msg})"))
    out = []
    for line, record, problem in numbered:
        record.setdefault("file", f"{path.name}:{line}")
        text = record.get("text")
        out.append(Source(record, None if text is None else str(text), f"{path.name} line {line}",
                          problem))
    return out


def _records_from_json_folder(folder: Path, columns: dict) -> list[Source]:
    out = []
    for path in sorted(folder.glob("*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(record, dict):
                raise ValueError("not a JSON object")
        except (ValueError, UnicodeDecodeError) as err:
            out.append(Source({"file": path.name}, None, path.name,
                              f"{path.name}: unreadable JSON ({err})"))
            continue
        record = {columns.get(k, k): v for k, v in record.items()}
        record.setdefault("file", path.name)
        text = record.get("text")
        out.append(Source(record, None if text is None else str(text), path.name))
    return out


def load_documents(path: Path | str, columns: dict[str, str] | None = None,
                   furniture_rules: list[FurnitureRule] | None = None) -> pd.DataFrame:
    """Read every document of a corpus; one row each, analysed or skipped with its reason.

    ``columns`` maps the corpus's field names to ours (``{"source": "outlet"}``). Furniture rules
    default to ``data/furniture.yaml`` plus ``furniture.yaml`` in a corpus folder.
    Out: ``DOCUMENT_COLUMNS``: the metadata, ``text`` (article text, furniture removed),
    ``furniture``, ``translation`` (an English pivot supplied by the corpus, or ""),
    ``translation_by`` (whose translation it is: a ``translation_by`` field, the translator named
    in ``translations/translations.csv``, or "corpus"), ``n_words``,
    ``status`` (``analysed`` / ``skipped``), ``reason`` and ``notes`` (repairs made, e.g. BOM).
    Rows keep input order. Raises ``CorpusError`` only when the corpus as a whole is unreadable.
    """
    path = Path(path)
    columns = columns or {}
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    if path.is_dir():
        own_rules = path / "furniture.yaml"
        if (path / "metadata.csv").exists():
            records = _records_from_text_folder(path, columns)
        elif any(path.glob("*.json")):
            records = _records_from_json_folder(path, columns)
        else:
            raise CorpusError(f"{path}: neither metadata.csv nor *.json files found")
    elif path.suffix in (".csv", ".jsonl"):
        own_rules = path.with_name("furniture.yaml")
        records = _records_from_table(path, columns)
    else:
        raise CorpusError(f"{path}: unsupported corpus; give a folder, a .csv or a .jsonl file")
    rules = furniture_rules if furniture_rules is not None else load_furniture_rules(
        FURNITURE_RULES, own_rules)
    rows = [_document(source, rules) for source in records]
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
