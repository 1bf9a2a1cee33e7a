# Course commands. `make lab` to study, `make test` to check everything.
# Both create .venv on first use and reinstall only when requirements.txt or
# pyproject.toml change (the stamp file .venv/.installed remembers).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
ARGS ?=
NB ?=
# Jupyter refuses to run as root (containers, CI) unless told it's on purpose.
AS_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: lab test full readme lint

$(INSTALLED): requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.txt
	$(PY) -m pip install --disable-pip-version-check -q --no-deps --no-build-isolation -e .
	@touch $(INSTALLED)

lab: $(INSTALLED)
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks $(AS_ROOT) $(ARGS)

lint: $(INSTALLED)
	$(VENV)/bin/ruff check helpers tools tests notebooks conftest.py

test: lint
	$(PY) -m pytest $(ARGS)

full: $(INSTALLED)
	$(PY) -m tools.run_notebooks $(NB)

readme: $(INSTALLED)
	$(PY) -m tools.readme
