"""Table corpora read record by record (CSV, JSONL): a bad row or line becomes a skipped record
with its file, physical line and reason; the good ones are read."""
from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from analysis.corpus.decoding import _decode, _first_bad, _not_utf8
from analysis.corpus.errors import MAX_DOCUMENT_SIZE, CorpusError


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
        for j in range(i, len(lines)):  # not lines[i:]: a copy of the rest per record is quadratic
            line = lines[j]
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
