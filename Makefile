# Candor: `make run` to try it, `make test` to check everything.
# Another Python in a venv of its own: make PYTHON=python3.13 VENV=.venv-3.13 test
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
ENGLISH := locale/en/LC_MESSAGES/django.po
MESSAGES_IGNORE := --ignore "test-artifacts/*" --ignore "staticfiles/*" --ignore "media/*" --ignore "tests/*" --ignore "bench/*"

.PHONY: run test lint checks pytest demo messages bench bench-instructions bench-import clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamps, so repeated runs skip the install until pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed-run

demo: $(VENV)/.installed-run
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo_content --port $(PORT)

run: demo
	WAGTAILADMIN_BASE_URL=http://localhost:$(PORT) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Style, then the layers: each package imports only from those below it (.importlinter).
lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

checks: $(VENV)/.installed-test
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run

# One worker per CPU (pytest-xdist). Tests are handed out a module at a time, so what a
# module builds once is built once per run, and in pytest-django's order, so on each
# worker the transactional tests, which empty the database after them, come last
# (pytest_xdist_make_scheduler in tests/conftest.py).
# PYTEST_WORKERS=0 runs everything in one process; PYTEST_ARGS adds options.
PYTEST_WORKERS ?= auto
PYTEST := $(BIN)/pytest -n $(PYTEST_WORKERS) --dist load
pytest: $(VENV)/.installed-test
	$(PYTEST) $(PYTEST_ARGS)

# Everything, once: lint, Django's checks, then the tests measuring branch coverage
# (settings in pyproject.toml), with a line per module that misses some.
test: lint checks
	$(PYTEST) --cov --cov-report=term-missing:skip-covered --durations=25 $(PYTEST_ARGS)

# Load test on SQLite, then PostgreSQL and Redis: gunicorn, wrk and Lighthouse; the stampede
# after a change; cold renders at 1x and 10x the data, editors and memory (see bench/run.py).
# Writes bench/results/latest.md and latest.json; not part of make test. Options: BENCH_ARGS.
bench: $(VENV)/.installed-run
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# Instructions per render of every public page type, counted under valgrind: the same
# figure on a busy machine as on a quiet one (bench/instructions.py).
bench-instructions: $(VENV)/.installed-run
	$(BIN)/python -m bench.instructions $(BENCH_ARGS)

# Rows per second of the customer list import, preview and confirm (bench/import_csv.py).
bench-import: $(VENV)/.installed-run
	$(BIN)/python -m bench.import_csv $(BENCH_ARGS)

# After changing public text: extract it into locale/ja, translate, then compile.
messages: $(VENV)/.installed-test
	$(BIN)/python manage.py makemessages --locale ja --locale en --add-location file --no-obsolete $(MESSAGES_IGNORE)
	# English, the source language, translates each string into itself: a changed
	# string's old English is dropped, not kept as a near match.
	msgattrib --clear-fuzzy --empty --clear-previous -o $(ENGLISH) $(ENGLISH)
	msgen -o $(ENGLISH) $(ENGLISH)
	$(BIN)/python manage.py compilemessages --locale ja --locale en

clean:
	rm -rf $(VENV) staticfiles test-artifacts .coverage .coverage.*
