"""Bytes to text: UTF-8, or UTF-16 with a byte-order mark; anything else is located (line and
column) so that just that file or line is skipped, never guessed; line ends repaired and noted."""
from __future__ import annotations

import codecs
import re
import unicodedata

_BAD = re.compile("[\ud800-\udfff]")  # where undecodable bytes were (lone surrogates)


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
