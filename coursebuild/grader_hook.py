"""Course-build hook: grade every week with the course's own grader too.

For each week the solution and the committed student release are graded by
:mod:`grader` (sandboxed kernel, tests judged in the grader's process), next to the
nbgrader round trip; the week fails unless the solution gets full marks and the release
zero. The tests of the tests (known wrong and right answers, see
:mod:`coursebuild.answer_check`) add a section with the share of wrong answers caught.
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

from coursebuild.answer_check import check_answers, render_markdown
from coursebuild.course import CourseBuild, CourseHook
from coursebuild.report import ReportSection
from coursebuild.submissions import student_copy, write
from grader.batch import SubmissionRef, grade_many
from grader.spec import AssignmentSpec

SOLUTION_COLUMN = "grader: solution"
RELEASE_COLUMN = "grader: release"
SECONDS_COLUMN = "grader s/submission"


def grade_with_course_grader(build: CourseBuild) -> None:
    """Add our grader's verdict on each week's solution and release to ``build``."""
    build.extra_columns += [SOLUTION_COLUMN, RELEASE_COLUMN, SECONDS_COLUMN]
    for row in build.rows:
        week = row.assignment_id
        source = build.repo_root / "solutions" / week / f"{week}.ipynb"
        release = build.repo_root / "notebooks" / week / f"{week}.ipynb"
        spec = AssignmentSpec.from_notebook(source, assignment_id=week)
        with tempfile.TemporaryDirectory(prefix="course-grader-") as tmp:
            solution = write(student_copy(source), Path(tmp) / "solution", spec.notebook)
            refs = [SubmissionRef("solution", solution.parent),
                    SubmissionRef("release", release.parent)]
            reports = {r.student: r for r in grade_many(spec, refs, progress=False)}
        sol, rel = reports["solution"], reports["release"]
        row.extra[SOLUTION_COLUMN] = f"{sol.score:g}/{sol.max_score:g}"
        row.extra[RELEASE_COLUMN] = f"{rel.score:g}/{rel.max_score:g}"
        row.extra[SECONDS_COLUMN] = f"{sol.seconds:.1f}"
        if sol.score != sol.max_score:
            failing = "; ".join(f"{t.grade_id}: {t.output[:200]}" for t in sol.tests
                                if not t.passed)
            row.problems.append(f"the course grader gives the solution {sol.score:g}/"
                                f"{sol.max_score:g} ({failing})")
        if rel.score != 0:
            row.problems.append(f"the course grader gives the untouched release {rel.score:g}")


def check_known_answers(build: CourseBuild, *, shifts: int = 0) -> None:
    """Grade the known wrong and right answers; add the section and any failures.

    With ``shifts``, each right answer's hidden tests also run under that many shifted
    seed bases (the false-reject check, :mod:`coursebuild.answer_check`).
    """
    verdicts = check_answers(build.repo_root,
                             assignments=[row.assignment_id for row in build.rows],
                             shifts=shifts)
    if not verdicts:
        return
    build.sections.append(ReportSection("Tests of the tests",
                                        render_markdown(verdicts).split("\n", 2)[2]))
    for verdict in verdicts:
        if not verdict.ok:
            build.row(verdict.case.assignment).problems.append(
                f"known {verdict.case.kind} answer {verdict.case.name} was "
                f"{'not caught as stated' if verdict.case.kind == 'wrong' else 'rejected'}")


def course_hooks(*, shifts: int = 0) -> tuple[CourseHook, ...]:
    """The hooks of ``make course``: our grader on every week, then the tests of the tests."""
    return (grade_with_course_grader, functools.partial(check_known_answers, shifts=shifts))
