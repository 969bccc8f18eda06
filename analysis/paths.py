"""Where things live, resolved from the package so notebooks, papermill and tests agree."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = ROOT / "data"
NOTEBOOKS = ROOT / "notebooks"
FURNITURE_RULES = DATA / "furniture.yaml"


def figures_dir(out: Path | str | None = None) -> Path:
    """Folder for figures under an output root (the repository root by default)."""
    return Path(out or ROOT) / "figures"


def reports_dir(out: Path | str | None = None) -> Path:
    """Folder for HTML reports under an output root."""
    return Path(out or ROOT) / "reports"


def tables_dir(out: Path | str | None = None) -> Path:
    """Folder for CSV tables under an output root."""
    return reports_dir(out) / "tables"
