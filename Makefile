# Framelab: two commands on a fresh machine, `make report` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.framelab-installed
KERNEL := framelab

.PHONY: setup browser report test check lab bench clean-reports

## setup: build .venv (pinned requirements, editable analysis package, Jupyter kernel); no-op when current
setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (framelab)"
	touch $(STAMP)

## browser: Debian's chromium for the browser test, installed with apt-get when missing
## (as root, or through sudo); never a downloaded browser
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing chromium for the browser test" >&2; \
	  $(SUDO) apt-get update -qq >/dev/null && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

## report: regenerate every figure, table and HTML report from seeds/
report: setup
	$(PY) -m analysis report

## test: run the whole test suite on both cores, what CI runs (installs what it needs first: the environment and chromium)
test: setup browser
	$(PY) -m pytest -n 2

## check: the fast loop: unit tests only (no notebook kernels, no browser) on both cores, about 35 s
check: setup
	$(PY) -m pytest -m "not slow" -q -n 2

## lab: open the notebooks in JupyterLab with the project kernel
lab: setup
	$(VENV)/bin/jupyter lab notebooks/

## bench: run the speed and memory benchmarks (minutes; not part of test)
bench: setup
	for b in benchmarks/bench_*.py; do $(PY) $$b || exit 1; done
