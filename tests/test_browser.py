"""The exported HTML in a real browser: offline, no script errors, figures drawn, article text inert.

Reads the session's one pipeline run (``seed_run`` in conftest: every notebook on the seeds plus
one hostile document whose text, title and outlet carry ``<script>`` and ``<img onerror>``
payloads) and opens every page in Debian's headless Chromium through playwright (no browser
download). `make test` installs chromium
when it is missing; here a missing chromium is a failure, never a skip.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

from analysis.report import discover_notebooks
from conftest import IMG, SCRIPT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENS = Path("/tmp/framelab-screens")  # a copy of the screenshots for people to look at
# In-page resources (embedded images, itables' inlined module) are not network requests.
LOCAL_SCHEMES = ("file:", "data:", "blob:")


@pytest.fixture(scope="module")
def hostile_reports(seed_run) -> Path:
    """The reports folder of the shared run."""
    out, result = seed_run
    assert result.returncode == 0, result.stdout + result.stderr
    return out / "reports"


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: the browser test needs Debian's chromium; install it "
                    "with `apt-get install -y chromium` (`make test` does this when it is missing)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _open(browser, path: Path, screenshot: Path):
    """Load a page, wait for its interactive tables, take a full-page screenshot; return the
    page and everything that went wrong while loading it."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
            if m.type == "error" else None)
    page.on("pageerror", lambda err: problems.append(f"page error: {err}"))
    page.on("requestfailed", lambda r: problems.append(f"failed request: {r.url[:120]} "
                                                       f"({r.failure})"))
    page.on("request", lambda r: None if r.url.startswith(LOCAL_SCHEMES)
            else problems.append(f"network request: {r.url[:120]}"))
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_function("document.querySelectorAll("
                           "'table[id^=framelab_table_]:not(.dataTable)').length === 0",
                           timeout=15_000)
    page.screenshot(path=str(screenshot), full_page=True)
    SCREENS.mkdir(exist_ok=True)
    shutil.copy(screenshot, SCREENS / screenshot.name)
    return page, problems


def _pages(reports: Path) -> list[Path]:
    return [reports / "index.html"] + sorted(reports.glob("[0-9]*.html"))


def test_every_notebook_has_a_page(hostile_reports):
    assert [p.stem for p in _pages(hostile_reports)[1:]] == [nb.stem for nb in discover_notebooks()]


def test_pages_load_offline_without_errors_and_nothing_injected_runs(browser, hostile_reports,
                                                                    tmp_path):
    for path in _pages(hostile_reports):
        page, problems = _open(browser, path, tmp_path / f"{path.stem}.png")
        assert problems == [], f"{path.name}: {problems}"
        assert page.evaluate("typeof window.__pwned") == "undefined", path.name
        images = page.evaluate("[...document.images].map(i => [i.naturalWidth, i.alt, i.src.slice(0, 40)])")
        for width, alt, src in images:
            assert width > 0 and alt.strip(), f"{path.name}: image {src} width {width}, alt {alt!r}"
        page.close()


def test_hostile_text_shows_as_text(browser, hostile_reports, tmp_path):
    page, _ = _open(browser, hostile_reports / "01_corpus_overview.html", tmp_path / "01.png")
    text = page.inner_text("body")
    assert f"Title {SCRIPT}" in text and f"Hostile {IMG} Outlet" in text
    assert page.locator("script", has_text="__pwned").count() == 0
    assert page.locator("img[src=x]").count() == 0
    # the furniture table is interactive: the hostile line sits in a DataTables cell as text
    assert page.locator(".dt-container td", has_text=SCRIPT).count() >= 1
    page.close()


def test_long_tables_search_and_sort_offline(browser, hostile_reports, tmp_path):
    page, _ = _open(browser, hostile_reports / "01_corpus_overview.html", tmp_path / "01.png")
    table = page.locator(".dt-container").first
    rows = table.locator("tbody tr")
    before = rows.count()
    last_doc = rows.nth(before - 1).locator("td").first.inner_text()
    table.locator("input[type=search]").fill(last_doc)
    page.wait_for_timeout(300)
    after = rows.count()
    assert 0 < after < before, (last_doc, before, after)
    assert all(last_doc in rows.nth(i).inner_text() for i in range(after))
    table.locator("input[type=search]").fill("")
    page.wait_for_timeout(300)
    sort_first_column = table.locator("thead th").first.locator(".dt-column-order")
    for direction in ("ascending", "descending"):
        sort_first_column.click()
        page.wait_for_timeout(300)
        assert table.locator("thead th").first.get_attribute("aria-sort") == direction
        cells = [rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())]
        assert cells == sorted(cells, reverse=direction == "descending") and len(set(cells)) > 1
    page.close()
