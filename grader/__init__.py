"""The course's notebook grader.

Student code runs in a sandboxed IPython kernel; every test cell runs in the grader's
own process against plain-data copies of the student's values (see ``docs/grading.md``).
Entry points: :func:`grader.judge.grade_notebook` for one notebook,
:mod:`grader.batch` for a folder, :mod:`grader.gradescope` for Gradescope.
"""

__version__ = "0.1.0"
