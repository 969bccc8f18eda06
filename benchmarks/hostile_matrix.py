"""The hostile-input matrix of issue 15 through the command line, as a user meets it.

For every case of ``tests/hostile_cases.py`` (generated corpora, never committed) plus the
output-folder cases, runs ``python -m analysis report`` into a fresh folder and prints one row:
case, exit code, documents accounted (rows of ``documents.csv`` / rows expected), the message
(the first stderr line, else the first skipped document's reason) and whether a traceback reached
the terminal or any HTML page. Not part of ``make test`` or ``make bench`` (about 20 s per case
with every notebook).

Usage: .venv/bin/python benchmarks/hostile_matrix.py [--notebooks 01_corpus_overview ...]
       [--cases "empty file" "one outlet"]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.hostile_cases import CASES, GOOD_ROWS, _folder  # noqa: E402


def report(corpus: Path, out: Path, notebooks: list[str], extra: list[str]) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "analysis", "report", "--corpus", str(corpus), "--out",
               str(out), "--jobs", "2", *extra]
    if notebooks:
        command += ["--notebooks", *notebooks]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=1800)


def traceback_shown(result: subprocess.CompletedProcess, out: Path) -> bool:
    pages = list((out / "reports").glob("*.html")) if (out / "reports").is_dir() else []
    return ("Traceback" in result.stdout + result.stderr
            or any("Traceback (most recent call last)" in p.read_text(encoding="utf-8")
                   or "Cell In[" in p.read_text(encoding="utf-8") for p in pages))


def row(name: str, result: subprocess.CompletedProcess, out: Path, expected) -> dict:
    table = out / "reports" / "tables" / "documents.csv"
    documents = (pd.read_csv(table, dtype=str, keep_default_na=False) if table.exists()
                 else pd.DataFrame(columns=["status", "reason"]))
    reasons = documents.loc[documents["status"] == "skipped", "reason"].tolist()
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    message = errors[0] if errors else (reasons[0] if reasons else "")
    return {"case": name, "exit": result.returncode,
            "documents": f"{len(documents)}/{expected if expected is not None else '-'}",
            "analysed": int((documents["status"] == "analysed").sum()),
            "message": message[:150], "traceback": "yes" if traceback_shown(result, out) else "no"}


def output_cases(tmp: Path, notebooks: list[str]) -> list[dict]:
    """--out under a file, an unwritable --out, and an --out another live run holds."""
    corpus = _folder(tmp / "ok", {}, metadata=("doc_id,file,outlet,language,published,url,title\n"
                                               + GOOD_ROWS).encode())
    rows = []
    (tmp / "file").write_text("x")
    for name, out in (("--out under a file", tmp / "file" / "out"),
                      ("--out not writable (/sys)", Path("/sys/framelab-out"))):
        rows.append(row(name, report(corpus, out, notebooks, []), out, None))
    held = tmp / "held"
    held.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    try:
        (held / ".framelab.lock").write_text(str(holder.pid))
        rows.append(row("--out in use by another run", report(corpus, held, notebooks, []), held,
                        None))
    finally:
        holder.kill()
        holder.wait()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notebooks", nargs="*", default=[], help="default: every notebook")
    parser.add_argument("--cases", nargs="*", default=[], help="default: every case")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, case in enumerate(c for c in CASES if not args.cases or c.name in args.cases):
            folder = Path(tmp) / f"case{i}"
            corpus = case.build(folder)
            extra = ["--max-size", str(case.max_size)] if case.max_size else []
            result = report(corpus, folder / "out", args.notebooks, extra)
            rows.append(row(case.name, result, folder / "out", case.rows))
            print(" | ".join(str(v) for v in rows[-1].values()), flush=True)
        if not args.cases:
            rows += output_cases(Path(tmp) / "outputs", args.notebooks)
    table = pd.DataFrame(rows)
    print("\n| " + " | ".join(table.columns) + " |\n|" + "---|" * len(table.columns))
    for values in table.itertuples(index=False):
        print("| " + " | ".join(str(v).replace("|", "\\|") for v in values) + " |")


if __name__ == "__main__":
    main()
