"""The reports as a reader sees them at 1,280 px, on the seeds and on a 150-outlet corpus: no page
scrolls sideways, no figure text renders below 9 pt, every link of the summary lands on an element
of its target page (a per-outlet cell's link on the table row behind it), and the summary's first
screen holds the claim, the targets, the dates and the claim-stance figure.

The 150-outlet corpus is small in words (two 40-word FNC-1 bodies per outlet, with a ``leaning``
column the run groups outlets by) so its run stays near a minute and a half. First-screen
screenshots of both summaries, and the 150-outlet summary's screen from its groups on, go to
``/tmp/framelab-screens`` (and to the folder named by ``FRAMELAB_SCREENSHOTS``, relative to the
repository). The committed ``docs/summary-seeds.png`` is the same view of ``make report``'s
summary (the seeds without the hostile document).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import numpy as np
import pandas as pd
import pytest

from analysis.paths import ROOT
from test_browser import SCREENS, browser  # noqa: F401 (the shared chromium fixture)

pytestmark = pytest.mark.slow

WIDTH, HEIGHT = 1280, 900
MIN_PT = 9.0
FNC = ROOT.parent / "shared" / "datasets" / "fnc1" / "train_bodies.csv"
N_OUTLETS = 150

# the figure's smallest text in CSS points as shown: size (pt) × saved dpi / 72 px per inch of
# image, × rendered / natural width, × 0.75 CSS pt per CSS px
FIGURE_TEXT = """[...document.querySelectorAll('img[data-min-font-pt]')].map(i => {
  const pt = parseFloat(i.dataset.minFontPt), dpi = parseFloat(i.dataset.dpi);
  return [i.alt.slice(0, 60), pt * dpi / 72 * i.getBoundingClientRect().width / i.naturalWidth * 0.75];
})"""


def many_outlets_corpus(path: Path) -> Path:
    """150 outlets × 2 documents of 40 words from FNC-1 bodies, with a ``leaning`` column."""
    if not FNC.exists():
        pytest.fail(f"{FNC} not found: the 150-outlet check builds its corpus from FNC-1 bodies")
    rng = np.random.default_rng(0)
    bodies = pd.read_csv(FNC)["articleBody"].tolist()
    rows = [{"doc_id": f"d{i:04d}", "outlet": f"Outlet {i % N_OUTLETS:03d}", "language": "en",
             "published": f"2014-{1 + i % 12:02d}-{1 + i % 28:02d}", "url": "", "title": f"Title {i}",
             "leaning": ("left", "centre", "right")[i % 3],
             "text": " ".join(bodies[int(rng.integers(len(bodies)))].split()[:40])}
            for i in range(2 * N_OUTLETS)]
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def many_outlets_reports(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("many")
    corpus = many_outlets_corpus(root / "corpus.csv")
    result = subprocess.run([sys.executable, "-m", "analysis", "report", "--corpus", str(corpus),
                             "--out", str(root / "out"), "-p", "group_by=leaning"],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "out" / "reports"


@pytest.fixture(scope="module")
def seed_reports(seed_run) -> Path:
    out, result = seed_run
    assert result.returncode == 0, result.stdout + result.stderr
    return out / "reports"


def _pages(reports: Path) -> list[Path]:
    return [reports / "index.html"] + sorted(reports.glob("[0-9]*.html"))


def _load(browser, path: Path):  # noqa: F811
    page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_function("document.querySelectorAll("
                           "'table[id^=framelab_table_]:not(.dataTable)').length === 0", timeout=15_000)
    return page


def _check_layout(browser, reports: Path) -> list[str]:  # noqa: F811
    problems = []
    for path in _pages(reports):
        page = _load(browser, path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            problems.append(f"{path.name}: page scrolls {overflow} px sideways at {WIDTH} px")
        for alt, pt in page.evaluate(FIGURE_TEXT):
            if pt < MIN_PT:
                problems.append(f"{path.name}: figure '{alt}…' text renders at {pt:.1f} pt")
        page.close()
    return problems


# links of the compact table's per-outlet cells (every column but the outlet's name)
ROW_LINKS = """[...document.querySelector('table.framelab-compact').querySelectorAll(
  'tbody td:not(:first-child) a[href]')].map(a => a.getAttribute('href'))"""


def _check_summary_links(browser, reports: Path) -> list[str]:  # noqa: F811
    """Every link of the summary lands on an element of its page; a per-outlet cell's link lands
    on a table row (``tr``), not a section."""
    page = _load(browser, reports / "00_summary.html")
    hrefs = sorted(set(page.evaluate("[...document.querySelectorAll('a[href]')]"
                                     ".map(a => a.getAttribute('href'))")))
    row_links = set(page.evaluate(ROW_LINKS))
    page.close()
    problems, targets = [], {}
    for href in hrefs:
        parts = urlsplit(href)
        if parts.scheme in ("http", "https"):  # itables' note for a page without JavaScript
            continue
        target = reports / unquote(parts.path) if parts.path else reports / "00_summary.html"
        if not target.exists():
            problems.append(f"{href}: no such page")
            continue
        if not parts.fragment:
            continue
        if target not in targets:
            linked = _load(browser, target)
            targets[target] = dict(linked.evaluate("[...document.querySelectorAll('[id]')].map(e => [e.id, e.tagName])"))
            linked.close()
        tag = targets[target].get(unquote(parts.fragment))
        if tag is None:
            problems.append(f"{href}: no element #{unquote(parts.fragment)} on {target.name}")
        elif href in row_links and tag != "TR":
            problems.append(f"{href}: a per-outlet cell links to a {tag}, not to a table row")
    assert len(hrefs) > 10, hrefs  # the compact table links its cells
    assert len(row_links) >= 10, row_links  # ... to the rows behind them
    return problems


def _screenshot(browser, reports: Path, name: str, at: str = "") -> Path:  # noqa: F811
    """The summary's first screen, or with ``at`` the screen that starts at that text."""
    page = _load(browser, reports / "00_summary.html")
    if at:
        page.get_by_text(at).first.evaluate("e => window.scrollTo(0, e.getBoundingClientRect().top + scrollY - 8)")
    SCREENS.mkdir(exist_ok=True)
    shot = SCREENS / name
    page.screenshot(path=str(shot))  # the first screen, as a reader opens the page
    page.close()
    if os.environ.get("FRAMELAB_SCREENSHOTS"):
        shutil.copy(shot, ROOT / os.environ["FRAMELAB_SCREENSHOTS"] / name)
    return shot


def test_seed_pages_fit_the_width_and_figures_are_readable(browser, seed_reports):  # noqa: F811
    assert _check_layout(browser, seed_reports) == []


def test_seed_summary_links_resolve(browser, seed_reports):  # noqa: F811
    assert _check_summary_links(browser, seed_reports) == []


def test_seed_summary_first_screen_answers_the_question(browser, seed_reports):  # noqa: F811
    page = _load(browser, seed_reports / "00_summary.html")
    first = page.evaluate(f"""(() => {{
      const seen = e => {{ const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= {HEIGHT}; }};
      const story = document.querySelector('.framelab-story');
      const figure = document.querySelector('.framelab-side img');
      return [story && seen(story) ? story.innerText : '', !!figure && seen(figure)];
    }})()""")
    page.close()
    text, figure_seen = first
    assert "Ahmad Massoud asked Israel for help" in text            # the claim in full
    assert "Massoud / NRF" in text and "massoud_nrf" not in text     # targets by label, never id
    assert "2023-03-21" in text and "2023-10-06" in text              # the corpus's dates
    assert figure_seen                                               # the claim-stance figure
    _screenshot(browser, seed_reports, "summary-seeds.png")


def test_150_outlets_pages_fit_the_width_and_figures_are_readable(browser, many_outlets_reports):  # noqa: F811
    assert _check_layout(browser, many_outlets_reports) == []


def test_150_outlets_summary_links_resolve_and_rest_is_searchable(browser, many_outlets_reports):  # noqa: F811
    assert _check_summary_links(browser, many_outlets_reports) == []
    page = _load(browser, many_outlets_reports / "00_summary.html")
    assert page.locator("table.framelab-compact").first.locator("tbody tr").count() == 12
    assert page.locator(".dt-container input[type=search]").count() >= 1
    groups = page.locator("table.framelab-compact", has_text="50 outlets")
    assert groups.locator("tbody tr").count() == 3                    # left, centre, right
    page.close()
    _screenshot(browser, many_outlets_reports, "summary-150-outlets.png")
    # the groups: one row per leaning, then the stance figure in one panel per group
    _screenshot(browser, many_outlets_reports, "summary-150-outlets-grouped.png", at="Outlets grouped by")
