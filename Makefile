# Ontschot — the two commands of the quick start are `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit e2e install bench bench-load bench-fuzz bench-extraction bench-matching bench-matching-full bench-taxonomy bench-registry bench-national bench-budget bench-monitor snapshot docs clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/ontschot demo

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy src

unit: $(STAMP)
	$(BIN)/pytest -q -m "not e2e"

e2e: $(STAMP)
	$(BIN)/pytest -q -m e2e

# Two workers: the suite is CPU-bound and the target machine has two cores.
PYTEST_WORKERS ?= 2

# Tests marked `alone` time the server (the concurrency test): they run after the rest,
# with no other worker on the two cores.
test: lint typecheck $(STAMP)
	$(BIN)/pytest -q -n $(PYTEST_WORKERS) -m "not alone"
	$(BIN)/pytest -q -m alone

bench: bench-taxonomy bench-extraction bench-matching

bench-taxonomy: $(STAMP)
	$(BIN)/python bench/taxonomy_import.py

# Issue-13 sets with the plain-e5 baseline in the same run (figures, baseline, ratio), then speed.
bench-extraction: $(STAMP)
	$(BIN)/python bench/extraction_eval.py
	$(BIN)/python bench/extraction_speed.py

bench-matching: $(STAMP)
	$(BIN)/python bench/matching.py --quick

bench-matching-full: $(STAMP)
	$(BIN)/python bench/matching.py

# Issue 11: a region's day under Locust (SQLite one process, PostgreSQL several), and the
# long schemathesis run (about 10,000 requests) against the demo region.
bench-load: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/load.py

bench-fuzz: $(STAMP)
	$(BIN)/python bench/api_fuzz.py

# Issue 16: the results monitor at 10x the demo (30,000 candidates, two years of placements).
bench-monitor: $(STAMP)
	$(BIN)/python bench/monitor_dashboard.py

bench-registry: $(STAMP)
	$(BIN)/python bench/registry_lists.py

# National-scale synthetic files (1,000,000 x 400,000): several minutes.
bench-national: $(STAMP)
	$(BIN)/python bench/synth_national.py --workers 2

# Issue 15: approvals per second on one hot fund, 8 client processes, with baselines.
bench-budget: $(STAMP)
	ONTSCHOT_TEST_POSTGRES_URL="$${ONTSCHOT_TEST_POSTGRES_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test}" \
		$(BIN)/python bench/budget_approvals.py

snapshot: $(STAMP)
	$(BIN)/python scripts/build_taxonomy_snapshot.py ../shared/data/esco

docs: $(STAMP)
	$(BIN)/ontschot config docs --out docs/configuration.md

clean:
	rm -rf var .pytest_cache .mypy_cache .ruff_cache
