"""Run the solution notebooks headlessly with papermill and time them.

Each ``solutions/<id>/<id>.ipynb`` runs in one kernel (``python3``), with the
``parameters`` cell overridden (``SIZE = "small"`` by default), and the executed
copy is written to ``build/executed/<id>/<id>.ipynb``.

The kernel's working directory is that copy's folder, ``build/executed/<id>/``,
where the other files of ``solutions/<id>/`` are copied first.  It sits as deep
under the repository root as ``solutions/<id>/`` does, so relative paths behave as
in the source folder, while whatever the notebook writes lands in ``build/``
instead of among the sources.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

from coursebuild.assignments import Assignment, select_assignments
from coursebuild.layout import IGNORED_NAMES, CourseLayout

DEFAULT_PARAMETERS: Mapping[str, Any] = {"SIZE": "small"}
DEFAULT_KERNEL = "python3"


@dataclass(frozen=True)
class ExecutionResult:
    """One executed solution notebook."""

    assignment_id: str
    source: Path
    output: Path
    seconds: float
    parameters: Mapping[str, Any]


class NotebookExecutionError(RuntimeError):
    """A solution notebook raised an error; the message names the failing cell.

    Attributes
    ----------
    assignment_id : str
        The assignment whose notebook failed.
    cell : str
        Which cell failed, e.g. ``cell 4 (grade_id 'double-tests')``.
    ename, evalue : str
        The exception's name and value.
    output : Path
        The partly executed notebook, with papermill's error banner.

    """

    def __init__(
        self, assignment_id: str, cell: str, ename: str, evalue: str, output: Path
    ) -> None:
        self.assignment_id = assignment_id
        self.cell = cell
        self.ename = ename
        self.evalue = evalue
        self.output = output
        super().__init__(
            f"{assignment_id}: {cell} raised {ename}: {evalue} (executed copy with the "
            f"traceback: {output})"
        )


def execute_assignment(
    repo_root: Path,
    assignment: Assignment | str,
    parameters: Mapping[str, Any] | None = None,
    kernel_name: str = DEFAULT_KERNEL,
    execution_timeout: int | None = None,
) -> ExecutionResult:
    """Execute one solution notebook into ``build/executed/<id>/<id>.ipynb``.

    Parameters
    ----------
    repo_root : Path
        The course repository root.
    assignment : Assignment or str
        The assignment, or its id.
    parameters : mapping, optional
        Values injected after the ``parameters`` cell; ``{"SIZE": "small"}`` by
        default.
    kernel_name : str
        Jupyter kernel to run (``python3``: this virtualenv's ipykernel).
    execution_timeout : int, optional
        Seconds allowed per cell; no limit by default.

    Returns
    -------
    ExecutionResult
        Where the executed copy is and the wall time (kernel start included).

    Raises
    ------
    NotebookExecutionError
        If a cell raises; the message names the cell (index and ``grade_id``).

    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    layout = CourseLayout(Path(repo_root))
    if isinstance(assignment, str):
        (assignment,) = select_assignments(layout.root, [assignment])
    parameters = dict(DEFAULT_PARAMETERS if parameters is None else parameters)
    workdir = prepare_execution_folder(assignment, layout.executed / assignment.assignment_id)
    output = workdir / assignment.notebook.name

    started = time.perf_counter()
    try:
        papermill.execute_notebook(
            str(assignment.notebook),
            str(output),
            parameters=parameters,
            kernel_name=kernel_name,
            cwd=str(workdir),
            progress_bar=False,
            log_output=False,
            execution_timeout=execution_timeout,
        )
    except PapermillExecutionError as error:
        cell = describe_failing_cell(assignment.notebook, error.source, error.exec_count)
        raise NotebookExecutionError(
            assignment.assignment_id, cell, error.ename, error.evalue, output
        ) from None
    seconds = time.perf_counter() - started
    return ExecutionResult(
        assignment.assignment_id, assignment.notebook, output, seconds, parameters
    )


def execute_all(
    repo_root: Path,
    assignment_ids: Iterable[str] | None = None,
    parameters: Mapping[str, Any] | None = None,
    kernel_name: str = DEFAULT_KERNEL,
) -> list[ExecutionResult]:
    """Execute the solution notebooks one after the other, stopping at the first failure.

    Parameters
    ----------
    repo_root : Path
        The course repository root.
    assignment_ids : iterable of str, optional
        Assignments to run; all by default.
    parameters : mapping, optional
        Papermill parameters; ``{"SIZE": "small"}`` by default.
    kernel_name : str
        Jupyter kernel to run.

    Returns
    -------
    list of ExecutionResult
        One per notebook, in assignment order.

    Raises
    ------
    NotebookExecutionError
        For the first notebook that fails.

    """
    return [
        execute_assignment(repo_root, assignment, parameters, kernel_name)
        for assignment in select_assignments(repo_root, assignment_ids)
    ]


def prepare_execution_folder(assignment: Assignment, workdir: Path) -> Path:
    """Make a fresh ``workdir`` holding copies of the assignment's non-notebook files.

    Parameters
    ----------
    assignment : Assignment
        The assignment whose folder to mirror.
    workdir : Path
        The folder to (re)create; any previous content is removed.

    Returns
    -------
    Path
        ``workdir``.

    """
    if workdir.exists():
        shutil.rmtree(workdir)
    shutil.copytree(
        assignment.folder,
        workdir,
        ignore=shutil.ignore_patterns("*.ipynb", *IGNORED_NAMES),
    )
    return workdir


def describe_failing_cell(notebook: Path, failing_source: str, exec_count: int | None) -> str:
    """Name the source-notebook cell whose code is ``failing_source``.

    Parameters
    ----------
    notebook : Path
        The instructor notebook.
    failing_source : str
        The failing cell's source, as papermill reports it.
    exec_count : int or None
        The failing cell's execution count (``In [n]``).

    Returns
    -------
    str
        e.g. ``cell 4 (grade_id 'double-tests', In [5]): assert double_all(...``.

    """
    nb = nbformat.read(notebook, as_version=4)
    prompt = f"In [{exec_count}]" if exec_count is not None else None
    first_line = next((line for line in failing_source.splitlines() if line.strip()), "")
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and cell.source == failing_source:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            details = [f"grade_id {grade_id!r}"] if grade_id else []
            details += [prompt] if prompt else []
            suffix = f" ({', '.join(details)})" if details else ""
            return f"cell {index}{suffix}: {first_line}"
    return f"the injected parameters cell ({prompt}): {first_line}"
