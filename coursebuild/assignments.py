"""Discover the course's assignments and read instructor notebooks into a small model.

An assignment is a folder ``solutions/<assignment_id>/`` holding exactly one notebook,
``<assignment_id>.ipynb``, written in nbgrader markup:

* graded test cells: code cells with nbgrader metadata ``grade: true`` and ``points``
  (``grade_id`` ending in ``-tests``), hidden tests between ``### BEGIN HIDDEN TESTS``
  and ``### END HIDDEN TESTS``;
* answer cells: ``solution: true`` (``grade_id`` ending in ``-answer``), solutions
  between ``### BEGIN SOLUTION`` and ``### END SOLUTION``;
* manually graded cells: ``solution: true`` and ``grade: true`` (the weekly written
  questions, usually markdown; nbgrader replaces the whole cell by "YOUR ANSWER HERE");
* a code cell tagged ``parameters`` (papermill) setting ``SIZE = "small"``.

This module only reads notebooks (nbformat and the standard library), so the grader
can reuse it.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from coursebuild.layout import IGNORED_NAMES, SOLUTIONS_DIRNAME

BEGIN_SOLUTION = "BEGIN SOLUTION"
END_SOLUTION = "END SOLUTION"
BEGIN_HIDDEN_TESTS = "BEGIN HIDDEN TESTS"
END_HIDDEN_TESTS = "END HIDDEN TESTS"
PARAMETERS_TAG = "parameters"
TESTS_SUFFIX = "-tests"
ANSWER_SUFFIX = "-answer"
#: Every test cell's hidden region states its chance of rejecting a correct answer.
FALSE_REJECT_STATEMENT = re.compile(
    r"#\s*False-reject rate:\s*(?:(?P<zero>0)\b|at most (?P<rate>[0-9.]+(?:e-?[0-9]+)?))")
#: The most a test cell may risk rejecting a correct answer (per exercise).
MAX_FALSE_REJECT_RATE = 1e-6


class MarkupError(ValueError):
    """A notebook's nbgrader markup is malformed (unbalanced or nested regions)."""


@dataclass(frozen=True)
class LineRange:
    """Lines ``start`` (inclusive) to ``stop`` (exclusive) of a cell's source.

    Line numbers count from 0 over the lines of the source; the delimiter lines
    (``### BEGIN ...`` / ``### END ...``) are not part of the range.
    """

    start: int
    stop: int

    def lines(self, source: str) -> list[str]:
        """Return the lines of ``source`` in this range.

        Parameters
        ----------
        source : str
            The cell source the range was found in.

        Returns
        -------
        list of str
            The lines, without their newlines.

        """
        return source.split("\n")[self.start : self.stop]


@dataclass(frozen=True)
class TestCell:
    """An autograded test cell (code, ``grade: true``, not a solution)."""

    index: int
    grade_id: str
    points: float
    source: str
    hidden_ranges: tuple[LineRange, ...] = ()

    @property
    def hidden_lines(self) -> list[str]:
        """Lines of the hidden tests, which the release must not contain."""
        return [line for r in self.hidden_ranges for line in r.lines(self.source)]

    @property
    def visible_source(self) -> str:
        """The source students see: the cell without its hidden-test regions."""
        return _remove_ranges(self.source, self.hidden_ranges)


@dataclass(frozen=True)
class AnswerCell:
    """A cell students fill in (``solution: true``, not graded by itself).

    ``solution_ranges`` is empty when the whole cell is the solution (nbgrader then
    replaces the whole cell by its stub).
    """

    index: int
    grade_id: str
    cell_type: str
    source: str
    solution_ranges: tuple[LineRange, ...] = ()

    @property
    def solution_lines(self) -> list[str]:
        """Lines of the instructor's solution, which the release must not contain."""
        return _solution_lines(self.source, self.solution_ranges)


@dataclass(frozen=True)
class ManualCell:
    """A manually graded cell (``solution: true`` and ``grade: true``, or a task)."""

    index: int
    grade_id: str
    cell_type: str
    points: float
    source: str
    solution_ranges: tuple[LineRange, ...] = ()
    task: bool = False

    @property
    def solution_lines(self) -> list[str]:
        """Lines of the model answer, which the release must not contain.

        Empty for a task cell: its text is the question, released as it is.
        """
        if self.task:
            return []
        return _solution_lines(self.source, self.solution_ranges)


@dataclass(frozen=True)
class ParametersCell:
    """The papermill ``parameters`` cell and the literal values it assigns."""

    index: int
    source: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SourceNotebook:
    """What the build needs to know about one instructor notebook.

    ``public_lines`` holds the stripped lines outside every solution and hidden-test
    region: they are released to students anyway, so finding one of them in the
    release is not a leak.
    """

    assignment_id: str
    path: Path
    n_cells: int
    parameters: ParametersCell | None
    tests: tuple[TestCell, ...]
    answers: tuple[AnswerCell, ...]
    manual: tuple[ManualCell, ...]
    public_lines: frozenset[str]

    @property
    def autograded_points(self) -> float:
        """Points of all autograded test cells."""
        return float(sum(cell.points for cell in self.tests))

    @property
    def manual_points(self) -> float:
        """Points of all manually graded cells."""
        return float(sum(cell.points for cell in self.manual))


@dataclass(frozen=True)
class Assignment:
    """An assignment folder ``solutions/<assignment_id>/`` and its one notebook."""

    assignment_id: str
    folder: Path
    notebook: Path

    def read(self) -> SourceNotebook:
        """Parse the assignment's instructor notebook.

        Returns
        -------
        SourceNotebook
            The model of the notebook.

        """
        return read_source_notebook(self.notebook, self.assignment_id)


def discover_assignments(repo_root: Path) -> list[Assignment]:
    """List the assignments under ``<repo_root>/solutions/``, sorted by id.

    A folder counts when it holds exactly one ``.ipynb`` whose stem equals the folder
    name; others are left out (:func:`layout_problems` says why).

    Parameters
    ----------
    repo_root : Path
        The course repository root.

    Returns
    -------
    list of Assignment
        The assignments, sorted by id (ids read as a syllabus: ``02-sampling``).

    """
    found = []
    for folder in _candidate_folders(Path(repo_root)):
        notebooks = _notebooks_in(folder)
        if len(notebooks) == 1 and notebooks[0].stem == folder.name:
            found.append(Assignment(folder.name, folder, notebooks[0]))
    return found


def layout_problems(repo_root: Path) -> list[str]:
    """Explain each folder under ``solutions/`` that is not a valid assignment.

    Parameters
    ----------
    repo_root : Path
        The course repository root.

    Returns
    -------
    list of str
        One message per folder that :func:`discover_assignments` leaves out.

    """
    problems = []
    for folder in _candidate_folders(Path(repo_root)):
        notebooks = _notebooks_in(folder)
        where = f"{SOLUTIONS_DIRNAME}/{folder.name}/"
        if not notebooks:
            problems.append(f"{where} has no notebook; expected {folder.name}.ipynb")
        elif len(notebooks) > 1:
            names = ", ".join(nb.name for nb in notebooks)
            problems.append(
                f"{where} has {len(notebooks)} notebooks ({names}); "
                f"expected exactly one, {folder.name}.ipynb"
            )
        elif notebooks[0].stem != folder.name:
            problems.append(
                f"{where} holds {notebooks[0].name}; the notebook must be named "
                f"after its folder: {folder.name}.ipynb"
            )
    return problems


def select_assignments(
    repo_root: Path, assignment_ids: Iterable[str] | None = None
) -> list[Assignment]:
    """Return the assignments named by ``assignment_ids`` (all when ``None``).

    Parameters
    ----------
    repo_root : Path
        The course repository root.
    assignment_ids : iterable of str, optional
        Ids to keep, in any order; ``None`` keeps every assignment.

    Returns
    -------
    list of Assignment
        The selected assignments, sorted by id.

    Raises
    ------
    ValueError
        If an id names no assignment, or if there are no assignments at all.

    """
    everything = discover_assignments(repo_root)
    if not everything:
        raise ValueError(
            f"no assignments under {Path(repo_root) / SOLUTIONS_DIRNAME}: expected "
            "folders solutions/<id>/ each holding <id>.ipynb"
        )
    if assignment_ids is None:
        return everything
    wanted = set(assignment_ids)
    known = {a.assignment_id for a in everything}
    unknown = sorted(wanted - known)
    if unknown:
        raise ValueError(
            f"unknown assignment(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )
    return [a for a in everything if a.assignment_id in wanted]


def read_source_notebook(path: Path, assignment_id: str | None = None) -> SourceNotebook:
    """Read and parse an instructor notebook.

    Parameters
    ----------
    path : Path
        The ``.ipynb`` file.
    assignment_id : str, optional
        The assignment id; the file's stem by default.

    Returns
    -------
    SourceNotebook
        The model of the notebook.

    """
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    return parse_source_notebook(nb, assignment_id or path.stem, path)


def parse_source_notebook(
    nb: nbformat.NotebookNode, assignment_id: str, path: Path | None = None
) -> SourceNotebook:
    """Parse an instructor notebook that is already in memory.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The notebook (nbformat 4).
    assignment_id : str
        The assignment it belongs to.
    path : Path, optional
        Where it was read from, for messages.

    Returns
    -------
    SourceNotebook
        The model of the notebook.

    Raises
    ------
    MarkupError
        If a solution or hidden-test region is unbalanced or nested; the message
        names the notebook and the cell.

    """
    tests: list[TestCell] = []
    answers: list[AnswerCell] = []
    manual: list[ManualCell] = []
    parameters: ParametersCell | None = None
    public: set[str] = set()
    where = str(path) if path is not None else assignment_id

    for index, cell in enumerate(nb.cells):
        source = cell.source
        meta = cell.metadata.get("nbgrader", {})
        grade_id = str(meta.get("grade_id", ""))
        label = f"{where}, cell {index}" + (f" ({grade_id})" if grade_id else "")
        try:
            solution_ranges = find_regions(source, BEGIN_SOLUTION, END_SOLUTION)
            hidden_ranges = find_regions(source, BEGIN_HIDDEN_TESTS, END_HIDDEN_TESTS)
        except MarkupError as error:
            raise MarkupError(f"{label}: {error}") from None

        is_grade = bool(meta.get("grade", False))
        is_solution = bool(meta.get("solution", False))
        is_task = bool(meta.get("task", False))
        points = float(meta.get("points", 0) or 0)

        if is_task or (is_grade and is_solution):
            manual.append(
                ManualCell(
                    index, grade_id, cell.cell_type, points, source, solution_ranges, is_task
                )
            )
        elif is_solution:
            answers.append(AnswerCell(index, grade_id, cell.cell_type, source, solution_ranges))
        elif is_grade and cell.cell_type == "code":
            tests.append(TestCell(index, grade_id, points, source, hidden_ranges))

        if cell.cell_type == "code" and PARAMETERS_TAG in cell.metadata.get("tags", []):
            if parameters is not None:
                raise MarkupError(
                    f"{label}: a second cell tagged '{PARAMETERS_TAG}' "
                    f"(the first is cell {parameters.index})"
                )
            parameters = ParametersCell(index, source, literal_assignments(source))

        whole_cell_is_secret = is_solution and not solution_ranges
        if not whole_cell_is_secret:
            kept = _remove_ranges(source, (*solution_ranges, *hidden_ranges))
            public.update(line.strip() for line in kept.split("\n"))

    return SourceNotebook(
        assignment_id=assignment_id,
        path=Path(path) if path is not None else Path(f"{assignment_id}.ipynb"),
        n_cells=len(nb.cells),
        parameters=parameters,
        tests=tuple(tests),
        answers=tuple(answers),
        manual=tuple(manual),
        public_lines=frozenset(public),
    )


def find_regions(source: str, begin: str, end: str) -> tuple[LineRange, ...]:
    """Find the regions between ``begin`` and ``end`` delimiter lines.

    Like nbgrader, a line is a delimiter when it *contains* the delimiter text.

    Parameters
    ----------
    source : str
        A cell's source.
    begin, end : str
        Delimiter texts, e.g. ``"BEGIN SOLUTION"`` and ``"END SOLUTION"``.

    Returns
    -------
    tuple of LineRange
        The regions, without their delimiter lines.

    Raises
    ------
    MarkupError
        If regions are nested, an end has no begin, or a begin has no end.

    """
    ranges = []
    start: int | None = None
    for number, line in enumerate(source.split("\n")):
        if begin in line:
            if start is not None:
                raise MarkupError(f"nested '{begin}' on line {number + 1}")
            start = number + 1
        elif end in line:
            if start is None:
                raise MarkupError(f"'{end}' on line {number + 1} without a '{begin}'")
            ranges.append(LineRange(start, number))
            start = None
    if start is not None:
        raise MarkupError(f"'{begin}' on line {start} has no '{end}'")
    return tuple(ranges)


def literal_assignments(source: str) -> dict[str, Any]:
    """Return the ``NAME = <literal>`` assignments of a parameters cell.

    Parameters
    ----------
    source : str
        Python source.

    Returns
    -------
    dict
        Names to values, for the assignments whose value is a Python literal;
        an empty dict if the source does not parse.

    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return {}
    values: dict[str, Any] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                continue
            for target in targets:
                if isinstance(target, ast.Name):
                    values[target.id] = value
    return values


def convention_problems(model: SourceNotebook) -> list[str]:
    """Check a notebook against the course's conventions.

    Parameters
    ----------
    model : SourceNotebook
        A parsed instructor notebook.

    Returns
    -------
    list of str
        One message per problem: no ``parameters`` cell or no ``SIZE`` in it, no
        graded test cell, a test cell without points, ``grade_id`` suffixes.

    """
    name = model.assignment_id
    problems = []
    if model.parameters is None:
        problems.append(f"{name}: no code cell tagged '{PARAMETERS_TAG}'")
    elif "SIZE" not in model.parameters.values:
        problems.append(f"{name}: the '{PARAMETERS_TAG}' cell does not set SIZE")
    if not model.tests:
        problems.append(f"{name}: no graded test cell")
    for test in model.tests:
        if not test.grade_id.endswith(TESTS_SUFFIX):
            problems.append(f"{name}: test cell {test.grade_id!r} should end in '{TESTS_SUFFIX}'")
        if test.points <= 0:
            problems.append(f"{name}: test cell {test.grade_id!r} is worth no points")
        problems += _false_reject_problems(name, test)
    for answer in model.answers:
        if answer.cell_type == "code" and not answer.grade_id.endswith(ANSWER_SUFFIX):
            problems.append(
                f"{name}: answer cell {answer.grade_id!r} should end in '{ANSWER_SUFFIX}'"
            )
    return problems


def _false_reject_problems(name: str, test: TestCell) -> list[str]:
    """The hidden tests must state their false-reject rate, at most 1e-6."""
    hidden = "\n".join(test.hidden_lines)
    found = FALSE_REJECT_STATEMENT.search(hidden)
    if found is None:
        return [f"{name}: the hidden tests of {test.grade_id!r} do not state their chance of "
                "rejecting a correct answer: add '# False-reject rate: 0 (...)' or '# "
                "False-reject rate: at most 1e-6 (...)' (docs/authoring-notebooks.md)"]
    if found["rate"] is not None and float(found["rate"]) > MAX_FALSE_REJECT_RATE:
        return [f"{name}: {test.grade_id!r} may reject a correct answer with probability "
                f"{found['rate']}, more than {MAX_FALSE_REJECT_RATE:g}"]
    return []


def _candidate_folders(repo_root: Path) -> list[Path]:
    solutions = repo_root / SOLUTIONS_DIRNAME
    if not solutions.is_dir():
        return []
    return sorted(
        p
        for p in solutions.iterdir()
        if p.is_dir() and not p.name.startswith((".", "_")) and p.name not in IGNORED_NAMES
    )


def _notebooks_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.ipynb") if p.is_file())


def _remove_ranges(source: str, ranges: Sequence[LineRange]) -> str:
    """Drop the ranges *and* their delimiter lines from ``source``."""
    dropped: set[int] = set()
    for r in ranges:
        dropped.update(range(r.start - 1, r.stop + 1))
    lines = source.split("\n")
    return "\n".join(line for number, line in enumerate(lines) if number not in dropped)


def _solution_lines(source: str, ranges: Sequence[LineRange]) -> list[str]:
    if not ranges:
        return source.split("\n")
    return [line for r in ranges for line in r.lines(source)]
