"""The course build: regenerate the release, execute every week, autograde, report.

:func:`build_course` keeps going when a week fails, so the report shows every
week; a week is OK when its solution ran, nbgrader gives the solution every
autograded point and the untouched release none, and nothing leaks.

Later steps plug in through ``hooks``: each hook gets the :class:`CourseBuild`
after the round trip and may add columns (``build.extra_columns`` and
``row.extra``), problems (``row.problems``) and sections (``build.sections``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coursebuild.assignments import (
    Assignment,
    MarkupError,
    SourceNotebook,
    convention_problems,
    discover_assignments,
    select_assignments,
)
from coursebuild.autograde import autograde_weeks
from coursebuild.execute import DEFAULT_PARAMETERS, execute_assignment
from coursebuild.layout import RELEASE_DIRNAME, CourseLayout
from coursebuild.leaks import find_leaks_in, secret_lines
from coursebuild.nbgrader_runner import NbGraderError
from coursebuild.release import generate_release
from coursebuild.report import (
    ReportSection,
    WeekRow,
    figures_section,
    render_report,
    write_report,
)


@dataclass
class CourseBuild:
    """The state of a course build, which hooks may extend."""

    repo_root: Path
    parameters: dict[str, Any]
    rows: list[WeekRow]
    extra_columns: list[str] = field(default_factory=list)
    sections: list[ReportSection] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Every week is OK and there is no course-wide problem."""
        return bool(self.rows) and all(row.ok for row in self.rows) and not self.problems

    def row(self, assignment_id: str) -> WeekRow:
        """Return the row of one assignment.

        Parameters
        ----------
        assignment_id : str
            The assignment.

        Returns
        -------
        WeekRow
            Its row.

        """
        for row in self.rows:
            if row.assignment_id == assignment_id:
                return row
        raise KeyError(assignment_id)

    def render(self) -> str:
        """Render the report as Markdown.

        Returns
        -------
        str
            The report.

        """
        preamble = "Parameters: " + ", ".join(f"`{k} = {v!r}`" for k, v in self.parameters.items())
        sections = list(self.sections)
        figures = figures_section(self.rows)
        if figures is not None:
            sections.append(figures)
        if self.problems:
            body = "\n".join(f"- {problem}" for problem in self.problems)
            sections.insert(0, ReportSection("Course-wide problems", body))
        return render_report(self.rows, self.extra_columns, sections, preamble=preamble)


#: A hook gets the build after the nbgrader round trip and may extend it.
CourseHook = Callable[[CourseBuild], None]


def build_course(
    repo_root: Path,
    assignment_ids: Iterable[str] | None = None,
    parameters: Mapping[str, Any] | None = None,
    hooks: Sequence[CourseHook] = (),
    regenerate_release: bool = True,
    progress: Callable[[str], None] | None = None,
) -> CourseBuild:
    """Run the course build and write ``build/report.md``.

    Parameters
    ----------
    repo_root : Path
        The course repository root.
    assignment_ids : iterable of str, optional
        Weeks to build; all by default.
    parameters : mapping, optional
        Papermill parameters of the executions; ``{"SIZE": "small"}`` by default.
    hooks : sequence of callables
        Called in order with the :class:`CourseBuild` after autograding.
    regenerate_release : bool
        Regenerate ``notebooks/`` first (and scan it for leaks).
    progress : callable, optional
        Receives one line per step; progress goes to stderr by default.

    Returns
    -------
    CourseBuild
        The rows, extra columns and sections; ``build.render()`` is the report
        written to ``build/report.md``.

    """
    say = progress if progress is not None else _to_stderr
    layout = CourseLayout(Path(repo_root))
    assignments = select_assignments(layout.root, assignment_ids)
    build = CourseBuild(
        layout.root,
        dict(DEFAULT_PARAMETERS if parameters is None else parameters),
        [WeekRow(a.assignment_id) for a in assignments],
    )

    broken = set()  # weeks nbgrader cannot process: malformed markup
    for assignment in assignments:
        row = build.row(assignment.assignment_id)
        try:
            row.problems += convention_problems(assignment.read())
        except MarkupError as error:
            row.problems.append(str(error))
            broken.add(assignment.assignment_id)
            continue
        if regenerate_release:
            say(f"release   {assignment.assignment_id}")
            try:
                generate_release(layout.root, [assignment.assignment_id])
            except NbGraderError as error:
                row.problems.append(f"release generation failed: {error}")
                broken.add(assignment.assignment_id)
    if regenerate_release:
        models = _readable_models(discover_assignments(layout.root))
        leaks = find_leaks_in(layout.release, secret_lines(models), layout.root)
        _attach_leaks(build, leaks)

    for assignment in assignments:
        row = build.row(assignment.assignment_id)
        say(f"execute   {assignment.assignment_id}")
        try:
            row.execution = execute_assignment(layout.root, assignment, build.parameters)
        except Exception as error:  # noqa: BLE001 -- one failing week must not hide the others
            row.problems.append(f"execution failed: {error}")
        else:
            say(f"          {row.execution.seconds:.1f} s")

    gradable = [a.assignment_id for a in assignments if a.assignment_id not in broken]
    if gradable:
        say("autograde " + ", ".join(gradable) + " (nbgrader; reused from build/cache/ "
            "when nothing changed)")
        try:
            grades = autograde_weeks(layout.root, gradable)
        except NbGraderError as error:
            for assignment_id in gradable:
                build.row(assignment_id).problems.append(f"nbgrader round trip failed: {error}")
        else:
            for row in build.rows:
                row.autograde = grades.get(row.assignment_id)

    for hook in hooks:
        hook(build)

    write_report(build.render(), layout.report)
    return build


def _readable_models(assignments: Iterable[Assignment]) -> list[SourceNotebook]:
    """Parse the notebooks whose markup is sound (broken ones are reported elsewhere)."""
    models = []
    for assignment in assignments:
        try:
            models.append(assignment.read())
        except MarkupError:
            continue
    return models


def _attach_leaks(build: CourseBuild, leaks: list[str]) -> None:
    """File each leak under its week, or as a course-wide problem."""
    for leak in leaks:
        owner = next(
            (
                row
                for row in build.rows
                if leak.startswith(f"{RELEASE_DIRNAME}/{row.assignment_id}/")
            ),
            None,
        )
        if owner is not None:
            owner.problems.append(f"leak: {leak}")
        else:
            build.problems.append(f"leak: {leak}")


def _to_stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
