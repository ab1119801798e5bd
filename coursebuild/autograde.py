"""The nbgrader round trip: grade the solution and the untouched release with nbgrader.

In a throwaway course directory, ``build/nbgrader/``:

1. ``source/<id>/`` is a copy of ``solutions/<id>/``; ``nbgrader generate_assignment``
   writes ``release/<id>/`` and creates the gradebook ``gradebook.db`` there;
2. two "students" submit (``submitted/<student>/<id>/<id>.ipynb``): ``solution``
   hands in the instructor notebook, ``release`` the student notebook untouched;
3. ``nbgrader autograde`` grades every submission in one call;
4. the scores are read back from the gradebook.

A sound week gives ``solution`` every autograded point and ``release`` none.
nbgrader warns that the checksums of cells with hidden tests changed in the
``solution`` submission (they did: the release has the hidden tests removed) and
SQLAlchemy warns about objects "not in session"; both are harmless.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from traitlets.config import Config

from coursebuild.assignments import Assignment, select_assignments
from coursebuild.layout import IGNORED_NAMES, CourseLayout
from coursebuild.nbgrader_runner import (
    environment_for_nbgrader,
    load_course_config,
    run_converter,
    sqlite_url,
)

SOLUTION_STUDENT = "solution"
RELEASE_STUDENT = "release"
LOG_NAME = "nbgrader.log"


@dataclass(frozen=True)
class AutogradeResult:
    """nbgrader's verdict on one assignment.

    Attributes
    ----------
    assignment_id : str
        The assignment.
    graded_cells : int
        Autograded test cells (code grade cells that are not answers).
    max_points : float
        Points nbgrader can award automatically (``max_code_score``).
    solution_points : float
        Autograded points of the instructor's notebook.
    release_points : float
        Autograded points of the untouched student notebook.
    manual_cells : int
        Manually graded cells (written answers).
    manual_points : float
        Points of the manually graded cells.

    """

    assignment_id: str
    graded_cells: int
    max_points: float
    solution_points: float
    release_points: float
    manual_cells: int
    manual_points: float

    @property
    def ok(self) -> bool:
        """The solution gets every autograded point and the release none."""
        return (
            self.max_points > 0
            and self.solution_points == self.max_points
            and self.release_points == 0
        )


def autograde_round_trip(
    repo_root: Path,
    assignment_ids: Iterable[str] | None = None,
    workdir: Path | None = None,
    cell_timeout: int | None = None,
) -> dict[str, AutogradeResult]:
    """Run generate, submit and autograde for assignments, and read the gradebook.

    Parameters
    ----------
    repo_root : Path
        The course repository root.
    assignment_ids : iterable of str, optional
        Assignments to grade; all by default.
    workdir : Path, optional
        The throwaway course directory; by default ``build/nbgrader/<ids>/`` for the
        assignments graded (so that runs for different weeks can go on at once). It
        is emptied first.
    cell_timeout : int, optional
        Seconds nbgrader allows per cell; ``Execute.timeout`` from
        ``nbgrader_config.py`` (or nbgrader's 30 s) by default.

    Returns
    -------
    dict of str to AutogradeResult
        Keyed by assignment id, in assignment order.

    Raises
    ------
    coursebuild.nbgrader_runner.NbGraderError
        If nbgrader fails; its log is also in ``<workdir>/nbgrader.log``.

    """
    from nbgrader.converters import Autograde, GenerateAssignment
    from nbgrader.coursedir import CourseDirectory

    layout = CourseLayout(Path(repo_root))
    assignments = select_assignments(layout.root, assignment_ids)
    if workdir is None:
        ids = [a.assignment_id for a in assignments]
        workdir = layout.nbgrader_workdir / ("+".join(ids) if len(ids) <= 3 else "all")
    workdir = Path(workdir).resolve()
    _fresh_course_directory(workdir, assignments)
    config = round_trip_config(layout.root, workdir, cell_timeout)
    log_parts = []
    try:
        generate_dir = CourseDirectory(config=config)
        generate_dir.assignment_id = "*"
        generate = GenerateAssignment(coursedir=generate_dir, config=config)
        generate.force = True
        log_parts.append(run_converter(generate, "generate_assignment"))

        _submit(workdir, assignments)

        grade_dir = CourseDirectory(config=config)
        grade_dir.assignment_id = "*"
        grade_dir.student_id = "*"
        autograde = Autograde(coursedir=grade_dir, config=config)
        autograde.force = True
        autograde.create_student = True
        log_parts.append(run_converter(autograde, "autograde"))
    finally:
        (workdir / LOG_NAME).write_text("".join(log_parts), encoding="utf-8")

    return read_scores(config.CourseDirectory.db_url, [a.assignment_id for a in assignments])


def autograde_weeks(repo_root: Path, assignment_ids: Iterable[str]) -> dict[str, AutogradeResult]:
    """The round trip's results for these weeks, reusing stored ones (:mod:`coursebuild.cache`).

    Weeks whose inputs changed since their last round trip are graded again, together, in
    one nbgrader run.
    """
    from dataclasses import asdict

    from coursebuild.cache import lookup, store, week_inputs

    ids = list(assignment_ids)
    results = {}
    for assignment_id in ids:
        found = lookup(repo_root, "nbgrader", assignment_id, week_inputs(assignment_id), {})
        if found is not None:
            results[assignment_id] = AutogradeResult(**found)
    missing = [i for i in ids if i not in results]
    if missing:
        for assignment_id, result in autograde_round_trip(repo_root, missing).items():
            store(repo_root, "nbgrader", assignment_id, week_inputs(assignment_id), {},
                  asdict(result))
            results[assignment_id] = result
    return {i: results[i] for i in ids}


def round_trip_config(repo_root: Path, workdir: Path, cell_timeout: int | None = None) -> Config:
    """Build the nbgrader configuration of the throwaway course directory.

    The repository's ``nbgrader_config.py`` supplies stubs, delimiters and the
    execution timeout; the course directory and gradebook are ``workdir``'s.

    Parameters
    ----------
    repo_root : Path
        The course repository root.
    workdir : Path
        The throwaway course directory.
    cell_timeout : int, optional
        Overrides ``Execute.timeout``.

    Returns
    -------
    traitlets.config.Config
        The configuration.

    """
    config = load_course_config(Path(repo_root))
    overrides = Config()
    overrides.CourseDirectory.root = str(workdir)
    overrides.CourseDirectory.source_directory = "source"
    overrides.CourseDirectory.release_directory = "release"
    overrides.CourseDirectory.submitted_directory = "submitted"
    overrides.CourseDirectory.autograded_directory = "autograded"
    overrides.CourseDirectory.db_url = sqlite_url(workdir / "gradebook.db")
    if cell_timeout is not None:
        overrides.Execute.timeout = cell_timeout
    config.merge(overrides)
    return config


def read_scores(db_url: str, assignment_ids: Iterable[str]) -> dict[str, AutogradeResult]:
    """Read the round trip's scores from an nbgrader gradebook.

    Parameters
    ----------
    db_url : str
        The gradebook's SQLAlchemy URL.
    assignment_ids : iterable of str
        Assignments to read.

    Returns
    -------
    dict of str to AutogradeResult
        Keyed by assignment id.

    """
    from nbgrader.api import Gradebook

    results = {}
    with environment_for_nbgrader(), Gradebook(db_url) as gradebook:
        for assignment_id in assignment_ids:
            assignment = gradebook.find_assignment(assignment_id)
            notebooks = list(assignment.notebooks)
            answer_names = {c.name for nb in notebooks for c in nb.solution_cells}
            grade_cells = [c for nb in notebooks for c in nb.grade_cells]
            # a grade cell that is also a solution cell is a manually graded answer
            auto_cells = [c for c in grade_cells if c.name not in answer_names]
            manual_cells = [c for c in grade_cells if c.name in answer_names]
            manual_cells += [c for nb in notebooks for c in nb.task_cells]
            auto_names = {c.name for c in auto_cells}
            results[assignment_id] = AutogradeResult(
                assignment_id=assignment_id,
                graded_cells=len(auto_cells),
                max_points=float(sum(c.max_score for c in auto_cells)),
                solution_points=_auto_points(
                    gradebook, assignment_id, SOLUTION_STUDENT, auto_names
                ),
                release_points=_auto_points(gradebook, assignment_id, RELEASE_STUDENT, auto_names),
                manual_cells=len(manual_cells),
                manual_points=float(sum(c.max_score for c in manual_cells)),
            )
    return results


def _auto_points(gradebook: Any, assignment_id: str, student: str, cell_names: set[str]) -> float:
    """Sum the autograded scores a student got on the given cells."""
    submission = gradebook.find_submission(assignment_id, student)
    return float(
        sum(
            grade.auto_score or 0.0
            for notebook in submission.notebooks
            for grade in notebook.grades
            if grade.name in cell_names
        )
    )


def _fresh_course_directory(workdir: Path, assignments: list[Assignment]) -> None:
    if workdir.exists():
        shutil.rmtree(workdir)
    for assignment in assignments:
        shutil.copytree(
            assignment.folder,
            workdir / "source" / assignment.assignment_id,
            ignore=shutil.ignore_patterns(*IGNORED_NAMES),
        )


def _submit(workdir: Path, assignments: list[Assignment]) -> None:
    for assignment in assignments:
        name = assignment.notebook.name
        handed_in = {
            SOLUTION_STUDENT: workdir / "source" / assignment.assignment_id / name,
            RELEASE_STUDENT: workdir / "release" / assignment.assignment_id / name,
        }
        for student, notebook in handed_in.items():
            folder = workdir / "submitted" / student / assignment.assignment_id
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(notebook, folder / name)
