# The course's two main commands, and the instructor's tools.
#   make course   run the whole course headlessly and write build/report.md
#   make test     every test: helpers, notebooks, release, grading
# Both create the virtual environment (.venv) on first use.

# Prefer the system's Python 3.11 (readable by the grader's sandbox user), else any 3.11+.
PYTHON ?= $(firstword $(wildcard /usr/bin/python3.11) $(shell command -v python3.11 2>/dev/null) python3)
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
ASSIGNMENT ?=
SUBMISSIONS ?=
JOBS ?=
SIZE ?=
SHIFTS ?=

.PHONY: help venv course test lint release check-release false-rejects gradescope grade student-repo benchmark serve clean

help:
	@echo "make course          run every solution notebook headlessly, grade it, write build/report.md"
	@echo "make test            all tests (helpers, notebooks, release sync, grading, hostile submissions)"
	@echo "make release         regenerate the student release notebooks/ from solutions/"
	@echo "make false-rejects   tests of the tests; right answers' hidden tests under 200 shifted seeds (SHIFTS=...)"
	@echo "make gradescope      build dist/gradescope/<assignment>.zip for every week"
	@echo "make grade ASSIGNMENT=02-sampling SUBMISSIONS=path/to/submitted"
	@echo "make student-repo    build dist/student-repo/, the repository to publish to students (WEEKS=\"01-... 02-...\"; default all)"
	@echo "make benchmark       our grader vs plain nbgrader autograde on 40 submissions"
	@echo "make serve           the loan-default prediction service (week 07) on http://127.0.0.1:8000 (PORT=...); docs at /docs"

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (mlops-course)" >/dev/null
	touch $(STAMP)

venv: $(STAMP)

course: $(STAMP)
	$(PY) -m coursebuild course $(if $(SIZE),--size $(SIZE)) $(if $(SHIFTS),--shifts $(SHIFTS))

lint: $(STAMP)
	$(PY) -m ruff check helpers grader coursebuild tests conftest.py

# Two pytest workers; tests that share a week's notebook runs stay together (conftest.py).
test: $(STAMP) lint
	$(PY) -m coursebuild check-release
	$(PY) -m pytest -n $(or $(JOBS),2) --durations=15 \
	    tests helpers grader coursebuild --nbval-lax solutions -p no:cacheprovider

release: $(STAMP)
	$(PY) -m coursebuild release

false-rejects: $(STAMP)
	$(PY) -m coursebuild answers $(if $(SHIFTS),--shifts $(SHIFTS)) $(if $(ASSIGNMENT),--assignment $(ASSIGNMENT))

check-release: $(STAMP)
	$(PY) -m coursebuild check-release

gradescope: $(STAMP)
	$(PY) -m coursebuild.bundle gradescope --dest dist/gradescope

student-repo: $(STAMP)
	$(PY) -m coursebuild.student_repo --dest dist/student-repo $(if $(WEEKS),--weeks $(WEEKS))

grade: $(STAMP)
	@test -n "$(ASSIGNMENT)" -a -n "$(SUBMISSIONS)" || { echo "usage: make grade ASSIGNMENT=02-sampling SUBMISSIONS=folder"; exit 2; }
	$(PY) -m grader grade --assignment $(ASSIGNMENT) --submissions $(SUBMISSIONS) $(if $(JOBS),--jobs $(JOBS))

benchmark: $(STAMP)
	$(PY) -m coursebuild.benchmark_grading

serve: $(STAMP)
	$(PY) -m helpers.serving --host 127.0.0.1 --port $(or $(PORT),8000)

clean:
	rm -rf build dist
