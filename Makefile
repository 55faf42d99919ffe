# One entry point for people and CI. `make help` lists the targets.
# Every target sets up what it needs first, so each works on a fresh clone.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# pyodide-lock's `pyodide lockfile add-wheels` needs Python 3.12+; it has a venv of its own (see README).
TOOLS_VENV := .venv-pyodide
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help setup catalogs compile-catalogs serve build check-data cases diff test test-fast test-cases bench clean lock

help:
	@echo "make serve       set everything up, then preview the site at http://127.0.0.1:8000/"
	@echo "make build       set everything up, then build the site into site/ (strict)"
	@echo "make check-data  check data/programme.yaml without building"
	@echo "make cases       the golden self-check cases expect what the rules now give (after a change of the rules)"
	@echo "make diff        what the data edit changes, against BASE (default: main), as Markdown"
	@echo "make test        set everything up (Chromium included), then run every test"
	@echo "make test-fast   run the tests that need no browser"
	@echo "make test-cases  run the golden self-check cases, under CPython and under Pyodide"
	@echo "make bench       run the benchmarks and print their figures"
	@echo "make catalogs    translators: gather new words from the templates and the engine into the .po files"

setup: $(VENV)/.installed node_modules/.installed $(TOOLS_VENV)/.installed compile-catalogs

# The .mo files are compiled from the .po files in the repository, whenever a .po file is newer; never committed.
compile-catalogs: $(VENV)/.installed
	$(BIN)/python -m programme catalogs

# For translators: take every word the templates and the engine say into the catalogs' templates (.pot), and merge
# new and changed words into each language's .po file, where the translation is then written (README: "Translating").
catalogs: $(VENV)/.installed
	$(BIN)/pybabel --quiet extract --no-location --sort-output --add-comments=Translators: -k N_ -k NC_:1c,2 -k say -F locale/babel.cfg -o locale/site.pot templates overrides programme/site
	$(BIN)/pybabel --quiet update --no-fuzzy-matching --ignore-obsolete -i locale/site.pot -d locale -D site
	$(BIN)/pybabel --quiet extract --no-location --sort-output -F selfcheck/locale/babel.cfg -o selfcheck/locale/selfcheck.pot selfcheck
	$(BIN)/pybabel --quiet update --no-fuzzy-matching --ignore-obsolete -i selfcheck/locale/selfcheck.pot -d selfcheck/locale -D selfcheck
	$(MAKE) compile-catalogs

$(VENV)/.installed: requirements/test.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/test.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --editable .
	touch $@

$(TOOLS_VENV)/.installed: requirements/pyodide-tools.lock
	test -x $(TOOLS_VENV)/bin/python || { tools_python="$$(scripts/tools-python)" && "$$tools_python" -m venv $(TOOLS_VENV); }
	$(TOOLS_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/pyodide-tools.lock
	touch $@

# --ignore-scripts: the only install script is vnu-jar's, which downloads a JDK; the Nu Html Checker runs with the
# system Java instead (scripts/ensure-browser installs it).
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

serve: setup
	$(BIN)/mkdocs serve

build: setup
	$(BIN)/mkdocs build --strict

# The data file: data/programme.yaml, or another one given as PROGRAMME_DATA=path/to/programme.yaml.
check-data: $(VENV)/.installed
	$(BIN)/python -m programme check

# After a change of the rules: each golden case beside the data now expects what the rules give; says what changed.
cases: $(VENV)/.installed
	$(BIN)/python -m programme cases update

# What the edited data changes against a git revision: `make diff BASE=origin/main`. BASE reaches the command through
# the environment, never pasted into the recipe, so no text in it is ever run by the shell.
BASE ?= main
export BASE
diff: $(VENV)/.installed
	$(BIN)/python -m programme diff --base "$$BASE"

# Two pytest-xdist workers (a core each here); a test's xdist_group keeps it on the worker that has its session
# fixture (one browser crawl per width, the Pyodide engine). `make test WORKERS=0` runs in one process.
WORKERS ?= 2
PYTEST := $(BIN)/python -m pytest -n $(WORKERS) --dist loadgroup

test: setup
	scripts/ensure-browser
	$(PYTEST)

test-fast: setup
	$(PYTEST) -m "not browser"

# The golden self-check cases alone, under CPython and under Pyodide in Node, in a few seconds once set up: CI's first
# job runs them beside `make check-data` and `make diff`, so that staff read what their edit does before every test ends.
test-cases: setup
	$(BIN)/python -m pytest tests/test_selfcheck_cases.py tests/test_selfcheck_pyodide.py

bench: setup
	scripts/ensure-browser
	$(BIN)/python bench/site_build.py
	$(BIN)/python bench/preview_rebuild.py
	$(BIN)/python bench/site_scale.py
	$(BIN)/python bench/selfcheck_boot.py
	$(BIN)/python bench/fuzz_data.py
	$(BIN)/python bench/lighthouse.py
	$(BIN)/python bench/selfcheck_transfer.py
	$(BIN)/python bench/selfcheck_versions.py
	$(BIN)/python bench/test_suite.py

# Re-pin the Python dependencies after editing pyproject.toml or requirements/pyodide-tools.in. The tools' lock is
# compiled under Python 3.12+ (what they run on), by the same pip-tools in a throwaway venv.
lock: $(VENV)/.installed
	$(BIN)/pip-compile --quiet --strip-extras --generate-hashes --allow-unsafe -o requirements/test.lock --extra test pyproject.toml
	rm -rf .cache/lock-venv && tools_python="$$(scripts/tools-python)" && "$$tools_python" -m venv .cache/lock-venv
	.cache/lock-venv/bin/pip install --quiet "$$($(BIN)/pip freeze | grep -i '^pip-tools==')"
	.cache/lock-venv/bin/pip-compile --quiet --strip-extras --generate-hashes --allow-unsafe -o requirements/pyodide-tools.lock requirements/pyodide-tools.in
	rm -rf .cache/lock-venv

clean:
	rm -rf site .pytest_cache .hypothesis build *.egg-info .cache
