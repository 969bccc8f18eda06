"""The index page of a run: every report with its status and time, every table with its rows."""
from __future__ import annotations

import html
from pathlib import Path

from analysis.paths import reports_dir, tables_dir
from analysis.schemas import TABLES

INDEX_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #222;
       max-width: 960px; margin: 0 auto; padding: 1.5rem; line-height: 1.5; font-size: 15px; }
h1 { margin-bottom: 0.2rem; } h2 { border-bottom: 1px solid #e3e3e3; padding-bottom: 0.2rem; }
.run { background: #f5f6f8; border: 1px solid #dfe2e6; border-radius: 6px; padding: 0.6rem 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.35rem 0.6rem; border-bottom: 1px solid #e3e3e3;
         vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.failed { color: #a00; font-weight: 600; }
code { overflow-wrap: anywhere; }
"""


def _count_rows(csv: Path) -> int:
    with csv.open(encoding="utf-8") as lines:
        return max(sum(1 for _ in lines) - 1, 0)


def write_index(out: Path, runs: list, run_info: dict) -> Path:
    """Write ``reports/index.html``: every report (status, wall time) and every table (rows),
    all values escaped, nothing fetched from a network. ``runs``: the runner's ``NotebookRun``s.

    The wall times make this the one page that differs between otherwise identical reruns.
    """
    reports = reports_dir(out)
    tables = sorted(tables_dir(out).glob("*.csv"))
    report_rows = "\n".join(
        "<tr><td>" + (f'<a href="{html.escape(r.html.name)}">{html.escape(r.title or r.name)}</a>'
                      if r.html else html.escape(r.name))
        + f"</td><td><code>{html.escape(r.name)}</code></td><td>"
        + ("unchanged, not rerun" if r.skipped else "ok" if r.ok
           else f'<span class="failed">failed: {html.escape(r.error)}</span>')
        + f'</td><td class="num">{r.seconds:.1f}</td></tr>'
        for r in runs)
    table_rows = "\n".join(
        f'<tr><td><a href="tables/{html.escape(t.name)}">{html.escape(t.name)}</a></td>'
        f"<td>{html.escape(TABLES[t.stem].meaning if t.stem in TABLES else 'not declared in analysis/schemas.py')}</td>"
        f'<td class="num">{_count_rows(t)}</td></tr>' for t in tables)
    total = sum(r.seconds for r in runs)
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Framelab reports</title><style>{INDEX_CSS}</style></head>
<body><h1>Framelab reports</h1>
<div class="run"><p>Generated {html.escape(run_info['date'])} from the corpus
<code>{html.escape(run_info['corpus'])}</code>:
{html.escape(run_info.get('corpus_summary', ''))}</p></div>
<h2 id="reports">Reports</h2>
<table><thead><tr><th>report</th><th>notebook</th><th>status</th>
<th class="num">wall time (s)</th></tr></thead>
<tbody>
{report_rows}
</tbody></table>
<p>{len(runs)} notebook(s); {total:.1f} s of notebook time. Each report opens offline: figures are
embedded, long tables can be searched and sorted without a network.</p>
<h2 id="tables">Tables</h2>
<p>Every table the reports show, in full, as CSV: what one row is (from <code>analysis/schemas.py</code>;
every column is described in the README's table dictionary).</p>
<table><thead><tr><th>table</th><th>contents</th><th class="num">rows</th></tr></thead>
<tbody>
{table_rows}
</tbody></table></body></html>
"""
    path = reports / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
