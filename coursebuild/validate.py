"""``nbgrader validate`` on every solution notebook: its tests must all pass.

The validation runs nbgrader's :class:`nbgrader.validator.Validator` (what
``nbgrader validate`` runs) in this process, on a copy of each assignment folder in
``build/validate/<id>/`` so that nothing the notebook writes lands among the
sources.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from coursebuild.assignments import select_assignments
from coursebuild.layout import IGNORED_NAMES, CourseLayout
from coursebuild.nbgrader_runner import environment_for_nbgrader, load_course_config

#: What ``nbgrader validate`` prints for a notebook whose tests all pass.
SUCCESS_MESSAGE = "Success! Your notebook passes all the tests."


@dataclass(frozen=True)
class ValidationResult:
    """The verdict of ``nbgrader validate`` on one solution notebook."""

    assignment_id: str
    notebook: Path
    passed: bool
    messages: tuple[str, ...]


def validate_solutions(
    repo_root: Path, assignment_ids: Iterable[str] | None = None
) -> list[ValidationResult]:
    """Validate the solution notebooks with nbgrader.

    Parameters
    ----------
    repo_root : Path
        The course repository root.
    assignment_ids : iterable of str, optional
        Assignments to validate; all by default.

    Returns
    -------
    list of ValidationResult
        One per notebook; ``passed`` is true when every graded test cell passes and
        no locked cell changed.

    """
    from nbgrader.validator import Validator

    layout = CourseLayout(Path(repo_root))
    config = load_course_config(layout.root)
    results = []
    for assignment in select_assignments(layout.root, assignment_ids):
        workdir = layout.validated / assignment.assignment_id
        if workdir.exists():
            shutil.rmtree(workdir)
        shutil.copytree(assignment.folder, workdir, ignore=shutil.ignore_patterns(*IGNORED_NAMES))
        validator = Validator(config=config)
        with environment_for_nbgrader():
            verdict = validator.validate(str(workdir / assignment.notebook.name))
        messages = _describe(verdict)
        results.append(
            ValidationResult(
                assignment.assignment_id,
                assignment.notebook,
                passed=not messages,
                messages=tuple(messages) or (SUCCESS_MESSAGE,),
            )
        )
    return results


def _describe(verdict: dict[str, list[dict[str, str]]]) -> list[str]:
    messages = []
    for cell in verdict.get("type_changed", []):
        messages.append(
            f"cell type changed from {cell['old_type']} to {cell['new_type']}: "
            f"{_first_line(cell['source'])}"
        )
    for cell in verdict.get("changed", []):
        messages.append(f"locked cell changed: {_first_line(cell['source'])}")
    for cell in verdict.get("failed", []):
        error = cell.get("raw_error", "").strip()
        messages.append(f"test cell failed: {_first_line(cell['source'])}\n{error}")
    return messages


def _first_line(source: str) -> str:
    return next((line for line in source.splitlines() if line.strip()), "")
