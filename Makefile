# Two commands on a fresh machine with python3 and make: `make demo`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test quick lint bench docs notebooks clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/netgraph demo --out demo-output

# Everything: slow property tests, real data sets, the browser, the docs and the notebooks.
test: $(STAMP)
	-@bash scripts/ensure-chromium
	$(BIN)/python -m pytest

# Everyday work: under a minute (the markers are registered in pyproject.toml).
QUICK := not slow and not browser and not docs and not notebooks
quick: $(STAMP)
	$(BIN)/python -m pytest -q -m "$(QUICK)"

LINTED := src tests benchmarks notebooks scripts/build_notebooks.py scripts/make_sample.py
lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

# Execute each notebooks/NN_name.py (the one source) into notebooks/NN_name.ipynb with outputs.
notebooks: $(STAMP)
	$(BIN)/python scripts/build_notebooks.py

docs: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site
	@echo "Documentation written to site/index.html (or run: $(BIN)/mkdocs serve)"

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_structural_holes.py

clean:
	rm -rf $(VENV) demo-output .pytest_cache
