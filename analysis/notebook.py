"""What every notebook does first: check its parameters, then say what came in and what was kept."""
from __future__ import annotations

from html import escape
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
from IPython.display import HTML

from analysis.paths import DATA, ROOT, SEEDS


def _existing_path(name: str, value, default: Path | None = None) -> Path:
    path = Path(value) if value not in ("", None) else default
    if path is None:
        raise ValueError(f"parameter {name} is required")
    path = path if path.is_absolute() else (ROOT / path)
    if not path.exists():
        raise ValueError(f"parameter {name}: {path} does not exist; give an existing file or folder")
    return path


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


# The suite's parameter vocabulary: name -> check returning the resolved value. A notebook's
# parameters cell may only use names listed here; add a name here when a notebook needs one.
PARAMETER_CHECKS = {
    "corpus": lambda n, v: _existing_path(n, v, SEEDS),
    "out_dir": _output_root,
    "min_count": _count,
    "top_n": _count,
    "context_width": _count,
    "lexicons": lambda n, v: _existing_path(n, v, DATA / "lexicons"),
    "similarity_threshold": _fraction,
    # stance and framing (04): data files; "" means the suite's file in data/
    "claims": lambda n, v: _existing_path(n, v, DATA / "claims.yaml"),
    "targets": lambda n, v: _existing_path(n, v, DATA / "targets.yaml"),
    "stance_cues": lambda n, v: _existing_path(n, v, DATA / "stance_cues.yaml"),
    "valence": lambda n, v: _existing_path(n, v, DATA / "valence_fr.yaml"),
    "gold": lambda n, v: _existing_path(n, v, DATA / "gold"),
    "stance_threshold": _fraction,
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


def describe_counts(documents: pd.DataFrame) -> HTML:
    """A paragraph for the notebook: documents in, analysed and skipped, with each skip reason.

    Built as escaped HTML: file names and reasons come from untrusted input.
    """
    n_in = len(documents)
    skipped = documents[documents["status"] == "skipped"]
    text = (f"<p><strong>{n_in}</strong> documents came in: <strong>{n_in - len(skipped)}</strong> "
            f"analysed, <strong>{len(skipped)}</strong> skipped.</p>")
    if len(skipped):
        items = "".join(f"<li><code>{escape(r.file)}</code>: {escape(r.reason)}</li>"
                        for r in skipped.itertuples())
        text += f"<p>Skipped:</p><ul>{items}</ul>"
    return HTML(text)


def describe_corpus(corpus: pd.DataFrame) -> HTML:
    """A paragraph generated from the corpus: outlets, languages, date range, undated documents."""
    languages = corpus["language"].value_counts().sort_index()
    dates = pd.to_datetime(corpus["published"], errors="coerce", format="%Y-%m-%d").dropna()
    span = (f"published between {dates.min().date()} and {dates.max().date()}" if len(dates)
            else "with no known publication date")
    undated = len(corpus) - len(dates)
    text = (f"The analysed corpus holds <strong>{len(corpus)}</strong> documents "
            f"({int(corpus['n_words'].sum()):,} words) from <strong>{corpus['outlet'].nunique()}"
            f"</strong> outlets in {len(languages)} language(s) ("
            + ", ".join(f"{escape(code)}: {n}" for code, n in languages.items())
            + f"), {span}")
    text += f"; {undated} document(s) carry no date." if undated else "."
    return HTML(f"<p>{text}</p>")
