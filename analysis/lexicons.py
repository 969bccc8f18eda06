"""Loaded-term lexicons: editable YAML files, read into one tidy table, checked entry by entry.

A lexicon file holds ``terms:``, a list of entries (see ``seeds/story/lexicons/seed_story.yaml``)::

    - term: occupation entity          # canonical name, unique across all files
      category: delegitimising label   # delegitimising label, legitimising label, hedge, …
      target: israel                   # optional: the actor the term evaluates
      direction: against               # optional: favour | against
      variants:                        # forms to match, keyed by ISO 639-1 code ("*" = any)
        en: [occupation entity]
        fr: ["entité d'occupation"]
        ar: [الكيان المحتل]
      note: why it is loaded           # optional

A user adds a term by editing YAML; a malformed file raises :class:`LexiconError` naming the file
and the entry.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import yaml

from analysis.paths import SEEDS

LEXICONS = SEEDS / "story" / "lexicons"  # the seed story's, for tests and benchmarks; notebooks read a story's
LEXICON_COLUMNS = ["term", "category", "target", "direction", "language", "variant"]
ENTRY_KEYS = {"term", "category", "target", "direction", "variants", "note"}
DIRECTIONS = {"favour", "against"}
ANY_LANGUAGE = "*"
_LANGUAGE = re.compile(r"[a-z]{2}")
_TARGET = re.compile(r"[a-z][a-z0-9_]*")


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file and the entry."""


def lexicon_files(paths) -> list[Path]:
    """The YAML files behind ``paths``: a file, a folder (its ``*.yaml``/``*.yml``, sorted), or a
    list of either; "" or None means the seed story's (``seeds/story/lexicons``)."""
    if paths in ("", None):
        paths = [LEXICONS]
    elif isinstance(paths, (str, Path)):
        paths = [paths]
    files = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
            if not found:
                raise LexiconError(f"{path}: no .yaml lexicon files in this folder")
            files += found
        elif path.is_file():
            files.append(path)
        else:
            raise LexiconError(f"{path}: no such lexicon file or folder")
    return files


def _check_variants(variants, where: str) -> list[tuple[str, str]]:
    if not isinstance(variants, dict) or not variants:
        raise LexiconError(f"{where}: 'variants' must map language codes to lists of forms, "
                           "e.g. variants: {en: [rebel], fr: [rebelle]}")
    pairs = []
    for language, forms in variants.items():
        language = str(language)
        if language != ANY_LANGUAGE and not _LANGUAGE.fullmatch(language):
            raise LexiconError(f"{where}: variant language {language!r} is not an ISO 639-1 code "
                               "(en, fr, ar, fa, ps …) or '*'")
        if not isinstance(forms, list) or not forms:
            raise LexiconError(f"{where}: variants for {language!r} must be a non-empty list, "
                               f"e.g. {language}: [form one, form two]")
        for form in forms:
            if not isinstance(form, str) or not form.strip():
                raise LexiconError(f"{where}: variant {form!r} for {language!r} is not a text")
            pairs.append((language, form.strip()))
    return pairs


def _entry_rows(entry, where: str) -> list[tuple]:
    if not isinstance(entry, dict):
        raise LexiconError(f"{where}: an entry must be a mapping with term, category, variants")
    unknown = sorted(set(map(str, entry)) - ENTRY_KEYS)
    if unknown:
        raise LexiconError(f"{where}: unknown key(s) {', '.join(unknown)}; allowed: "
                           + ", ".join(sorted(ENTRY_KEYS)))
    for key in ("term", "category"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise LexiconError(f"{where}: missing '{key}' (a non-empty text)")
    if "variants" not in entry:
        raise LexiconError(f"{where}: missing 'variants' (forms to match per language)")
    target = entry.get("target") or ""
    if target and not (isinstance(target, str) and _TARGET.fullmatch(target)):
        raise LexiconError(f"{where}: target {target!r} must be an id such as massoud_nrf")
    direction = entry.get("direction") or ""
    if direction and direction not in DIRECTIONS:
        raise LexiconError(f"{where}: direction {direction!r} must be 'favour' or 'against'")
    term, category = entry["term"].strip(), entry["category"].strip()
    return [(term, category, target, direction, language, form)
            for language, form in _check_variants(entry["variants"], where)]


def read_lexicon(path: Path | str) -> pd.DataFrame:
    """One lexicon file as a table with ``LEXICON_COLUMNS`` (one row per variant)."""
    path = Path(path)
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise LexiconError(f"{path}: not valid YAML ({err}); fix the file") from None
    if isinstance(content, dict) and "terms" in content and content["terms"] is None:
        content["terms"] = []  # "terms:" with every entry commented out (a story kit's candidates)
    if not isinstance(content, dict) or not isinstance(content.get("terms"), list):
        raise LexiconError(f"{path}: a lexicon is a mapping with a 'terms:' list of entries")
    rows, seen = [], {}
    for i, entry in enumerate(content["terms"], start=1):
        name = entry.get("term") if isinstance(entry, dict) else None
        where = f"{path}, entry {i}" + (f" ({name!r})" if name else "")
        entry_rows = _entry_rows(entry, where)
        term = entry_rows[0][0]
        if term.casefold() in seen:
            raise LexiconError(f"{where}: duplicate term {term!r} (also entry {seen[term.casefold()]}); "
                               "merge the two entries")
        seen[term.casefold()] = i
        rows += entry_rows
    return pd.DataFrame(rows, columns=LEXICON_COLUMNS).assign(file=path.name)


def load_lexicons(paths=None) -> pd.DataFrame:
    """Read lexicon files into one table, one row per variant.

    ``paths``: a file, a folder, a list of them, or ""/None for the seed story's.
    Out: ``term``, ``category``, ``target`` ("" when none), ``direction`` ("" / favour / against),
    ``language`` (ISO 639-1 code or "*"), ``variant`` (the form as written), ``file``.
    Raises :class:`LexiconError` naming the file and entry for a missing term, category or
    variants, variants that are not a mapping of language to list, unknown keys, a bad target or
    direction, or a term defined twice (within or across files).
    """
    tables, owner = [], {}
    for path in lexicon_files(paths):
        table = read_lexicon(path)
        for term in table["term"].unique():
            if term.casefold() in owner:
                raise LexiconError(f"{path}: term {term!r} is already defined in "
                                   f"{owner[term.casefold()]}; keep one entry")
            owner[term.casefold()] = path
        tables.append(table)
    return pd.concat(tables, ignore_index=True)
