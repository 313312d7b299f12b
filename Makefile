# make serve: set up and serve the site on http://127.0.0.1:8000 (another port: make serve PORT=8001)
# make test:  set up and run every test (make test-fast: all but the browser tests, under a minute)
VENV := .venv
PYTHON := $(VENV)/bin/python
PORT ?= 8000
BUILDER ?= mkdocs
export NO_MKDOCS_2_WARNING := 1
# Local builds link to the local address; the deploy workflow sets the published one.
export SITE_URL ?= http://127.0.0.1:$(PORT)/

.PHONY: serve check build preview test test-fast lint diagrams bench clean

$(VENV)/.site: requirements.txt pyproject.toml
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test: $(VENV)/.site requirements-test.txt
	$(PYTHON) -m pip install --quiet -r requirements-test.txt
	$(VENV)/bin/pre-commit install --install-hooks >/dev/null
	touch $@

# Mermaid (for the diagram renderer and its test) and Lighthouse, pinned in package-lock.json.
node_modules/.package-lock.json: package-lock.json
	@command -v npm >/dev/null || { echo "Node.js and npm are needed (Node 22.19 or later; see README.md): install them, then run make again" >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error

# Builders other than MkDocs, for `make build BUILDER=zensical` or `BUILDER=properdocs`.
$(VENV)/.builders: $(VENV)/.site requirements-builders.txt
	$(PYTHON) -m pip install --quiet -r requirements-builders.txt
	touch $@

serve: $(VENV)/.site
	$(PYTHON) -m sitekit serve --port $(PORT)

check: $(VENV)/.site
	$(PYTHON) -m sitekit check

build: $(VENV)/.site $(if $(filter mkdocs,$(BUILDER)),,$(VENV)/.builders)
	$(PYTHON) -m sitekit build --builder $(BUILDER)

# A copy of the site that works from disk (unzip it and open index.html): the pull-request preview.
preview: $(VENV)/.site
	SITE_URL= $(VENV)/bin/mkdocs build --strict -f mkdocs.preview.yml

test: $(VENV)/.test $(VENV)/.builders node_modules/.package-lock.json
	$(PYTHON) -m pytest

test-fast: $(VENV)/.test
	$(PYTHON) -m pytest -m "not browser and not slow"

lint: $(VENV)/.test
	$(VENV)/bin/pre-commit run --all-files

diagrams: $(VENV)/.test node_modules/.package-lock.json
	$(PYTHON) -m sitekit.diagrams.render

bench: $(VENV)/.test node_modules/.package-lock.json
	$(PYTHON) bench/site_stats.py
	$(PYTHON) bench/overhead.py
	$(PYTHON) bench/hook_events.py
	$(PYTHON) bench/serve_time.py
	$(PYTHON) bench/test_time.py
	$(PYTHON) bench/startup.py --runs 3
	$(PYTHON) bench/lighthouse.py --runs 3

clean:
	rm -rf site site-preview .cache .pytest_cache .hypothesis
