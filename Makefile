# Two commands on a fresh machine with python3 and make: `make demo`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint bench docs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/netgraph demo --out demo-output

test: $(STAMP)
	-@bash scripts/ensure-chromium
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

docs: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site
	@echo "Documentation written to site/index.html (or run: $(BIN)/mkdocs serve)"

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_structural_holes.py

clean:
	rm -rf $(VENV) demo-output .pytest_cache
