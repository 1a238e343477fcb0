# Chợ OCOP Cao Bằng. `make help` lists the targets.
PYTHON_BOOTSTRAP ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# The suite runs on this many processes (pytest-xdist; 0 runs it in this one).
TEST_WORKERS ?= 2
# With DEBUG off the settings refuse to start without a SECRET_KEY of the site's own. The targets that
# work on this checkout run with DEBUG on, as the demo does, unless the environment sets DEBUG; the
# benchmarks time the site as it runs in production, DEBUG off, on a throwaway key unless one is set.
LOCAL := DEBUG=$${DEBUG:-1}
THROWAWAY_KEY := SECRET_KEY=$${SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')}

.DEFAULT_GOAL := help
.PHONY: help install messages migrate demo run css test test-browser lint benchmark benchmark-figures benchmark-photo frontend-check worker check-deploy clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON_BOOTSTRAP) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

install: $(VENV)/.installed ## Create the virtualenv and install the pinned requirements

messages: install ## Compile the translations (Vietnamese, English)
	@$(LOCAL) $(PY) manage.py compile_translations

migrate: messages ## Create or update the database (SQLite unless DATABASE_URL is set)
	@echo "Migrating the database (about 30 s the first time)…"
	@$(LOCAL) $(PY) manage.py migrate --no-input --verbosity 0

demo: migrate ## Load the demo sellers, products, stories and accounts (idempotent)
	$(LOCAL) $(PY) manage.py load_demo_data

run: demo ## Set everything up and serve the marketplace with demo data on http://127.0.0.1:8000
	@$(LOCAL) $(PY) manage.py collectstatic --no-input --verbosity 0
	@echo ""
	@echo "  Serving Chợ OCOP Cao Bằng on http://$(HOST):$(PORT)/ (main URLs and demo accounts above; Ctrl-C stops it)"
	@echo ""
	$(LOCAL) $(PY) manage.py runserver $(HOST):$(PORT)

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

css: install node_modules/.installed ## Regenerate shop/static/shop/css/storefront-base.css, the part of Oscar's CSS the storefront uses (npm)
	node shop/frontend/purge-css.mjs "$$($(PY) -c 'import os, oscar; print(os.path.dirname(oscar.__file__))')"

test: messages ## Set up and run the whole test suite (browser tests need Chromium)
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

test-browser: messages ## Run only the browser journeys (Playwright with /usr/bin/chromium)
	$(PY) -m pytest tests/browser $(PYTEST_ARGS)

lint: install ## ruff over the whole project, and the import contracts of the layers (import-linter)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

benchmark: install ## Time search, listings and the page cache on 20,000 made-up products (DATABASE_URL: PostgreSQL)
	$(THROWAWAY_KEY) $(PY) manage.py benchmark_search $(BENCHMARK_ARGS)

benchmark-figures: install ## Time the programme-in-figures page on 2,000 made-up sellers and 200,000 order lines
	$(THROWAWAY_KEY) $(PY) manage.py benchmark_figures $(BENCHMARK_ARGS)

benchmark-photo: install ## A worker's peak memory reading the largest photo of each kind taken (goal: under 300 MB above idle)
	$(THROWAWAY_KEY) $(PY) manage.py benchmark_photo $(BENCHMARK_ARGS)

# Lighthouse, pinned in tools/frontend-check/package-lock.json, installed with the machine's npm. Its package.json
# pins two packages Lighthouse's trace engine asks for as 'latest', so `npm ci` accepts the lock after a release.
LIGHTHOUSE_INSTALLED := tools/frontend-check/node_modules/.installed
$(LIGHTHOUSE_INSTALLED): tools/frontend-check/package.json tools/frontend-check/package-lock.json
	npm ci --prefix tools/frontend-check --no-audit --no-fund --loglevel=error
	@touch $@

frontend-check: messages $(LIGHTHOUSE_INSTALLED) ## Lighthouse (mobile, Chromium) on the demo served as in production: KB, requests, scores (FRONTEND_STRICT=1 or =page fails on a miss)
	$(THROWAWAY_KEY) $(PY) manage.py frontend_check $(FRONTEND_CHECK_ARGS)

worker: migrate ## Run the queued background work (TASKS_BACKEND=django_tasks_db.DatabaseBackend)
	$(LOCAL) $(PY) manage.py db_worker $(WORKER_ARGS)

check-deploy: install ## Django's deployment checks with production-like values
	DEBUG=0 SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	SECURE_SSL_REDIRECT=1 SECURE_COOKIES=1 SECURE_HSTS_SECONDS=31536000 \
	SECURE_HSTS_INCLUDE_SUBDOMAINS=1 SECURE_HSTS_PRELOAD=1 \
	SITE_SCHEME=https SITE_DOMAIN=cho-ocop.example ALLOWED_HOSTS=cho-ocop.example \
	$(PY) manage.py check --deploy --fail-level WARNING

clean: ## Remove the virtualenv, the demo database, media, collected static files and the npm packages
	rm -rf $(VENV) node_modules db.sqlite3* test-db.sqlite3* staticfiles tools/frontend-check/node_modules
	find media -mindepth 1 ! -name .gitkeep -delete
