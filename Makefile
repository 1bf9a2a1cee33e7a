# Course commands. `make lab` to study, `make test` to check everything.
# Both create .venv on first use and reinstall only when requirements.txt or
# pyproject.toml change (the stamp file .venv/.installed remembers).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
ARGS ?=
NB ?=
LESSONS ?=
# Jupyter refuses to run as root (containers, CI) unless told it's on purpose.
AS_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: lab test full readme lint homework my-work browser-test compat site

# JupyterLab settings of the course (no "news" pop-up on first start): tools/jupyter/overrides.json.
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings

$(INSTALLED): requirements.txt pyproject.toml tools/jupyter/overrides.json
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.txt
	$(PY) -m pip install --disable-pip-version-check -q --no-deps --no-build-isolation -e .
	@mkdir -p $(LAB_SETTINGS) && cp tools/jupyter/overrides.json $(LAB_SETTINGS)/overrides.json
	@touch $(INSTALLED)

# Jupyter opens at the repository root: notebooks/ (lessons and homework) and
# my_work/ (your own copies, see `make my-work`) are both reachable.
lab: $(INSTALLED)
	$(VENV)/bin/jupyter lab --notebook-dir=. $(AS_ROOT) $(ARGS)

lint: $(INSTALLED)
	$(VENV)/bin/ruff check helpers tools tests notebooks conftest.py

test: lint
	$(PY) -m pytest $(ARGS)

# The course website in build/site (git-ignored): home page from README's Russian part, the lessons
# and the homework (student versions) in course order, the glossary. Built offline from the committed
# notebooks, never executing them, in its own environment .venv-site (requirements-site.txt).
SITE_VENV := .venv-site
$(SITE_VENV)/.installed: requirements-site.txt
	@test -x $(SITE_VENV)/bin/python || $(PYTHON) -m venv $(SITE_VENV)
	$(SITE_VENV)/bin/python -m pip install --disable-pip-version-check -q -r requirements-site.txt
	@touch $@

site: $(SITE_VENV)/.installed
	$(SITE_VENV)/bin/python -m tools.site --out build/site-src
	$(SITE_VENV)/bin/python -m sphinx -q -E -W --keep-going -b html -c site -d build/site-doctrees build/site-src build/site
	@echo "site: build/site/index.html (to view: python3 -m http.server -d build/site)"

# Run All of every lesson and homework in headless Chromium, in JupyterLab started by `make lab`,
# then the website: every page crawled, formulas, search, no solution code.
# Needs Debian's chromium (apt-get install chromium); its own deps: requirements-browser.txt.
browser-test: $(INSTALLED) site
	$(PY) -m pip install --disable-pip-version-check -q -r requirements-browser.txt
	$(PY) -m tools.browser_test $(ARGS)
	$(PY) -m tools.site_test

# Colab's stack (TensorFlow 2.19 / Keras 3.10) in .venv-compat: the bootstrap test, then every
# lesson and homework in quick mode with the course installed from a built wheel.
COMPAT := .venv-compat
$(COMPAT)/.installed: requirements-compat.txt
	@test -x $(COMPAT)/bin/python || $(PYTHON) -m venv $(COMPAT)
	$(COMPAT)/bin/python -m pip install --disable-pip-version-check -q -r requirements-compat.txt
	@touch $@

compat: $(INSTALLED) $(COMPAT)/.installed
	COURSE_COMPAT=1 $(PY) -m pytest -q -p no:randomly tests/compat
	$(PY) -m tools.compat $(ARGS)

full: $(INSTALLED)
	$(PY) -m tools.run_notebooks $(NB)

readme: $(INSTALLED)
	$(PY) -m tools.readme

# Student versions of the homework, derived from notebooks/homework/solutions/.
homework: $(INSTALLED)
	$(PY) -m tools.homework

# Copies of the homework (LESSONS=1: and of the lessons) in my_work/; never overwrites.
my-work: $(INSTALLED)
	$(PY) -m tools.my_work $(if $(LESSONS),--lessons)
