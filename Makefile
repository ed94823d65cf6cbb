# Työkykyportaali. `make run` sets up and serves the portal with demo content;
# `make test` runs everything CI runs. Both install only what is missing.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install messages lint check demo bench bench-http serve clean assets

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	@rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

messages: install
	@scripts/system-deps.sh run
	$(PY) manage.py compilemessages -v0 --ignore=.venv

run: messages
	@mkdir -p var
	$(PY) manage.py migrate --no-input -v0
	$(PY) manage.py load_demo_content
	$(PY) manage.py collectstatic --no-input -v0
	@echo "Serving the portal at http://$(HOST):$(PORT)/ (Ctrl+C stops)"
	$(PY) manage.py runserver --noreload $(HOST):$(PORT)

lint: install
	$(VENV)/bin/ruff check .

check: messages
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run -v1

test: install
	@scripts/system-deps.sh test
	@scripts/run-tests.sh

bench: messages
	$(PY) -m pytest tests/bench/bench_*.py -q -s -p no:cacheprovider

# Throughput of every page type under gunicorn and wrk, cache off and on (BENCHMARKS.md).
bench-http: install
	@scripts/bench-http.sh

# Vendored front-end files (tokens.css, fonts, icons) from the pinned npm
# packages in package-lock.json. Needs Node only here; the output is committed.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund

assets: node_modules/.package-lock.json
	node scripts/build-assets.cjs static

clean:
	rm -rf $(VENV) var static_collected
