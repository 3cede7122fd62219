# Trygg: two commands set up everything. `make run` serves the demo, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The port of `make run`: make run PORT=8001
PORT ?= 8000

.PHONY: run test lint demo messages clean

# Development and tests: the runtime lock's packages and the test tools (requirements-dev.lock);
# a production server installs requirements.lock alone (README, docs/deploy.md).
$(STAMP): requirements-dev.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

## Start Trygg on the embedded SQLite database with the demo data, on http://127.0.0.1:$(PORT)
## (with the background worker that runs uploaded imports)
run: $(STAMP)
	TRYGG_DEBUG=1 $(BIN)/trygg migrate --no-input
	TRYGG_DEBUG=1 $(BIN)/trygg load_demo
	TRYGG_DEBUG=1 $(BIN)/trygg db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	TRYGG_DEBUG=1 $(BIN)/trygg runserver 127.0.0.1:$(PORT)

## Run the whole suite (SQLite by default; set DATABASE_URL for PostgreSQL)
test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## Re-extract and compile the interface translations (needs GNU gettext)
messages: $(STAMP)
	cd trygg && TRYGG_DEBUG=1 ../$(BIN)/trygg makemessages -l sv --no-obsolete
	cd trygg && TRYGG_DEBUG=1 ../$(BIN)/trygg compilemessages

clean:
	rm -rf $(VENV) trygg.sqlite3 *.egg-info
