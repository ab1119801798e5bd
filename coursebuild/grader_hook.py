"""Course-build hook: grade every week with the course's own grader too.

For each week the solution and the committed student release are graded by
:mod:`grader` (sandboxed kernel, tests judged in the grader's process), next to the
nbgrader round trip; the week fails unless the solution gets full marks and the release
zero. The tests of the tests (known wrong and right answers, see
:mod:`coursebuild.answer_check`) add a section with the share of wrong answers caught.
"""

from __future__ import annotations

import functools
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from coursebuild.answer_check import check_answers, render_markdown
from coursebuild.cache import cached, week_inputs
from coursebuild.course import CourseBuild, CourseHook
from coursebuild.report import ReportSection
from coursebuild.submissions import student_copy, write
from grader.batch import SubmissionRef, grade_many
from grader.spec import AssignmentSpec

SOLUTION_COLUMN = "grader: solution"
RELEASE_COLUMN = "grader: release"
SECONDS_COLUMN = "grader s/submission"


def course_grader_verdicts(repo_root: Path, week: str) -> dict[str, dict[str, Any]]:
    """Grade a week's solution and its committed release with our grader (cached).

    See :mod:`coursebuild.cache`: the result is reused while nothing it depends on changes.

    Returns
    -------
    dict
        ``{"solution": ..., "release": ...}``, each with ``score``, ``max_score``,
        ``seconds`` and ``failing`` (``grade_id: feedback`` of failed test cells).
    """
    def compute() -> dict[str, dict[str, Any]]:
        source = repo_root / "solutions" / week / f"{week}.ipynb"
        release = repo_root / "notebooks" / week / f"{week}.ipynb"
        spec = AssignmentSpec.from_notebook(source, assignment_id=week)
        with tempfile.TemporaryDirectory(prefix="course-grader-") as tmp:
            solution = write(student_copy(source), Path(tmp) / "solution", spec.notebook)
            refs = [SubmissionRef("solution", solution.parent),
                    SubmissionRef("release", release.parent)]
            reports = {r.student: r for r in grade_many(spec, refs, progress=False)}
        return {name: {"score": r.score, "max_score": r.max_score, "seconds": r.seconds,
                       "failing": {t.grade_id: t.output[:200] for t in r.tests if not t.passed}}
                for name, r in reports.items()}

    return cached(repo_root, "course-grader", week,
                  week_inputs(week, f"notebooks/{week}"), {}, compute)


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def grade_with_course_grader(build: CourseBuild) -> None:
    """Add our grader's verdict on each week's solution and release to ``build``."""
    build.extra_columns += [SOLUTION_COLUMN, RELEASE_COLUMN, SECONDS_COLUMN]
    for row in build.rows:
        started = time.monotonic()
        verdicts = course_grader_verdicts(build.repo_root, row.assignment_id)
        _say(f"grader    {row.assignment_id}: {time.monotonic() - started:.1f} s")
        sol, rel = verdicts["solution"], verdicts["release"]
        row.extra[SOLUTION_COLUMN] = f"{sol['score']:g}/{sol['max_score']:g}"
        row.extra[RELEASE_COLUMN] = f"{rel['score']:g}/{rel['max_score']:g}"
        row.extra[SECONDS_COLUMN] = f"{sol['seconds']:.1f}"
        if sol["score"] != sol["max_score"]:
            failing = "; ".join(f"{gid}: {out}" for gid, out in sol["failing"].items())
            row.problems.append(f"the course grader gives the solution {sol['score']:g}/"
                                f"{sol['max_score']:g} ({failing})")
        if rel["score"] != 0:
            row.problems.append(f"the course grader gives the untouched release {rel['score']:g}")


def check_known_answers(build: CourseBuild, *, shifts: int = 0) -> None:
    """Grade the known wrong and right answers; add the section and any failures.

    With ``shifts``, each right answer's hidden tests also run under that many shifted
    seed bases (the false-reject check, :mod:`coursebuild.answer_check`).
    """
    started = time.monotonic()
    verdicts = check_answers(build.repo_root,
                             assignments=[row.assignment_id for row in build.rows],
                             shifts=shifts)
    _say(f"answers   {len(verdicts)} known answers, {shifts} shifted seeds: "
         f"{time.monotonic() - started:.1f} s")
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
