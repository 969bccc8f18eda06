# Framelab: two commands on a fresh machine, `make report` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.framelab-installed
KERNEL := framelab

.PHONY: setup report test check lab bench clean-reports

## setup: build .venv (pinned requirements, editable analysis package, Jupyter kernel); no-op when current
setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (framelab)"
	touch $(STAMP)

## report: regenerate every figure, table and HTML report from seeds/
report: setup
	$(PY) -m analysis report

## test: run the whole test suite (what CI runs)
test: setup
	$(PY) -m pytest

## check: the fast loop: unit tests only (no notebook kernels, no browser), well under a minute
check: setup
	$(PY) -m pytest -m "not slow" -q

## lab: open the notebooks in JupyterLab with the project kernel
lab: setup
	$(VENV)/bin/jupyter lab notebooks/

## bench: run the speed and memory benchmarks (minutes; not part of test)
bench: setup
	for b in benchmarks/bench_*.py; do $(PY) $$b || exit 1; done
