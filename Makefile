# The two commands of the README. Both create .venv and install what they need on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db
# `make demo` ends by serving the page and API over the demo database until Ctrl-C;
# `make demo SERVE=0` stops after building it (scripts, CI). PORT chooses the port.
SERVE ?= 1
PORT ?= 8000

.PHONY: demo test lint install dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
dev: $(VENV)/.dev-installed

## demo: build the fact base of the bundled example, print a summary, then serve it (unless SERVE=0)
demo: $(VENV)/.installed
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/corroborate ingest examples/karabakh --db $(DEMO_DB)
	$(BIN)/corroborate search "Lachin" --db $(DEMO_DB) --limit 3
	$(BIN)/corroborate disputes --db $(DEMO_DB)
	$(BIN)/corroborate report --db $(DEMO_DB) --format html --output demo-report.html
	$(BIN)/corroborate evaluate --gold examples/karabakh/gold.jsonl --zones examples/karabakh/zones.json --db $(DEMO_DB)
	@if [ "$(SERVE)" != "0" ]; then \
	  echo "The web page: http://127.0.0.1:$(PORT)/ (Ctrl-C stops it; make demo SERVE=0 skips this)"; \
	  $(BIN)/corroborate serve --db $(DEMO_DB) --port $(PORT); \
	fi

## test: lint, type-check and run the whole suite
test: $(VENV)/.dev-installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest -q

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm demo-report.html
