"""End to end: the pipeline on the seeds, failures named, parameters checked, output reproducible."""
from __future__ import annotations

import subprocess
import sys
import time

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

import analysis as fl
from analysis.__main__ import main
from analysis.report import ReportError, discover_notebooks, run_report, split_parameters


@pytest.mark.slow
def test_pipeline_runs_every_notebook(seed_run):
    out, result = seed_run
    assert result.returncode == 0, result.stdout + result.stderr
    notebooks = discover_notebooks()
    assert f"{len(notebooks)} of {len(notebooks)} notebooks ran" in result.stdout
    for nb in notebooks:
        assert (out / "reports" / f"{nb.stem}.html").exists()
        assert (out / "reports" / "notebooks" / nb.name).exists()
        assert f"{nb.stem}: ok" in result.stdout


@pytest.mark.slow
def test_documents_table_lists_the_five_seeds_and_the_hostile_document(seed_run):
    out, _ = seed_run
    table = pd.read_csv(out / "reports" / "tables" / "documents.csv", dtype=str, keep_default_na=False)
    assert len(table) == 6 and set(table["status"]) == {"analysed"}
    assert table["n_words"].astype(int).sum() > 1500


@pytest.mark.slow
def test_html_reports_are_offline_without_code(seed_run):
    out, _ = seed_run
    index = (out / "reports" / "index.html").read_text(encoding="utf-8")
    for nb in discover_notebooks():
        assert f'href="{nb.stem}.html"' in index
        page = (out / "reports" / f"{nb.stem}.html").read_text(encoding="utf-8")
        assert "import analysis" not in page and "check_parameters" not in page
        assert "<script src=" not in page and "cdnjs" not in page and "https://unpkg" not in page
        assert 'alt="' in page and "data:image/png;base64," in page
    assert 'href="tables/documents.csv"' in index


def _notebook(path, cells):
    nb = new_notebook(metadata={"kernelspec": {"name": "framelab", "display_name": "framelab",
                                               "language": "python"}})
    nb.cells = cells
    nbformat.write(nb, path)
    return path


@pytest.mark.slow
def test_failing_notebook_is_named_and_others_still_run(tmp_path):
    folder = tmp_path / "nbs"
    folder.mkdir()
    params = new_code_cell("corpus = ''\nout_dir = ''", metadata={"tags": ["parameters"]})
    _notebook(folder / "01_fails.ipynb", [new_markdown_cell("# Fails"), params,
                                          new_code_cell("x = 1"), new_code_cell("1 / 0")])
    _notebook(folder / "02_works.ipynb", [new_markdown_cell("# Works"), params,
                                          new_code_cell("print('fine')")])
    lines = []
    runs = run_report(tmp_path / "out", {"corpus": "", "out_dir": ""},
                      discover_notebooks(folder), jobs=1, echo=lines.append)
    assert [r.ok for r in runs] == [False, True]
    assert runs[0].error == "cell 4 (`1 / 0`) raised ZeroDivisionError: division by zero"
    assert any("01_fails: FAILED in cell 4" in line for line in lines)
    assert (tmp_path / "out" / "reports" / "02_works.html").exists()
    assert "failed: cell 4" in (tmp_path / "out" / "reports" / "index.html").read_text()


def test_unknown_parameter_is_an_error():
    with pytest.raises(ReportError, match="unknown parameter.*min_cont"):
        split_parameters(discover_notebooks(), {"min_cont": 3})


def test_unknown_notebook_is_an_error():
    with pytest.raises(ReportError, match="unknown notebook.*99_nothing"):
        discover_notebooks(names=["99_nothing"])


def test_cli_exits_non_zero_on_unknown_notebook(capsys):
    # in-process: a subprocess would spend seconds importing nbformat for one message
    assert main(["report", "--notebooks", "nope"]) == 2
    assert "unknown notebook(s) nope" in capsys.readouterr().err


@pytest.mark.parametrize("bad, message", [
    ({"corpus": "/no/such/corpus"}, "parameter corpus: /no/such/corpus does not exist"),
    ({"min_count": 0}, r"parameter min_count must be a whole number ≥ 1, got 0"),
    ({"min_conut": 3}, r"unknown parameter\(s\) min_conut"),
])
def test_check_parameters_rejects_bad_values(bad, message):
    with pytest.raises(ValueError, match=message):
        fl.check_parameters(**bad)


def test_notebooks_are_committed_without_outputs():
    for path in discover_notebooks():
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert not cell.outputs and cell.execution_count is None, path.name
        tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1, f"{path.name} needs exactly one cell tagged 'parameters'"
        assert nb.metadata["kernelspec"]["name"] == "framelab"
        assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    verify = subprocess.run([sys.executable, "-m", "nbstripout", "--verify",
                             *map(str, discover_notebooks())], capture_output=True, text=True)
    assert verify.returncode == 0, verify.stdout + verify.stderr


@pytest.mark.slow
def test_html_has_no_code_stderr_or_warnings_and_shows_the_run(tmp_path):
    folder = tmp_path / "nbs"
    folder.mkdir()
    params = new_code_cell("corpus = ''\nout_dir = ''\nmin_count = 1",
                           metadata={"tags": ["parameters"]})
    noisy = ("import sys, warnings\nsecret_code_marker = 1\n"
             "warnings.warn('NOISY-WARNING')\nprint('NOISY-STDERR', file=sys.stderr)\n"
             "print('visible output')")
    _notebook(folder / "01_noisy.ipynb", [new_markdown_cell("# Noisy <b>title</b>"), params,
                                          new_code_cell(noisy)])
    runs = run_report(tmp_path / "out", {"corpus": str(fl.SEEDS), "min_count": 2},
                      discover_notebooks(folder), jobs=1, echo=lambda _: None)
    assert runs[0].ok, runs[0].error
    page = (tmp_path / "out" / "reports" / "01_noisy.html").read_text(encoding="utf-8")
    assert "visible output" in page
    for leak in ("NOISY-WARNING", "NOISY-STDERR", "secret_code_marker", "UserWarning"):
        assert leak not in page
    assert "<code>min_count = 2</code>" in page
    assert "5 documents analysed (0 skipped) from 5 outlets; languages en, fr" in page
    assert "<title>Noisy &lt;b&gt;title&lt;/b&gt;</title>" in page


def test_parameters_go_only_to_notebooks_that_declare_them(tmp_path):
    declares = {"01_a.ipynb": "corpus = ''\nmin_count = 1", "02_b.ipynb": "corpus = ''\ntop_n = 5"}
    for name, source in declares.items():
        _notebook(tmp_path / name, [new_markdown_cell("# T"),
                                    new_code_cell(source, metadata={"tags": ["parameters"]})])
    a, b = discover_notebooks(tmp_path)
    split = split_parameters([a, b], {"corpus": "x", "min_count": 3, "top_n": 7})
    assert split == {a: {"corpus": "x", "min_count": 3}, b: {"corpus": "x", "top_n": 7}}
    with pytest.raises(ReportError, match=r"unknown parameter\(s\) min_cont; the notebooks declare: "
                                          r"corpus, min_count, top_n"):
        split_parameters([a, b], {"min_cont": 3})


def test_cli_rejects_an_undeclared_parameter(capsys):
    assert main(["report", "-p", "no_such_thing=1", "--out", "/tmp/framelab-never-written"]) == 2
    assert "unknown parameter(s) no_such_thing" in capsys.readouterr().err


@pytest.mark.parametrize("text, expected", [
    ("min_count=3", ("min_count", 3)),
    ("threshold=0.25", ("threshold", 0.25)),
    ("label=Le Monde", ("label", "Le Monde")),
    ("label='3'", ("label", "3")),
    ("path=/tmp/x.yaml", ("path", "/tmp/x.yaml")),
])
def test_cli_parameters_are_literals_when_they_read_as_one(text, expected):
    from analysis.__main__ import _parse_assignment
    assert _parse_assignment(text) == expected


def test_cli_parameter_without_equals_is_an_error():
    from analysis.__main__ import build_parser
    with pytest.raises(SystemExit):
        build_parser().parse_args(["report", "-p", "min_count"])


@pytest.mark.slow
def test_notebooks_run_in_parallel(tmp_path):
    """Two notebooks that mostly wait: with two processes the batch takes about one's time."""
    params = new_code_cell("corpus = ''", metadata={"tags": ["parameters"]})
    for name in ("01_wait.ipynb", "02_wait.ipynb"):
        _notebook(tmp_path / name, [new_markdown_cell("# Wait"), params,
                                    new_code_cell("import time\ntime.sleep(4)")])
    started = time.perf_counter()
    runs = run_report(tmp_path / "out", {}, discover_notebooks(tmp_path), jobs=2,
                      echo=lambda _: None)
    wall = time.perf_counter() - started
    assert all(r.ok for r in runs)
    assert wall < 0.8 * sum(r.seconds for r in runs), (wall, [r.seconds for r in runs])


@pytest.mark.slow
def test_rerun_writes_identical_report_html(seed_run):
    """Same inputs, same day: the report page is byte-identical (no random ids, no times)."""
    out, _ = seed_run
    page = out / "reports" / "01_corpus_overview.html"
    first = page.read_bytes()
    corpus = out.parent / "corpus"  # the shared run's corpus (conftest.seed_run)
    runs = run_report(out, {"corpus": str(corpus), "out_dir": str(out)},
                      discover_notebooks(names=["01_corpus_overview"]), echo=lambda _: None)
    assert runs[0].ok and page.read_bytes() == first


@pytest.mark.slow
def test_skip_unchanged_reruns_only_what_changed(tmp_path):
    folder = tmp_path / "nbs"
    folder.mkdir()
    params = new_code_cell("corpus = ''\nmin_count = 1", metadata={"tags": ["parameters"]})
    _notebook(folder / "01_a.ipynb", [new_markdown_cell("# A"), params, new_code_cell("1 + 1")])
    nbs = discover_notebooks(folder)

    def run(parameters, skip=True):
        return run_report(tmp_path / "out", parameters, nbs, echo=lambda _: None,
                          skip_unchanged=skip)[0]

    assert not run({"min_count": 2}).skipped                      # first run
    again = run({"min_count": 2})
    assert again.skipped and again.ok and again.title == "A"      # nothing changed
    assert "unchanged, not rerun" in (tmp_path / "out" / "reports" / "index.html").read_text()
    assert not run({"min_count": 3}).skipped                      # a parameter changed
    assert not run({"min_count": 3}, skip=False).skipped          # off by default
    _notebook(folder / "01_a.ipynb", [new_markdown_cell("# A"), params, new_code_cell("2 + 2")])
    assert not run({"min_count": 3}).skipped                      # the notebook changed


@pytest.mark.slow
def test_a_notebook_runs_after_the_notebooks_it_needs(tmp_path):
    """A summary that reads what another notebook writes starts only once that one is done,
    even with spare processes."""
    params = new_code_cell("out_dir = ''", metadata={"tags": ["parameters"]})
    summary = _notebook(tmp_path / "00_summary.ipynb", [
        new_markdown_cell("# Summary"), params,
        new_code_cell("import pathlib\nprint(pathlib.Path(out_dir, 'made.txt').read_text())")])
    nb = nbformat.read(summary, as_version=4)
    nb.metadata["framelab"] = {"needs": ["01_maker"]}
    nbformat.write(nb, summary)
    _notebook(tmp_path / "01_maker.ipynb", [
        new_markdown_cell("# Maker"), params,
        new_code_cell("import pathlib, time\ntime.sleep(2)\n"
                      "pathlib.Path(out_dir, 'made.txt').write_text('made')")])
    lines = []
    runs = run_report(tmp_path / "out", {"out_dir": str(tmp_path / "out")},
                      discover_notebooks(tmp_path), jobs=2, echo=lines.append)
    assert [r.name for r in runs] == ["00_summary", "01_maker"]   # run order kept for the index
    assert all(r.ok for r in runs), [r.error for r in runs]
    assert lines[1].startswith("[1/2] 01_maker") and lines[2].startswith("[2/2] 00_summary")
    again = run_report(tmp_path / "out", {"out_dir": str(tmp_path / "out")},
                       discover_notebooks(tmp_path, ["00_summary"]), echo=lines.append,
                       skip_unchanged=True)
    assert again[0].skipped                       # nothing changed
    _notebook(tmp_path / "01_maker.ipynb", [
        new_markdown_cell("# Maker"), params,
        new_code_cell("import pathlib\npathlib.Path(out_dir, 'made.txt').write_text('new')")])
    again = run_report(tmp_path / "out", {"out_dir": str(tmp_path / "out")},
                       discover_notebooks(tmp_path), echo=lines.append, skip_unchanged=True)
    assert [r.skipped for r in again] == [False, False]  # the maker changed, so the summary reruns


@pytest.mark.slow
def test_cli_max_size_skips_a_huge_article_and_the_run_completes(tmp_path):
    """Issue 15, item 4: a huge article stalled the notebooks; above --max-size it is skipped
    with its size and the run finishes."""
    from tests.hostile_cases import CASES

    corpus = next(c for c in CASES if c.name.startswith("2.4 MB")).build(tmp_path)
    result = subprocess.run([sys.executable, "-m", "analysis", "report", "--corpus", str(corpus),
                             "--out", str(tmp_path / "out"), "--notebooks", "01_corpus_overview",
                             "--max-size", "1000000"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    table = pd.read_csv(tmp_path / "out" / "reports" / "tables" / "documents.csv", dtype=str,
                        keep_default_na=False).set_index("doc_id")
    assert table.loc["x", "status"] == "skipped"
    assert "2,400,000 bytes, above the size limit of 1,000,000" in table.loc["x", "reason"]
    assert (table.loc[["g1", "g2"], "status"] == "analysed").all()


@pytest.mark.slow
def test_a_single_document_corpus_runs_every_notebook(tmp_path):
    """Issue 15, item 1: with one outlet (or one document) notebook 03 crashed in
    plot_quote_overlap and the summary failed with it."""
    from tests.hostile_cases import CASES

    corpus = next(c for c in CASES if c.name == "one document").build(tmp_path)
    result = subprocess.run([sys.executable, "-m", "analysis", "report", "--corpus", str(corpus),
                             "--out", str(tmp_path / "out")], capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "03_quote_overlap: ok" in result.stdout and "00_summary: ok" in result.stdout
    summary = pd.read_csv(tmp_path / "out" / "reports" / "tables" / "framing_summary.csv")
    assert list(summary["outlet"]) == ["Outlet One"]


@pytest.mark.slow
def test_pages_have_contents_previous_next_and_described_tables(tmp_path):
    folder = tmp_path / "nbs"
    folder.mkdir()
    params = new_code_cell("corpus = ''\nout_dir = ''", metadata={"tags": ["parameters"]})
    write = ("import pandas as pd, analysis as fl\n"
             "fl.write_table(pd.DataFrame({'outlet': ['a']}), fl.tables_dir(out_dir) / 'outlets.csv')")
    _notebook(folder / "01_first.ipynb", [new_markdown_cell("# First <i>page</i>\n\n## Who, and why?"),
                                          params, new_markdown_cell("## Second part")])
    _notebook(folder / "02_second.ipynb", [new_markdown_cell("# Second page"), params])
    _notebook(folder / "03_third.ipynb", [new_markdown_cell("# Third page"), params,
                                          new_code_cell(write)])
    run_report(tmp_path / "out", {"corpus": str(fl.SEEDS)}, discover_notebooks(folder), jobs=1,
               echo=lambda _: None)
    first, second = ((tmp_path / "out" / "reports" / f"{n}.html").read_text(encoding="utf-8")
                     for n in ("01_first", "02_second"))
    assert '<a href="#Who%2C-and-why%3F">Who, and why?</a>' in first
    assert 'id="Who,-and-why?"' in first                      # the anchor nbconvert gives the heading
    assert 'rel="next">Second page →' in first and 'rel="prev"' not in first
    assert 'href="01_first.html" rel="prev">← First &lt;i&gt;page&lt;/i&gt;' in second
    assert 'href="03_third.html" rel="next">Third page →' in second
    index = (tmp_path / "out" / "reports" / "index.html").read_text(encoding="utf-8")
    assert "<td>one row per outlet</td>" in index               # from analysis/schemas.py
