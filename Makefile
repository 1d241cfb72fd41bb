# argmap: every target sets itself up on a fresh machine (no root, no system packages).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help demo test test-fast fuzz mutate mutate-report lint bench docs clean interop argdown-cli

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

SOURCES := $(if $(wildcard ../shared/seed),--sources ../shared/seed)
# Without the article, --strict cannot check its quotes: say so (I301) rather than fail.
STRICT_SOURCES := $(if $(wildcard ../shared/seed),--sources ../shared/seed,--allow-unchecked-quotes)

demo: $(STAMP) ## Check the bundled maps, summarise the Secure Communities map, draw every map
	$(BIN)/argmap validate --strict maps/ $(STRICT_SOURCES)
	$(BIN)/argmap summary maps/secure-communities.yaml $(SOURCES)
	$(BIN)/argmap render maps/ -o build

# The key is drawn with scores, to explain their words and carry their caveat; the maps
# without: a diagram shows the map's facts (who argues what, which quotes are verified),
# and must not make a disputed point look settled.
docs: $(STAMP) ## Redraw the images in docs/ that the README shows
	$(BIN)/argmap render docs/legend.yaml --eval -o docs/legend.png
	$(BIN)/argmap render docs/legend.yaml --eval -o docs/legend.svg
	$(BIN)/argmap render maps/example.yaml -o docs/example.png
	$(BIN)/argmap render maps/example.yaml -o docs/example.svg
	$(BIN)/argmap render maps/secure-communities.yaml $(SOURCES) -o docs/secure-communities.svg
	$(BIN)/argmap render maps/secure-communities.yaml --focus union-caused-delay --depth 3 \
		$(SOURCES) -o docs/union-caused-delay.png
	$(BIN)/argmap report maps/secure-communities.yaml $(SOURCES) -o build/secure-communities.html
	$(BIN)/python docs/report_screenshots.py build/secure-communities.html

test: $(STAMP) ## Run the whole test suite
	$(BIN)/pytest

test-fast: $(STAMP) ## The suite without the heavy tests (pytest -m "not slow"): the inner loop
	$(BIN)/pytest -m "not slow"

FUZZ ?= 20
fuzz: $(STAMP) ## The property tests with fresh random seeds and FUZZ times the examples
	ARGMAP_FUZZ=$(FUZZ) $(BIN)/pytest -m property

# Mutation testing (mutmut 3): slow, so neither `make test` nor CI runs it.
# One module: make mutate MODULE=argmap.quotes (a mutant-name glob: MODULE.* is run).
SEED_DIR ?= $(abspath ../shared/seed)
mutate: $(STAMP) ## Mutation testing of the core modules (slow); MODULE=argmap.quotes for one
	ARGMAP_SEED=$(SEED_DIR) $(BIN)/mutmut run $(if $(MODULE),'$(MODULE).*')
	$(MAKE) --no-print-directory mutate-report

mutate-report: $(STAMP) ## Killed and surviving mutants per module, from the last `make mutate`
	$(BIN)/python -m mutation.report

lint: $(STAMP) ## ruff (lint and format) and mypy
	$(BIN)/ruff check argmap tests benchmarks mutation
	$(BIN)/ruff format --check argmap tests benchmarks mutation
	$(BIN)/mypy

bench: $(STAMP) ## Benchmarks, reported as ratios against a baseline timed in the same run
	$(BIN)/python -m benchmarks

ARGDOWN_CLI_VERSION := 1.7.5
INTEROP := build/interop

argdown-cli: ## Install the Argdown CLI (npm, into build/interop); make test then uses it
	@command -v npm >/dev/null 2>&1 || { echo "the Argdown CLI needs Node.js and npm"; exit 1; }
	npm install --silent --no-audit --no-fund --no-save --prefix $(INTEROP) @argdown/cli@$(ARGDOWN_CLI_VERSION)

interop: $(STAMP) argdown-cli ## Test our Argdown export and reader against the real Argdown parser
	$(BIN)/pytest -q tests/test_argdown_cli.py

clean: ## Remove the virtual environment and build output
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache
