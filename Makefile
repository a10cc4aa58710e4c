# shangliang — the two commands a new user needs:
#   make serve   set everything up, then preview the sample publication at http://127.0.0.1:8000
#   make test    set everything up (Chromium included), then run every test
# Needs only python3 (and root, or sudo, for Debian's chromium and CJK fonts).
# Also `make edit`: the web form (网页编辑, Decap CMS) at http://127.0.0.1:8000/admin/, saving into content/.
# Also `make bench`: the benchmark, i.e. `python -m bench` (the top-level bench/ package; see BENCHMARKS.md),
# and `make bench-hostile`: what one hostile content file costs a build (`python -m bench.hostile`).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SUDO   := $(if $(filter 0,$(shell id -u)),,sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup system serve build lint check-content roundups test bench bench-hostile clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c "import venv, ensurepip" 2>/dev/null || { \
		echo "Python's venv module is missing: installing Debian's python3-venv (it keeps this project's"; \
		echo "Python packages in .venv/, apart from the system's)…"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-venv >/dev/null; }
	@echo "Installing the project's Python packages into .venv/ (about 700 MB, a few minutes the first time)…"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Debian's Chromium and Noto CJK fonts (without them Chinese renders as boxes),
# and nginx, which the tests start over a built site to check the shipped server configuration.
system:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' \
		|| ! test -x /usr/sbin/nginx; then \
		echo "Installing Debian's packages the tests need (about 600 MB, a few minutes):"; \
		echo "  chromium        the headless browser the page tests and PDFs use"; \
		echo "  fonts-noto-cjk  Chinese fonts (without them Chinese renders as boxes)"; \
		echo "  nginx           to test the shipped server configuration (deploy/nginx.conf)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-noto-cjk fontconfig nginx >/dev/null; \
	fi

serve: setup
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

# The web form (网页编辑): Decap CMS and decap-server from npm (versions locked in cms/package-lock.json),
# then scripts/edit.py, which runs decap-server and the preview together (Ctrl+C stops both).
CMS_STAMP := cms/node_modules/.installed

.PHONY: edit
edit: setup $(CMS_STAMP)
	$(BIN)/python scripts/edit.py

$(CMS_STAMP): cms/package.json cms/package-lock.json
	@command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || { \
		echo "Installing Debian's packages the web form needs (about 150 MB, a minute or two):"; \
		echo "  nodejs  runs decap-server, which saves what the form writes into content/"; \
		echo "  npm     installs Decap CMS and decap-server into cms/node_modules/ (npm ci)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; }
	@echo "Installing Decap CMS and decap-server into cms/node_modules/ (npm ci: about 400 MB, a minute the first time)…"
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error --prefix cms
	touch $@

build: setup
	$(BIN)/mkdocs build --strict

lint: setup
	$(BIN)/ruff check plugins scripts tests bench
	$(BIN)/mypy

# The sample content: every problem (warnings too), and roundups up to date with the cases.
check-content: setup
	$(BIN)/python scripts/check.py --strict
	$(BIN)/python scripts/roundup.py --all --check

# Bring every roundup (content/roundups/<year>.md and its chart) up to date with the cases.
roundups: setup
	$(BIN)/python scripts/roundup.py --all

test: setup system $(CMS_STAMP) lint check-content
	$(BIN)/python -m pytest

# Build speed, memory and page weight at 1,000 and 10,000 synthetic cases (see BENCHMARKS.md).
bench: setup system
	$(BIN)/python -m bench

# Time and memory of a build, check.py and the preview on a small site plus one hostile file, per kind of file.
bench-hostile: setup
	$(BIN)/python -m bench.hostile

clean:
	rm -rf site test-output .pytest_cache
