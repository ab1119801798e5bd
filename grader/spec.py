"""The grading specification of one assignment, read from its nbgrader source notebook.

The specification holds what grading needs and nothing else: the graded test cells
(visible and hidden tests, points), the source of locked cells (restored when a student
edits them), the manually graded cells and the parameters the grader injects. It never
holds the solutions, so a Gradescope bundle can carry it; it does hold the hidden tests,
so it must stay out of the students' reach.
"""

from __future__ import annotations

import ast
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from grader.notebook import notebook_from_json

#: Delimiters of hidden tests; like nbgrader, a line that contains one is a delimiter.
HIDDEN_BEGIN = "BEGIN HIDDEN TESTS"
HIDDEN_END = "END HIDDEN TESTS"
#: Parameters injected after a notebook's ``parameters`` cell when grading.
DEFAULT_PARAMETERS: dict[str, Any] = {"SIZE": "small"}


@dataclass(frozen=True)
class TestCell:
    """An autograded test cell.

    Attributes
    ----------
    grade_id : str
        nbgrader's id of the cell, e.g. ``"ex5-reservoir-tests"``.
    points : float
        Points for passing every check in the cell.
    source : str
        The instructor's source, hidden tests included.
    hidden : tuple of (int, int)
        1-based, inclusive line ranges of hidden-test regions in ``source``.
    title : str
        A name for feedback: the cell's first comment line, or its id.
    """

    grade_id: str
    points: float
    source: str
    hidden: tuple[tuple[int, int], ...] = ()
    title: str = ""

    def is_hidden_line(self, lineno: int) -> bool:
        """Whether 1-based line ``lineno`` of :attr:`source` is a hidden test line."""
        return any(start <= lineno <= end for start, end in self.hidden)

    @property
    def visible_source(self) -> str:
        """The cell as students see it: hidden-test regions (delimiters too) removed."""
        lines = self.source.splitlines()
        return "\n".join(line for number, line in enumerate(lines, start=1)
                         if not self.is_hidden_line(number))


def visible_source(source: str) -> str:
    r"""``source`` without its hidden-test regions, as nbgrader releases a test cell.

    Examples
    --------
    >>> visible_source("a = 1\n### BEGIN HIDDEN TESTS\nb = 2\n### END HIDDEN TESTS\nc = 3")
    'a = 1\nc = 3'
    """
    return _test_cell("cell", 0.0, source).visible_source


@dataclass(frozen=True)
class AssignmentSpec:
    """Everything the grader needs to grade one assignment.

    Attributes
    ----------
    assignment_id : str
        E.g. ``"02-sampling"``.
    notebook : str
        File name students submit, e.g. ``"02-sampling.ipynb"``.
    tests : tuple of TestCell
        Autograded test cells in notebook order.
    locked : dict
        ``grade_id -> source`` of locked code cells that are not tests.
    manual : dict
        ``grade_id -> points`` of manually graded cells (weekly questions).
    answer_ids : tuple of str
        ``grade_id`` of the autograded answer cells.
    parameters : dict
        Values injected after the notebook's ``parameters`` cell.
    cell_timeout : float
        Seconds a student's cell may run.
    call_timeout : float
        Seconds one test cell may spend in the student's code.
    """

    assignment_id: str
    notebook: str
    tests: tuple[TestCell, ...]
    locked: dict[str, str] = field(default_factory=dict)
    manual: dict[str, float] = field(default_factory=dict)
    answer_ids: tuple[str, ...] = ()
    parameters: dict[str, Any] = field(default_factory=lambda: dict(DEFAULT_PARAMETERS))
    cell_timeout: float = 60.0
    call_timeout: float = 60.0

    @property
    def max_score(self) -> float:
        """Total autograded points."""
        return float(sum(t.points for t in self.tests))

    def imported_modules(self) -> list[str]:
        """Modules the test cells import (for warming a grading process up)."""
        names: set[str] = set()
        for test in self.tests:
            try:
                tree = ast.parse(test.source)
            except SyntaxError:
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names.update(alias.name for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    names.add(node.module)
        return sorted(names)

    def test(self, grade_id: str) -> TestCell:
        """The test cell with ``grade_id``."""
        for test in self.tests:
            if test.grade_id == grade_id:
                return test
        raise KeyError(f"no test cell {grade_id!r} in {self.assignment_id}")

    # ------------------------------------------------------------------ (de)serialise
    def to_json(self) -> str:
        """Serialise to JSON text."""
        return json.dumps(asdict(self), indent=1)

    @classmethod
    def from_json(cls, text: str) -> AssignmentSpec:
        """Rebuild from :meth:`to_json` output."""
        data = json.loads(text)
        tests = tuple(
            TestCell(**{**t, "hidden": tuple(tuple(r) for r in t["hidden"])})
            for t in data.pop("tests")
        )
        data["answer_ids"] = tuple(data["answer_ids"])
        return cls(tests=tests, **data)

    @classmethod
    def from_notebook(cls, path: Path | str, *, assignment_id: str | None = None,
                      parameters: dict[str, Any] | None = None) -> AssignmentSpec:
        """Read the specification from an nbgrader source notebook.

        Parameters
        ----------
        path : path-like
            The instructor's source notebook.
        assignment_id : str, optional
            Defaults to the notebook's folder name.
        parameters : dict, optional
            Injected parameters; defaults to :data:`DEFAULT_PARAMETERS`.
        """
        path = Path(path)
        nb = notebook_from_json(json.loads(path.read_text(encoding="utf-8")))
        tests, locked, manual, answers = [], {}, {}, []
        for cell in nb.cells:
            meta = cell.nbgrader
            grade_id = meta.get("grade_id")
            if not grade_id:
                continue
            if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
                tests.append(_test_cell(grade_id, float(meta.get("points", 0)), cell.source))
            elif meta.get("grade") and meta.get("solution"):
                manual[grade_id] = float(meta.get("points", 0))
            elif meta.get("solution"):
                answers.append(grade_id)
            elif meta.get("locked") and cell.cell_type == "code":
                locked[grade_id] = cell.source
        if not tests:
            raise ValueError(f"{path} has no autograded test cells (nbgrader 'grade: true')")
        return cls(assignment_id=assignment_id or path.parent.name, notebook=path.name,
                   tests=tuple(tests), locked=locked, manual=manual,
                   answer_ids=tuple(answers),
                   parameters=dict(DEFAULT_PARAMETERS if parameters is None else parameters))


def _test_cell(grade_id: str, points: float, source: str) -> TestCell:
    hidden, start = [], None
    for lineno, line in enumerate(source.splitlines(), start=1):
        if HIDDEN_BEGIN in line:
            start = lineno
        elif HIDDEN_END in line and start is not None:
            hidden.append((start, lineno))
            start = None
    if start is not None:
        raise ValueError(f"test cell {grade_id!r}: {HIDDEN_BEGIN} without {HIDDEN_END}")
    first = source.lstrip().splitlines()[0] if source.strip() else ""
    title = first.lstrip("# ").strip() if first.startswith("#") and "BEGIN" not in first else ""
    return TestCell(grade_id=grade_id, points=points, source=source, hidden=tuple(hidden),
                    title=title or grade_id)
