"""A story's claims and targets: editable YAML files, read and checked entry by entry."""
from __future__ import annotations

import re
from pathlib import Path

import yaml



class StanceDataError(ValueError):
    """A claims, targets or word-list file that cannot be used; the message names file and entry."""


def _read_yaml(path: Path | str):
    path = Path(path)
    try:
        return path, yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StanceDataError(f"{path}: file not found; give the path of an existing YAML file") from None
    except yaml.YAMLError as error:
        raise StanceDataError(f"{path}: not valid YAML ({error})") from None


def _check_id(path: Path, i: int, entry, seen: set) -> str:
    if not isinstance(entry, dict):
        raise StanceDataError(f"{path} entry {i}: expected a mapping with id, got {entry!r}")
    ident = entry.get("id")
    if not isinstance(ident, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", ident):
        raise StanceDataError(f"{path} entry {i}: id must be snake_case text, got {ident!r}")
    if ident in seen:
        raise StanceDataError(f"{path} entry {i} ({ident}): id repeats an earlier entry")
    seen.add(ident)
    return ident


def _check_words(path: Path, where: str, words) -> list[str]:
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise StanceDataError(f"{path} {where}: expected a non-empty list of words, got {words!r}")
    return [str(w) for w in words]


def load_claims(path: Path | str) -> list[dict]:
    """Read ``claims.yaml``: a list of ``id``, ``text``, ``languages``, optional ``cues``
    (language -> group -> words). Raises :class:`StanceDataError` naming file and entry."""
    path, data = _read_yaml(path)
    if not isinstance(data, list) or not data:
        raise StanceDataError(f"{path}: expected a non-empty list of claims")
    claims, seen = [], set()
    for i, entry in enumerate(data):
        ident = _check_id(path, i, entry, seen)
        if not isinstance(entry.get("text"), str) or not entry["text"].strip():
            raise StanceDataError(f"{path} entry {i} ({ident}): text is missing")
        languages = _check_words(path, f"entry {i} ({ident}) languages", entry.get("languages"))
        cues = entry.get("cues") or {}
        if not isinstance(cues, dict):
            raise StanceDataError(f"{path} entry {i} ({ident}): cues must map language -> groups")
        for lang, groups in cues.items():
            if not isinstance(groups, dict) or not groups:
                raise StanceDataError(f"{path} entry {i} ({ident}) cues.{lang}: expected group -> words")
            for group, words in groups.items():
                _check_words(path, f"entry {i} ({ident}) cues.{lang}.{group}", words)
        claims.append({"id": ident, "text": entry["text"].strip(), "languages": languages, "cues": cues})
    return claims


def load_targets(path: Path | str) -> list[dict]:
    """Read ``targets.yaml``: a list of ``id``, ``label``, ``aliases`` (language -> names) and
    optional ``evaluative`` (name -> favour/against). Raises :class:`StanceDataError`."""
    path, data = _read_yaml(path)
    if not isinstance(data, list) or not data:
        raise StanceDataError(f"{path}: expected a non-empty list of targets")
    targets, seen = [], set()
    for i, entry in enumerate(data):
        ident = _check_id(path, i, entry, seen)
        aliases = entry.get("aliases")
        if not isinstance(aliases, dict) or not aliases:
            raise StanceDataError(f"{path} entry {i} ({ident}): aliases must map language -> names")
        for lang, names in aliases.items():
            _check_words(path, f"entry {i} ({ident}) aliases.{lang}", names)
        evaluative = entry.get("evaluative") or {}
        names = {n for ns in aliases.values() for n in ns}
        for name, direction in evaluative.items():
            if direction not in ("favour", "against"):
                raise StanceDataError(f"{path} entry {i} ({ident}) evaluative {name!r}: direction must "
                                      f"be favour or against, got {direction!r}")
            if name not in names:
                raise StanceDataError(f"{path} entry {i} ({ident}) evaluative {name!r}: not one of the "
                                      "target's aliases; add it to aliases first")
        targets.append({"id": ident, "label": str(entry.get("label") or ident), "aliases": aliases,
                        "evaluative": dict(evaluative)})
    return targets


def load_neutral_words(path: Path | str) -> dict[str, list[str]]:
    """Read a story's topic words (language -> words) that name the story's subject rather than
    judge it ("help", "support" when the story is a request for help): removed from the sentiment
    lexicons before scoring. Raises :class:`StanceDataError` naming the file and language."""
    path, data = _read_yaml(path)
    data = data or {}
    if not isinstance(data, dict):
        raise StanceDataError(f"{path}: expected language -> list of words")
    return {str(lang): _check_words(path, str(lang), words) for lang, words in data.items()}
