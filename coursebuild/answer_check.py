"""Tests of the tests: known wrong and correct answers, and the false-reject check.

For every exercise, ``tests/answers/<assignment>/<exercise>/`` keeps answers written the
way students write them: ``wrong_*.py`` (plausible mistakes) and ``right_*.py`` (correct
answers written differently from the instructor's). Each file's content replaces the
``<exercise>-answer`` cell. A wrong answer must lose points on its exercise's test
cells; a right one must get full points on every test cell.

**False rejects.** A test that judges random output can reject a correct answer by bad
luck; each states that chance, at most 1e-6 per exercise. The check runs each right
answer's exercise tests again under ``shifts`` other seed bases (``COURSE_SEED_BASE``
1, 2, ..., see :func:`helpers.testing.trial_seeds`) and counts the rejections, which
must be zero.

Cost: the solution notebook of an assignment runs once per worker, in one sandboxed
kernel, and every answer is then judged in that kernel
(:func:`grader.judge.grade_variants`), so an answer costs what its tests cost.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from coursebuild.cache import lookup, store, week_inputs
from coursebuild.submissions import student_copy, write
from grader.judge import TestResult, Variant, grade_variants
from grader.spec import AssignmentSpec

#: Shifted seed bases per correct answer in ``make course`` unless told otherwise.
DEFAULT_SHIFTS = 2
#: Header line of a wrong answer naming the feedback it must get.
FAILS_WITH = "# Fails with:"


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

    @property
    def expected_failure(self) -> str | None:
        """For a wrong answer, the feedback it must get: a ``# Fails with: <text>`` line.

        Optional. It proves that the answer is caught by the check written for its kind
        of mistake, not by an accident of the file.
        """
        for line in self.path.read_text().splitlines()[:5]:
            if line.startswith(FAILS_WITH):
                return line.removeprefix(FAILS_WITH).strip()
        return None


@dataclass(frozen=True)
class AnswerVerdict:
    """How the grader scored one known answer (at the default seed base).

    Attributes
    ----------
    rejections : tuple of (int, str)
        For a right answer: the shifted seed bases under which its exercise's tests
        failed, with the feedback (the false-reject check; empty is good).
    """

    case: AnswerCase
    exercise_score: float
    exercise_max: float
    total: float
    total_max: float
    feedback: str
    shifts: int = 0
    rejections: tuple[tuple[int, str], ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the answer was graded as it should be.

        A wrong answer lost points on its exercise (with the stated feedback, if any); a
        right one got full marks and no false reject.
        """
        if self.case.kind == "wrong":
            expected = self.case.expected_failure
            return self.exercise_score < self.exercise_max and (
                expected is None or expected in self.feedback)
        return self.total == self.total_max and not self.rejections


@dataclass
class _Unit:
    """Answers of one assignment judged by one worker in one kernel."""

    assignment: str
    cases: list[AnswerCase]
    shifts: int
    seconds: float = 0.0
    verdicts: list[AnswerVerdict] = field(default_factory=list)


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
    repo_root: Path,
    *,
    jobs: int | None = None,
    assignments: Sequence[str] | None = None,
    shifts: int = 0,
) -> list[AnswerVerdict]:
    """Grade every known answer; with ``shifts``, run the false-reject check too.

    Parameters
    ----------
    repo_root : Path
        The course repository.
    jobs : int, optional
        Worker processes (default: one per core). The answers of an assignment are
        split between workers when there are fewer assignments than workers.
    assignments : sequence of str, optional
        Only these assignments.
    shifts : int, default 0
        Shifted seed bases (1..shifts) under which each right answer's exercise tests
        run again.

    Returns
    -------
    list of AnswerVerdict
        Wrong answers first, then right ones, each sorted by name.
    """
    cases = [c for c in find_cases(repo_root) if assignments is None or c.assignment in assignments]
    verdicts: list[AnswerVerdict] = []
    todo = []
    for assignment in sorted({c.assignment for c in cases}):
        found = lookup(repo_root, "answers", assignment, _inputs(assignment), {"shifts": shifts})
        if found is None:
            todo += [c for c in cases if c.assignment == assignment]
        else:
            verdicts += [_verdict_from_json(repo_root, data) for data in found]
    units = _split_units(todo, jobs or os.cpu_count() or 1, shifts)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(units)))
    if workers == 1:
        done = [_judge_unit(repo_root, unit) for unit in units]
    else:
        context = multiprocessing.get_context("fork")
        with context.Pool(workers) as pool:
            done = pool.starmap(_judge_unit, [(repo_root, unit) for unit in units])
    for assignment in sorted({unit.assignment for unit in done}):
        fresh = [v for unit in done if unit.assignment == assignment for v in unit.verdicts]
        store(repo_root, "answers", assignment, _inputs(assignment), {"shifts": shifts},
              [_verdict_to_json(repo_root, v) for v in fresh])
        verdicts += fresh
    return sorted(verdicts, key=lambda v: (v.case.kind != "wrong", v.case.name))


def _inputs(assignment: str) -> list[str]:
    return week_inputs(assignment, f"tests/answers/{assignment}")


def _verdict_to_json(repo_root: Path, verdict: AnswerVerdict) -> dict[str, Any]:
    data = asdict(verdict)
    data["case"] = {"assignment": verdict.case.assignment, "exercise": verdict.case.exercise,
                    "path": str(verdict.case.path.resolve().relative_to(Path(repo_root).resolve()))}
    return data


def _verdict_from_json(repo_root: Path, data: dict[str, Any]) -> AnswerVerdict:
    case = data["case"]
    return AnswerVerdict(**{**data, "case": AnswerCase(case["assignment"], case["exercise"],
                                                       Path(repo_root) / case["path"]),
                            "rejections": tuple(tuple(r) for r in data["rejections"])})


def _split_units(cases: list[AnswerCase], jobs: int, shifts: int) -> list[_Unit]:
    """One unit per assignment, split in two or more when workers would sit idle."""
    by_assignment: dict[str, list[AnswerCase]] = {}
    for case in cases:
        by_assignment.setdefault(case.assignment, []).append(case)
    pieces = max(1, -(-jobs // max(1, len(by_assignment))))
    units = []
    for assignment, mine in sorted(by_assignment.items()):
        # Deal the answers round-robin so that slow exercises are shared.
        for piece in range(min(pieces, len(mine))):
            units.append(_Unit(assignment, mine[piece::pieces], shifts))
    return units


def _judge_unit(repo_root: Path, unit: _Unit) -> _Unit:
    started = time.monotonic()
    source = repo_root / "solutions" / unit.assignment / f"{unit.assignment}.ipynb"
    spec = AssignmentSpec.from_notebook(source, assignment_id=unit.assignment)
    all_tests = tuple(t.grade_id for t in spec.tests)
    variants: list[Variant] = []
    plan: list[tuple[AnswerCase, int, int | None]] = []  # case, its variant, its shifted one
    for case in unit.cases:
        if f"{case.exercise}-answer" not in spec.answer_ids:
            raise ValueError(f"{case.name}: {spec.assignment_id} has no answer cell "
                             f"{case.exercise}-answer")
        answers = {f"{case.exercise}-answer": case.path.read_text()}
        own = tuple(exercise_tests(spec, case.exercise))
        variants.append(Variant(answers, own if case.kind == "wrong" else all_tests))
        shifted = None
        if case.kind == "right" and unit.shifts:
            variants.append(Variant(answers, own, tuple(range(1, unit.shifts + 1))))
            shifted = len(variants) - 1
        plan.append((case, len(variants) - 1 - (shifted is not None), shifted))
    with tempfile.TemporaryDirectory(prefix="answers-") as tmp:
        notebook = write(student_copy(source), Path(tmp) / "solution", spec.notebook)
        outcomes = grade_variants(spec, notebook, variants)
    for case, plain, shifted in plan:
        [results] = outcomes[plain]
        rejections = _rejections(outcomes[shifted]) if shifted is not None else ()
        unit.verdicts.append(_verdict(spec, case, results, unit.shifts, rejections))
    unit.seconds = time.monotonic() - started
    return unit


def _rejections(per_base: list[dict[str, TestResult]]) -> tuple[tuple[int, str], ...]:
    found = []
    for base, results in enumerate(per_base, start=1):
        failed = [r for r in results.values() if not r.passed]
        if failed:
            found.append((base, " | ".join(f"{r.grade_id}: {r.output[:300]}" for r in failed)))
    return tuple(found)


def _verdict(spec: AssignmentSpec, case: AnswerCase, results: dict[str, TestResult],
             shifts: int, rejections: tuple[tuple[int, str], ...]) -> AnswerVerdict:
    own = exercise_tests(spec, case.exercise)
    scored = [results[i] for i in own]
    everything = list(results.values())
    return AnswerVerdict(
        case=case,
        exercise_score=sum(t.score for t in scored),
        exercise_max=sum(t.max_score for t in scored),
        total=sum(t.score for t in everything),
        total_max=sum(t.max_score for t in everything),
        feedback=" | ".join(t.output for t in everything if not t.passed),
        shifts=shifts if case.kind == "right" else 0,
        rejections=rejections,
    )


def render_markdown(verdicts: list[AnswerVerdict]) -> str:
    """A Markdown report: wrong answers caught, right ones accepted, false rejects."""
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
    ]
    lines += _false_reject_lines(right)
    lines += [
        "| answer | kind | exercise points | total | verdict |",
        "|---|---|---|---|---|",
    ]
    for v in verdicts:
        verdict = "ok" if v.ok else ("NOT CAUGHT" if v.case.kind == "wrong" else "REJECTED")
        if v.case.kind == "wrong" and not v.ok and v.exercise_score < v.exercise_max:
            verdict = "CAUGHT FOR ANOTHER REASON"
        if v.rejections:
            verdict += f"; rejected under {len(v.rejections)} of {v.shifts} shifted seeds"
        lines.append(
            f"| {v.case.name} | {v.case.kind} | {v.exercise_score:g}/"
            f"{v.exercise_max:g} | {v.total:g}/{v.total_max:g} | {verdict} |"
        )
    return "\n".join(lines) + "\n"


def _false_reject_lines(right: list[AnswerVerdict]) -> list[str]:
    """The false-reject check, one row per exercise."""
    shifted = [v for v in right if v.shifts]
    if not shifted:
        return ["False-reject check: not run (no shifted seed bases).", ""]
    runs = sum(v.shifts for v in shifted)
    rejected = sum(len(v.rejections) for v in shifted)
    lines = [
        f"False rejects: **{rejected}** in {runs:,} runs of the hidden tests on correct "
        f"answers under shifted seed bases ({shifted[0].shifts} per answer).",
        "",
        "| exercise | correct answers | runs | rejections |",
        "|---|---|---|---|",
    ]
    exercises = sorted({(v.case.assignment, v.case.exercise) for v in shifted})
    for assignment, exercise in exercises:
        mine = [v for v in shifted if (v.case.assignment, v.case.exercise) == (assignment,
                                                                                exercise)]
        lines.append(f"| {assignment}/{exercise} | {len(mine)} | "
                     f"{sum(v.shifts for v in mine):,} | "
                     f"{sum(len(v.rejections) for v in mine)} |")
    for v in shifted:
        for base, message in v.rejections:
            lines.append(f"\n- {v.case.name}, seed base {base}: {message}")
    return [*lines, ""]
