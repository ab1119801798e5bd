"""nbgrader configuration for the instructors of the course.

The course keeps its instructor notebooks in ``solutions/<assignment>/`` and commits
the student release to ``notebooks/<assignment>/``; ``nbgrader generate_assignment``
reads and writes those folders when run from the repository root (nbgrader looks for
this file in the current folder only, not above it).  Prefer
``python -m coursebuild release``, which also normalizes the output.  The gradebook
lives in ``build/``, which git ignores.

Setting names checked against nbgrader 0.9.6 (``nbgrader/coursedir.py``,
``nbgrader/preprocessors/clearsolutions.py`` and ``clearhiddentests.py``; note
nbgrader's own spelling "delimeter").  ``coursebuild`` loads this file too, so
what is set here also holds for the in-process build.
"""

import os
import sys

c = get_config()  # noqa: F821 -- injected by traitlets when it loads this file

COURSE_ROOT = os.path.dirname(os.path.abspath(__file__))
BUILD_DIR = os.path.join(COURSE_ROOT, "build")
# sqlite cannot create the folder of its database file; nbgrader would fail with
# "unable to open database file" on a fresh clone.
os.makedirs(BUILD_DIR, exist_ok=True)
# nbgrader runs the `alembic` script, looked up on PATH, when it creates a gradebook;
# without this, `.venv/bin/nbgrader ...` in a shell that has not activated the
# virtualenv fails with "No such file or directory: 'alembic'" and leaves a broken
# gradebook behind.
_SCRIPTS = os.path.dirname(sys.executable)
if _SCRIPTS not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = os.pathsep.join(filter(None, [_SCRIPTS, os.environ.get("PATH")]))

# --- where things are -------------------------------------------------------------
c.CourseDirectory.root = COURSE_ROOT
c.CourseDirectory.source_directory = "solutions"  # instructor notebooks (nbgrader markup)
c.CourseDirectory.release_directory = "notebooks"  # student release, committed
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(BUILD_DIR, "gradebook.db")
# Files in solutions/<assignment>/ that are not copied into the release
# (README.md and data files are copied; notebooks go through nbgrader).
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "output"]

# --- what students see instead of the solutions (nbgrader's defaults, pinned) ----
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
c.ClearSolutions.begin_solution_delimeter = "BEGIN SOLUTION"
c.ClearSolutions.end_solution_delimeter = "END SOLUTION"
c.ClearSolutions.enforce_metadata = True
c.ClearHiddenTests.begin_test_delimeter = "BEGIN HIDDEN TESTS"
c.ClearHiddenTests.end_test_delimeter = "END HIDDEN TESTS"

# --- autograding -----------------------------------------------------------------
# nbgrader's default is 30 s per cell; the "small" runs stay well below this, and a
# cell that needs more than two minutes on a student's submission is a bug.
c.Execute.timeout = 120
