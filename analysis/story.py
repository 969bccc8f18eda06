"""A story is a folder: what one story's analysis needs beyond what holds for every story.

``story/`` beside the corpus (``CORPUS/story/`` for a corpus folder, ``story/`` beside a corpus
file), or any folder given as ``--story DIR`` / the notebooks' ``story`` parameter, holds::

    claims.yaml         claims to score (analysis.stance.config.load_claims); optional
    targets.yaml        targets and their aliases (load_targets); optional: discovered when absent
    lexicons/*.yaml     the story's loaded terms (analysis.lexicons); optional
    neutral_words.yaml  the story's topic words left out of sentiment; optional
    gold/               claim_stance.csv, target_stance.csv: a hand annotation; optional
    notes.md            the analyst's notes; optional

Every file is optional and nothing of another story applies: without ``targets.yaml`` the targets
are discovered from the corpus (analysis.entities), without ``claims.yaml`` no claim is scored
(proposals are listed), without lexicons only the language resources' hedges and evaluative
lists are counted, without ``gold/`` nothing is validated. The old single-file parameters
(``claims``, ``targets``, ``lexicons``, ``neutral_words``, ``gold``) override the folder's files.

:func:`check_story` validates every file (YAML syntax, fields, languages, duplicate ids) before
any notebook runs, with messages naming file, line and field.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from analysis.languages import resource_lexicon
from analysis.paths import ROOT
from analysis.lexicons import LexiconError, lexicon_files, load_lexicons
from analysis.stance.config import StanceDataError, load_claims, load_neutral_words, load_targets

STORY_FOLDER = "story"
FILES = {"claims": "claims.yaml", "targets": "targets.yaml", "lexicons": "lexicons",
         "neutral_words": "neutral_words.yaml", "gold": "gold", "notes": "notes.md"}
EVALUATIVE = ("hedge", "delegitimising", "legitimising", "dehumanising", "intensifier")
_LANGUAGE = re.compile(r"[a-z]{2}|\*")
_ENTRY = re.compile(r"entry (\d+)")


class StoryError(ValueError):
    """A story file that cannot be used; the message names file, line and field."""


@dataclass(frozen=True)
class Story:
    """Where one story's files are (None: the story has none). ``folder`` is None when no story
    folder was given or found beside the corpus."""

    folder: Path | None = None
    claims: Path | None = None
    targets: Path | None = None
    lexicons: Path | None = None
    neutral_words: Path | None = None
    gold: Path | None = None
    notes: Path | None = None

    @property
    def configured(self) -> bool:
        return any((self.claims, self.targets, self.lexicons))


def default_story_folder(corpus: Path | str) -> Path:
    """``CORPUS/story`` for a corpus folder, ``story/`` beside a corpus file."""
    corpus = Path(corpus)
    return (corpus if corpus.is_dir() else corpus.parent) / STORY_FOLDER


def find_story(corpus: Path | str, story: Path | str | None = "", **overrides) -> Story:
    """The story of ``corpus``: the folder ``story`` (or the one beside the corpus when "" or
    None), each file present in it, then ``overrides`` (claims, targets, lexicons,
    neutral_words, gold: a path, or ""/None to keep the folder's). A ``story`` given but missing
    raises :class:`StoryError`."""
    folder = Path(story) if story not in ("", None) else default_story_folder(corpus)
    if story not in ("", None) and not folder.is_dir():
        raise StoryError(f"{folder}: no such story folder; give a folder made by "
                         "`python -m analysis init-story CORPUS --out DIR`")
    found = {}
    if folder.is_dir():
        for name, file in FILES.items():
            path = folder / file
            found[name] = path if path.exists() else None
    unknown = sorted(set(overrides) - (set(FILES) - {"notes"}))
    if unknown:
        raise StoryError(f"unknown story file(s) {', '.join(unknown)}; known: claims, targets, lexicons, "
                         "neutral_words, gold")
    for name, value in overrides.items():
        if value not in ("", None):
            found[name] = Path(value)
    return Story(folder=folder if folder.is_dir() else None, **found)


def _entry_line(path: Path, index: int, key: str | None = None) -> int | None:
    """1-based line of entry ``index`` (0-based) of the file's top-level list (or of its ``key``
    list)."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, OSError):
        return None
    if key and isinstance(node, yaml.MappingNode):
        node = next((v for k, v in node.value if k.value == key), None)
    if isinstance(node, yaml.SequenceNode) and 0 <= index < len(node.value):
        return node.value[index].start_mark.line + 1
    return None


def _with_line(err: Exception, path: Path, base: int, key: str | None = None) -> str:
    """``err``'s message with ``path:LINE`` in front when it names an entry."""
    message = str(err)
    match = _ENTRY.search(message)
    line = _entry_line(path, int(match.group(1)) - base, key) if match else None
    return f"{path}:{line}: {message}" if line else message


def _is_empty_list(path: Path) -> bool:
    """A claims or targets file with no entry (``[]`` or only comments): the story has none."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) in (None, [])
    except yaml.YAMLError:
        return False


def _check_languages(path: Path, entries: list[dict], field: str) -> list[str]:
    problems = []
    for i, entry in enumerate(entries):
        codes = entry[field] if isinstance(entry[field], list) else list(entry[field])
        for code in codes:
            if not _LANGUAGE.fullmatch(str(code)):
                line = _entry_line(path, i)
                problems.append(f"{path}:{line}: entry {i} ({entry['id']}) {field}: {code!r} is not an "
                                "ISO 639-1 code (en, fr, ar …)")
    return problems


def _yaml_problem(path: Path) -> str:
    """``path:LINE: not valid YAML: PROBLEM`` for a file YAML cannot read, else ""."""
    try:
        yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        return f"{where}: not valid YAML: {getattr(err, 'problem', None) or err}; fix the file"
    except (OSError, UnicodeDecodeError) as err:
        return f"{path}: cannot be read ({err})"
    return ""


def story_problems(story: Story) -> list[str]:
    """Every problem of the story's files, one message each (file, line, field); [] when usable."""
    files = [p for p in (story.claims, story.targets, story.neutral_words) if p is not None and p.is_file()]
    if story.lexicons is not None and story.lexicons.exists():
        files += lexicon_files(story.lexicons)
    syntax = [problem for problem in map(_yaml_problem, files) if problem]
    if syntax:
        return syntax
    problems = []
    if story.claims is not None and not _is_empty_list(story.claims):
        try:
            problems += _check_languages(story.claims, load_claims(story.claims), "languages")
        except StanceDataError as err:
            problems.append(_with_line(err, story.claims, 0))
    if story.targets is not None and not _is_empty_list(story.targets):
        try:
            problems += _check_languages(story.targets, load_targets(story.targets), "aliases")
        except StanceDataError as err:
            problems.append(_with_line(err, story.targets, 0))
    if story.lexicons is not None:
        try:
            for path in lexicon_files(story.lexicons):
                try:
                    load_lexicons(path)
                except LexiconError as err:
                    problems.append(_with_line(err, path, 1, "terms"))
            load_lexicons(story.lexicons)
        except LexiconError as err:
            if not any(str(err) in p for p in problems):
                problems.append(str(err))
    if story.neutral_words is not None:
        try:
            load_neutral_words(story.neutral_words)
        except StanceDataError as err:
            problems.append(str(err))
    if story.gold is not None:
        problems += _gold_problems(story.gold)
    return problems


def _gold_problems(folder: Path) -> list[str]:
    from analysis.stance.evaluation import GOLD

    if not folder.is_dir():
        return [f"{folder}: the gold annotation must be a folder holding claim_stance.csv and/or "
                "target_stance.csv"]
    problems = []
    for file, key, _ in GOLD.values():
        path = folder / file
        if path.is_file():
            try:
                columns = pd.read_csv(path, nrows=0).columns
            except (pd.errors.ParserError, UnicodeDecodeError) as err:
                problems.append(f"{path}: not a readable CSV ({err})")
                continue
            missing = [c for c in [*key, "label"] if c not in columns]
            if missing:
                problems.append(f"{path}:1: missing column(s) {', '.join(missing)}")
    return problems


def check_story(story: Story) -> Story:
    """``story`` when every file is usable; else :class:`StoryError` listing every problem."""
    problems = story_problems(story)
    if problems:
        raise StoryError("the story configuration has problems; fix them and run again:\n  "
                         + "\n  ".join(problems))
    return story


def story_claims(story: Story) -> list[dict]:
    """The story's claims; [] when it has none (no claim is scored)."""
    if story.claims is None or _is_empty_list(story.claims):
        return []
    return load_claims(story.claims)


def story_targets(story: Story) -> list[dict]:
    """The story's targets; [] when it lists none (then they are discovered)."""
    if story.targets is None or _is_empty_list(story.targets):
        return []
    return load_targets(story.targets)


def story_neutral_words(story: Story) -> dict[str, list[str]]:
    """The story's topic words left out of sentiment; {} when it has none."""
    return load_neutral_words(story.neutral_words) if story.neutral_words is not None else {}


def story_lexicon(story: Story, languages) -> pd.DataFrame:
    """The loaded terms notebook 02 counts: the story's own terms plus the language resources'
    hedges of ``languages``; a story without terms of its own gets the resources'
    story-independent evaluative lists instead (delegitimising, legitimising, dehumanising,
    intensifier), so an unconfigured run still counts loaded language. A story term spelled like
    a resource term keeps the story's entry."""
    own = story_terms(story)
    kinds = ("hedge",) if len(own) else EVALUATIVE
    resources = resource_lexicon(languages, kinds)
    resources = resources[~resources["term"].str.casefold().isin(set(own["term"].str.casefold()))]
    return pd.concat([own, resources], ignore_index=True) if len(own) else resources.reset_index(drop=True)


def story_terms(story: Story) -> pd.DataFrame:
    """The story's own loaded terms (no language-resource list); empty without lexicons."""
    if story.lexicons is None:
        return pd.DataFrame(columns=["term", "category", "target", "direction", "language", "variant", "file"])
    return load_lexicons(story.lexicons)


def gold_disagreements(gold_results: dict, method: str) -> pd.DataFrame:
    """The rows where ``method`` and the gold annotation differ; empty without a gold annotation."""
    from analysis.stance.evaluation import disagreements

    if method not in gold_results:
        return pd.DataFrame(columns=["label_gold", "label", "justification"])
    return disagreements(gold_results[method])


def story_gold(story: Story, corpus: pd.DataFrame) -> Path | None:
    """The gold folder when it annotates documents or outlets of ``corpus``; None otherwise (a
    hand annotation of other documents says nothing about these)."""
    if story.gold is None or not story.gold.is_dir():
        return None
    claims = story.gold / "claim_stance.csv"
    targets = story.gold / "target_stance.csv"
    if claims.is_file() and set(pd.read_csv(claims, dtype=str)["doc_id"]) & set(corpus["doc_id"]):
        return story.gold
    if targets.is_file() and set(pd.read_csv(targets, dtype=str)["outlet"]) & set(corpus["outlet"]):
        return story.gold
    return None


def _shown(path: Path) -> str:
    """A path as a page shows it: relative to the repository when inside it (pages do not depend
    on where the clone is)."""
    path = Path(path).resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name


def describe_story(story: Story) -> str:
    """One paragraph (plain text) saying which story configuration this run used."""
    if not story.configured and story.gold is None:
        where = f" ({_shown(story.folder)})" if story.folder else ""
        return (f"No story configuration{where}: the targets are discovered from the corpus, no claim is "
                "scored (proposals are listed), and loaded terms are the language resources' hedges and "
                "evaluative lists. `python -m analysis init-story CORPUS --out DIR` writes an editable story "
                "folder from the corpus.")
    parts = [f"{name}: {_shown(getattr(story, name))}" for name in ("claims", "targets", "lexicons", "neutral_words", "gold")
             if getattr(story, name) is not None]
    missing = [name for name in ("claims", "targets", "lexicons", "gold") if getattr(story, name) is None]
    return ("Story configuration: " + "; ".join(parts) + "."
            + (f" Not configured: {', '.join(missing)}." if missing else ""))
