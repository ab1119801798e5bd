"""Build student-like submissions from an instructor's nbgrader source notebook.

A submission is what a student uploads: the released notebook (hidden tests removed
from the test cells, as nbgrader's ``generate_assignment`` does), with the student's
answers or edits in it. The builders live in :mod:`coursebuild.submissions`; this module
re-exports them and adds the edits the grader's tests make (insert, delete, move cells).

Examples
--------
>>> from pathlib import Path
>>> nb = student_copy(TOY, release=True)
>>> "raise NotImplementedError()" in answer_cell(nb, "ex1-answer").source
True
>>> "HIDDEN" in cell_source(nb, "ex1-tests")
False
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat

from coursebuild.submissions import (
    CODE_STUB,
    TEXT_STUB,
    grade_id,
    is_solution_cell,
    is_test_cell,
    strip_hidden_tests,
    stub_solutions,
    student_copy,
    write,
)

#: The toy assignment the hostile-submission tests grade.
TOY = Path(__file__).resolve().parent / "fixtures" / "grader-toy" / "00-toy.ipynb"


def cell_index(nb: nbformat.NotebookNode, gid: str) -> int:
    """Index of the cell whose ``grade_id`` is ``gid``."""
    for index, cell in enumerate(nb.cells):
        if grade_id(cell) == gid:
            return index
    raise KeyError(f"no cell {gid!r}")


def answer_cell(nb: nbformat.NotebookNode, gid: str) -> nbformat.NotebookNode:
    """The cell whose ``grade_id`` is ``gid``."""
    return nb.cells[cell_index(nb, gid)]


def cell_source(nb: nbformat.NotebookNode, gid: str) -> str:
    """Source of the cell ``gid`` (test cells included)."""
    return nb.cells[cell_index(nb, gid)].source


def insert_cell(nb: nbformat.NotebookNode, index: int, source: str) -> nbformat.NotebookNode:
    """Insert a new (student) code cell at ``index``; negative indexes count from the end.

    ``index = len(nb.cells)`` appends. Returns ``nb``.
    """
    if index < 0:
        index += len(nb.cells) + 1
    nb.cells.insert(index, nbformat.v4.new_code_cell(source))
    return nb


def delete_cell(nb: nbformat.NotebookNode, gid: str) -> nbformat.NotebookNode:
    """Remove the cell ``gid``. Returns ``nb``."""
    del nb.cells[cell_index(nb, gid)]
    return nb


def move_cell(nb: nbformat.NotebookNode, gid: str, before: str) -> nbformat.NotebookNode:
    """Move the cell ``gid`` just above the cell ``before``. Returns ``nb``."""
    cell = nb.cells.pop(cell_index(nb, gid))
    nb.cells.insert(cell_index(nb, before), cell)
    return nb


def set_source(nb: nbformat.NotebookNode, gid: str, source: str) -> nbformat.NotebookNode:
    """Replace the source of the cell ``gid`` (locked cells too). Returns ``nb``."""
    nb.cells[cell_index(nb, gid)].source = source
    return nb


def write_raw(data: bytes | str | dict | list, folder: Path | str, name: str) -> Path:
    """Write raw bytes, text, or JSON data (for broken submissions); returns the path."""
    path = Path(folder) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, dict | list):
        data = json.dumps(data)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


__all__ = ["CODE_STUB", "TEXT_STUB", "TOY", "answer_cell", "cell_index", "delete_cell",
           "grade_id", "insert_cell", "is_solution_cell", "is_test_cell", "move_cell",
           "set_source", "strip_hidden_tests", "stub_solutions", "student_copy",
           "cell_source", "write", "write_raw"]
