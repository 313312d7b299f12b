# make serve: set up and serve the site on http://127.0.0.1:8000
# make test:  set up and run every test (browser tests need Chromium: see README)
VENV := .venv
PYTHON := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint diagrams bench clean

$(VENV)/.site: requirements.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test: $(VENV)/.site requirements-test.txt
	$(PYTHON) -m pip install --quiet -r requirements-test.txt
	touch $@

serve: $(VENV)/.site
	SITE_URL=http://127.0.0.1:8000/ $(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.site
	$(VENV)/bin/mkdocs build --strict

test: $(VENV)/.test
	$(PYTHON) -m pytest

lint: $(VENV)/.test
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/pre-commit run --all-files

diagrams: $(VENV)/.test
	npm ci --no-audit --no-fund
	$(PYTHON) -m sitekit.diagrams.render

bench: $(VENV)/.test
	$(PYTHON) bench/site_stats.py
	$(PYTHON) bench/hook_time.py
	$(PYTHON) bench/hook_overhead.py

clean:
	rm -rf site .cache .pytest_cache .hypothesis
