"""Page furniture: related-link lines, crawl stamps and disclaimers moved out of the article text
by editable rules (``data/furniture.yaml`` plus a corpus's own ``furniture.yaml``)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from analysis.corpus.errors import CorpusError


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
