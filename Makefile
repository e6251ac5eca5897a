# 您扫我办 — the two commands: `make run` and `make test`.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
SERVICES := directory identity
PUBLIC_BASE_URL ?= http://127.0.0.1:8000

# Only `make run` sees these (tests set their own).
RUN_ENV := DIRECTORY_PUBLIC_BASE_URL=$(PUBLIC_BASE_URL) \
	DIRECTORY_JWKS_URL=http://127.0.0.1:8001/v1/jwks.json

.PHONY: help install migrate seed run test lint format check-python clean bench-gateway

help:
	@echo "make run      start every service with demo data (SQLite under var/)"
	@echo "make test     lint, type-check, import contracts and the whole test suite"
	@echo "make migrate  upgrade every service's schema"

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

migrate: install
	@for s in $(SERVICES); do $(BIN)/python -m services.$$s migrate || exit 1; done

# Identity seeds its demo staff itself once the directory answers (its roles hang on places).
seed: migrate
	@$(RUN_ENV) $(BIN)/python -m services.directory seed

run: seed
	@echo ""
	@echo "  gateway     http://127.0.0.1:8000/docs   (every service's API at /api/<service>/..., the pages at /)"
	@echo "  identity    http://127.0.0.1:8001        (sign-in, roles, API keys; JWKS at /v1/jwks.json)"
	@echo "  directory   http://127.0.0.1:8002        (places, QR codes, calendar)"
	@echo "  a sticker   http://127.0.0.1:8000/api/directory/v1/places/by-code/TGYZL-03-2"
	@echo "  QR links    $(PUBLIC_BASE_URL)/Q/<token>"
	@echo "  log-ins     admin, tgy_admin, tgyzl_staff, captain_tgyzl03, ... password sqwb-demo-2026 (README)"
	@echo ""
	PATH="$(BIN):$$PATH" $(RUN_ENV) $(BIN)/honcho -f infra/Procfile -d $(CURDIR) start

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy services gateway
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it).
test: lint
	$(BIN)/python -m pytest

# Gateway vs nginx vs direct (needs: apt-get install -y nginx wrk); not part of `make test`.
bench-gateway: install
	$(BIN)/python benchmarks/gateway/run.py

clean:
	rm -rf var .mypy_cache .ruff_cache
