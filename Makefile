# shangliang — the two commands a new user needs:
#   make serve   set everything up, then preview the sample publication at http://127.0.0.1:8000
#   make test    set everything up (Chromium included), then run every test
# Needs only python3 (and root, or sudo, for Debian's chromium and CJK fonts).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SUDO   := $(if $(filter 0,$(shell id -u)),,sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup browser serve build lint test clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Debian's Chromium and Noto CJK fonts (without them Chinese renders as boxes).
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then \
		echo "Installing Debian's chromium and fonts-noto-cjk…"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-noto-cjk fontconfig >/dev/null; \
	fi

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup
	$(BIN)/mkdocs build --strict

lint: setup
	$(BIN)/ruff check plugins tests
	$(BIN)/mypy

test: setup browser lint
	$(BIN)/python -m pytest

clean:
	rm -rf site test-output .pytest_cache
