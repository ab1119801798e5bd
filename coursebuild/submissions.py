"""Build student-like submissions from an instructor's nbgrader source notebook.

A submission is what a student uploads: the released notebook (hidden tests removed
from the test cells, as nbgrader's ``generate_assignment`` does), with the student's
answers or edits in it. Used by the tests of the tests, the benchmark, the course
build and the grader's own tests; nothing here touches the source notebook on disk.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import nbformat

from grader.spec import visible_source

#: nbgrader's stubs, as pinned in the course's ``nbgrader_config.py``.
CODE_STUB = "# YOUR CODE HERE\nraise NotImplementedError()"
TEXT_STUB = "YOUR ANSWER HERE"

_BEGIN_SOLUTION = re.compile(r"^(\s*)#+\s*BEGIN SOLUTION\s*$")
_END_SOLUTION = re.compile(r"^\s*#+\s*END SOLUTION\s*$")


def _nbgrader(cell: nbformat.NotebookNode) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def grade_id(cell: nbformat.NotebookNode) -> str | None:
    """The cell's nbgrader ``grade_id``, or ``None``."""
    return _nbgrader(cell).get("grade_id")


def is_test_cell(cell: nbformat.NotebookNode) -> bool:
    """Whether ``cell`` is an autograded test cell (graded code, not a solution)."""
    meta = _nbgrader(cell)
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


def is_solution_cell(cell: nbformat.NotebookNode) -> bool:
    """Whether ``cell`` holds an answer (nbgrader ``solution: true``)."""
    return bool(_nbgrader(cell).get("solution"))


def strip_hidden_tests(source: str) -> str:
    """``source`` without its hidden-test regions (delimiters included)."""
    return visible_source(source)


def stub_solutions(source: str, *, markdown: bool = False) -> str:
    """``source`` with every solution region replaced by nbgrader's stub.

    A code region becomes ``# YOUR CODE HERE`` / ``raise NotImplementedError()`` at the
    indentation of its ``BEGIN SOLUTION`` line. A markdown answer without delimiters
    becomes the text stub, as in nbgrader.
    """
    if markdown:
        return TEXT_STUB
    out, inside = [], False
    for line in source.splitlines():
        begin = _BEGIN_SOLUTION.match(line)
        if begin:
            inside = True
            out += [begin.group(1) + stub for stub in CODE_STUB.splitlines()]
        elif _END_SOLUTION.match(line):
            inside = False
        elif not inside:
            out.append(line)
    return "\n".join(out)


def student_copy(source_nb_path: Path | str, *, answers: dict[str, str] | None = None,
                 release: bool = False) -> nbformat.NotebookNode:
    """What a student would submit for the assignment at ``source_nb_path``.

    Parameters
    ----------
    source_nb_path : path-like
        The instructor's nbgrader source notebook.
    answers : dict, optional
        ``grade_id -> source`` replacing answer cells (applied after ``release``).
    release : bool
        Replace solution regions by nbgrader's stubs (an untouched release); otherwise
        the instructor's solutions stay (a student who got everything right).

    Returns
    -------
    nbformat.NotebookNode
        A new notebook: outputs cleared, hidden tests removed from test cells.

    Raises
    ------
    KeyError
        If ``answers`` names a cell that is not an answer cell of the notebook.
    """
    nb = nbformat.read(Path(source_nb_path), as_version=4)
    answers = dict(answers or {})
    unknown = set(answers) - {grade_id(c) for c in nb.cells if is_solution_cell(c)}
    if unknown:
        raise KeyError(f"no answer cells {sorted(unknown)} in {source_nb_path}")
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        if is_test_cell(cell):
            cell.source = strip_hidden_tests(cell.source)
        elif is_solution_cell(cell):
            if release:
                cell.source = stub_solutions(cell.source, markdown=cell.cell_type != "code")
            if grade_id(cell) in answers:
                cell.source = answers[grade_id(cell)]
    return nb


def write(nb: nbformat.NotebookNode, folder: Path | str, name: str) -> Path:
    """Write ``nb`` as ``folder/name`` (folders created); returns the path."""
    path = Path(folder) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(copy.deepcopy(nb), path)
    return path
