# 您扫我办 — the two commands: `make run` and `make test`.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
PUBLIC_BASE_URL ?= http://127.0.0.1:8000
# The services are those of services.toml, read through kit's loader (after `install`).
CATALOG = $(BIN)/python -m services.kit.catalog

# Only `make run` sees these (tests set their own): what each service is told about the
# others (services.toml's env), as NAME=value words for `env`.
RUN_ENV = $$($(CATALOG) env $(PUBLIC_BASE_URL))

NPM ?= npm
FRONTEND := frontend
FRONTEND_DEPS := $(FRONTEND)/node_modules/.package-lock.json
FRONTEND_SRC := $(shell find $(FRONTEND)/src $(FRONTEND)/build -type f 2>/dev/null) \
	$(addprefix $(FRONTEND)/,index.html package.json vite.config.ts tsconfig.json tsconfig.tools.json)

.PHONY: help install migrate seed run test lint format generate check-python clean bench-gateway \
	check-node frontend frontend-test check-browser api-types

help:
	@echo "make run      start every service with demo data (SQLite under var/)"
	@echo "make test     lint, type-check, import contracts and the whole test suite"
	@echo "make migrate  upgrade every service's schema"
	@echo "make generate write the Procfile and the frontend's list from services.toml"
	@echo "make api-types regenerate the frontend's API types from each service's OpenAPI"

check-python:
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || \
	  { echo "Python 3.11 or newer is needed (found: $$($(PY) --version))"; exit 1; }

$(STAMP): pyproject.toml | check-python
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

check-node:
	@node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null || \
	  { echo "Node.js 20.19 or newer is needed to build the frontend (found: $$(node --version 2>/dev/null || echo none))"; exit 1; }

$(FRONTEND_DEPS): $(FRONTEND)/package-lock.json | check-node
	cd $(FRONTEND) && $(NPM) ci --no-audit --no-fund
	@touch $@

# Built when missing or older than its sources.
$(FRONTEND)/dist/index.html: $(FRONTEND_DEPS) $(FRONTEND_SRC)
	cd $(FRONTEND) && $(NPM) run build
	@touch $@

frontend: $(FRONTEND)/dist/index.html

# Each service's OpenAPI document (frontend/src/api/<service>/openapi.json) and the
# TypeScript types made from it (schema.d.ts); tests/test_api_types.py fails when stale.
api-types: install $(FRONTEND_DEPS)
	$(BIN)/python infra/api_types.py
	cd $(FRONTEND) && $(NPM) run --silent api-types

frontend-test: $(FRONTEND_DEPS)
	cd $(FRONTEND) && $(NPM) run typecheck && $(NPM) run test

# The browser tests drive Debian's Chromium and need a Chinese font to render the pages.
check-browser:
	@if [ -x /usr/bin/chromium ] && fc-list :lang=zh 2>/dev/null | grep -q .; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  echo "installing Chromium and a Chinese font for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei; \
	else \
	  echo "The browser tests need Chromium and a Chinese font: sudo apt-get install -y chromium fonts-wqy-microhei"; exit 1; \
	fi

migrate: install
	@for s in $$($(CATALOG) built); do $(BIN)/python -m services.$$s migrate || exit 1; done

# Services with seed = "before_start" (the directory); the others seed themselves once what
# they hang on answers (identity's roles hang on places).
seed: migrate
	@for s in $$($(CATALOG) seeded); do env $(RUN_ENV) $(BIN)/python -m services.$$s seed || exit 1; done

run: seed frontend
	@echo ""
	@echo "  gateway     http://127.0.0.1:8000/docs   (every service's API at /api/<service>/..., the pages at /)"
	@$(CATALOG) urls
	@echo "  a sticker   http://127.0.0.1:8000/api/directory/v1/places/by-code/TGYZL-03-2"
	@echo "  QR links    $(PUBLIC_BASE_URL)/Q/<token>   (the building hub a resident sees)"
	@echo "  console     $(PUBLIC_BASE_URL)/console     (staff: admin / sqwb-demo-2026)"
	@echo "  log-ins     admin, tgy_admin, tgyzl_staff, captain_tgyzl03, ... password sqwb-demo-2026 (README)"
	@echo "  texts       var/identity-messages.jsonl   (residents' sign-in codes; no SMS gateway in dev)"
	@echo ""
	PATH="$(BIN):$$PATH" env $(RUN_ENV) $(BIN)/honcho -f infra/Procfile -d $(CURDIR) start

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy services gateway
	$(BIN)/lint-imports
	$(CATALOG) generate --check

# infra/Procfile and frontend/src/services.generated.ts, from services.toml.
generate: install
	$(CATALOG) generate

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). Each stage says
# how long it took.
STAGE := infra/stage
test: install
	@$(STAGE) lint $(MAKE) --no-print-directory lint
	@$(STAGE) frontend $(MAKE) --no-print-directory frontend-test frontend
	@$(STAGE) "browser install" $(MAKE) --no-print-directory check-browser
	@$(STAGE) pytest $(BIN)/python -m pytest

# Gateway vs nginx vs direct (needs: apt-get install -y nginx wrk); not part of `make test`.
bench-gateway: install
	$(BIN)/python benchmarks/gateway/run.py

clean:
	rm -rf var .mypy_cache .ruff_cache frontend/dist
