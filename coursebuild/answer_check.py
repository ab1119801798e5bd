"""Tests of the tests: grade known-wrong and alternative correct answers.

For every exercise, ``tests/answers/<assignment>/<exercise>/`` keeps answers written the
way students write them: ``wrong_*.py`` (common mistakes) and ``right_*.py`` (correct
answers written differently from the instructor's). Each file's content replaces the
``<exercise>-answer`` cell of an otherwise correct submission, which is then graded by
the course's grader. A wrong answer must lose points on that exercise's test cells; a
right one must get full points everywhere.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from coursebuild.submissions import student_copy, write
from grader.batch import SubmissionRef, grade_many
from grader.spec import AssignmentSpec


@dataclass(frozen=True)
class AnswerCase:
    """One known answer to one exercise."""

    assignment: str
    exercise: str
    path: Path

    @property
    def kind(self) -> str:
        """``"wrong"`` or ``"right"``, from the file name."""
        return "wrong" if self.path.name.startswith("wrong") else "right"

    @property
    def name(self) -> str:
        """``<assignment>/<exercise>/<file>``."""
        return f"{self.assignment}/{self.exercise}/{self.path.name}"


@dataclass(frozen=True)
class AnswerVerdict:
    """How the grader scored one known answer."""

    case: AnswerCase
    exercise_score: float
    exercise_max: float
    total: float
    total_max: float
    feedback: str

    @property
    def ok(self) -> bool:
        """A wrong answer lost points on its exercise; a right one got full marks."""
        if self.case.kind == "wrong":
            return self.exercise_score < self.exercise_max
        return self.total == self.total_max


def find_cases(repo_root: Path) -> list[AnswerCase]:
    """Every ``tests/answers/<assignment>/<exercise>/{wrong,right}_*.py`` file."""
    cases = []
    for path in sorted((repo_root / "tests" / "answers").glob("*/*/*.py")):
        if path.name.startswith(("wrong_", "right_")):
            cases.append(AnswerCase(path.parts[-3], path.parts[-2], path))
    return cases


def exercise_tests(spec: AssignmentSpec, exercise: str) -> list[str]:
    """``grade_id`` of the test cells of ``exercise`` (``<exercise>-tests...``)."""
    ids = [t.grade_id for t in spec.tests if t.grade_id.startswith(f"{exercise}-tests")]
    if not ids:
        raise ValueError(
            f"{spec.assignment_id} has no test cell for exercise {exercise!r} "
            f"(expected a grade_id starting with '{exercise}-tests')"
        )
    return ids


def check_answers(
    repo_root: Path, *, jobs: int | None = None, assignments: list[str] | None = None
) -> list[AnswerVerdict]:
    """Grade every known answer and return the verdicts (wrong ones first)."""
    cases = [c for c in find_cases(repo_root) if assignments is None or c.assignment in assignments]
    verdicts: list[AnswerVerdict] = []
    for assignment in sorted({c.assignment for c in cases}):
        source = repo_root / "solutions" / assignment / f"{assignment}.ipynb"
        spec = AssignmentSpec.from_notebook(source, assignment_id=assignment)
        mine = [c for c in cases if c.assignment == assignment]
        with tempfile.TemporaryDirectory(prefix="answers-") as tmp:
            refs = []
            for index, case in enumerate(mine):
                nb = student_copy(
                    source, answers={f"{case.exercise}-answer": case.path.read_text()}
                )
                student = f"{index:03d}-{case.exercise}-{case.path.stem}"
                refs.append(SubmissionRef(student, write(nb, Path(tmp) / student, spec.notebook)))
            reports = grade_many(spec, refs, jobs=jobs, progress=False)
        for case, report in zip(mine, reports, strict=True):
            ids = exercise_tests(spec, case.exercise)
            scored = [t for t in report.tests if t.grade_id in ids]
            verdicts.append(
                AnswerVerdict(
                    case=case,
                    exercise_score=sum(t.score for t in scored),
                    exercise_max=sum(t.max_score for t in scored),
                    total=report.score,
                    total_max=report.max_score,
                    feedback=" | ".join(t.output for t in scored if t.score < t.max_score),
                )
            )
    return sorted(verdicts, key=lambda v: (v.case.kind != "wrong", v.case.name))


def render_markdown(verdicts: list[AnswerVerdict]) -> str:
    """A Markdown table of the verdicts with the share of wrong answers caught."""
    wrong = [v for v in verdicts if v.case.kind == "wrong"]
    right = [v for v in verdicts if v.case.kind == "right"]
    caught = sum(v.ok for v in wrong)
    accepted = sum(v.ok for v in right)
    lines = [
        "## Tests of the tests",
        "",
        f"Wrong answers caught: **{caught}/{len(wrong)}**"
        + (f" ({caught / len(wrong):.0%})" if wrong else "")
        + f"; correct alternatives accepted: **{accepted}/{len(right)}**.",
        "",
        "| answer | kind | exercise points | total | verdict |",
        "|---|---|---|---|---|",
    ]
    for v in verdicts:
        verdict = "ok" if v.ok else ("NOT CAUGHT" if v.case.kind == "wrong" else "REJECTED")
        lines.append(
            f"| {v.case.name} | {v.case.kind} | {v.exercise_score:g}/"
            f"{v.exercise_max:g} | {v.total:g}/{v.total_max:g} | {verdict} |"
        )
    return "\n".join(lines) + "\n"
