# The two commands a newcomer needs: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# axe-core for the browser tests' accessibility scans, pinned by tests/browser/package-lock.json.
AXE    := tests/browser/node_modules/.installed

.PHONY: site test system-deps serve check review lint bench clean

site: $(STAMP)  ## install everything into .venv, then build content/ into site/
	$(PY) -m generator build --content content --out site

test: system-deps $(STAMP) $(AXE)  ## run the whole test suite (unit, end-to-end, browser)
	$(PY) -m pytest -q

# Chromium, nginx and npm: installed with apt-get when run as root (a fresh machine); otherwise, if
# one is missing, make stops here and prints the command that installs them.
system-deps:
	@bash .ci/install-system-deps

serve: $(STAMP)  ## preview site/ on http://127.0.0.1:8000
	$(PY) -m generator serve --out site

check: $(STAMP)  ## print each document's segmentation for review
	$(PY) -m generator check --content content

review: $(STAMP)  ## list candidate name merges for a maintainer to judge
	$(PY) -m generator review --content content

lint: $(STAMP)
	$(PY) -m ruff check generator tests bench
	$(PY) -m ruff format --check generator tests bench

bench: $(STAMP)
	$(PY) bench/run.py --sizes 100 1000

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(AXE): tests/browser/package-lock.json | system-deps
	npm ci --prefix tests/browser --no-audit --no-fund
	touch $(AXE)

clean:
	rm -rf site build .pytest_cache
