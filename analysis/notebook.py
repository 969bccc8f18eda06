"""What every notebook does first: check its parameters (the suite's one parameter vocabulary)."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from analysis.paths import ROOT, SEEDS


def _existing_path(name: str, value, default: Path | None = None) -> Path:
    path = Path(value) if value not in ("", None) else default
    if path is None:
        raise ValueError(f"parameter {name} is required")
    path = path if path.is_absolute() else (ROOT / path)
    if not path.exists():
        raise ValueError(f"parameter {name}: {path} does not exist; give an existing file or folder")
    return path


def _optional_path(name: str, value) -> Path | None:
    """None for "" (the story folder's file, or none), else an existing path."""
    return None if value in ("", None) else _existing_path(name, value)


def _output_root(name: str, value) -> Path:
    path = Path(value) if value not in ("", None) else ROOT
    path = path if path.is_absolute() else (ROOT / path)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _count(name: str, value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"parameter {name} must be a whole number ≥ 1, got {value!r}")
    return value


def _fraction(name: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ValueError(f"parameter {name} must be a number from 0 to 1, got {value!r}")
    return float(value)


def _column_name(name: str, value) -> str:
    if not isinstance(value, str) or (value and not value.replace("_", "").isalnum()):
        raise ValueError(f"parameter {name} must be a metadata column name (letters, digits, _) "
                         f"or \"\", got {value!r}")
    return value


def _scheduler(name: str, value) -> str:
    if value in ("", None):
        return ""
    if not isinstance(value, str) or "://" not in value:
        raise ValueError(f"parameter {name} must be a dask scheduler address such as "
                         f"tcp://host:8786, or \"\" to run here; got {value!r}")
    return value


# The suite's parameter vocabulary: name -> check returning the resolved value. A notebook's
# parameters cell may only use names listed here; add a name here when a notebook needs one.
PARAMETER_CHECKS = {
    "corpus": lambda n, v: _existing_path(n, v, SEEDS),
    "out_dir": _output_root,
    "min_count": _count,
    "top_n": _count,
    "context_width": _count,
    "similarity_threshold": _fraction,
    # the story (analysis/story.py): a folder; "" means story/ beside the corpus, if any
    "story": _optional_path,
    "top_targets": _count,  # targets discovered when the story lists none
    # single story files overriding the story folder's; "" means the folder's (or none)
    "lexicons": _optional_path,
    "claims": _optional_path,
    "targets": _optional_path,
    "neutral_words": _optional_path,
    "gold": _optional_path,
    "stance_threshold": _fraction,
    # a metadata column of the corpus grouping outlets (leaning, country…); "" for none
    "group_by": _column_name,
    # a dask.distributed scheduler address for the document-local stages; "" runs them here
    "scheduler": _scheduler,
}


def check_parameters(**parameters) -> SimpleNamespace:
    """Validate a notebook's parameters and return them resolved (paths absolute and existing).

    Fails with a message naming the parameter and what it expects; an unknown name is an error
    (papermill only warns about names a notebook does not declare).
    """
    unknown = sorted(set(parameters) - set(PARAMETER_CHECKS))
    if unknown:
        raise ValueError(f"unknown parameter(s) {', '.join(unknown)}; known: "
                         + ", ".join(sorted(PARAMETER_CHECKS)))
    return SimpleNamespace(**{n: PARAMETER_CHECKS[n](n, v) for n, v in parameters.items()})
