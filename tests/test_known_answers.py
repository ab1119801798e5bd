"""Tests of the tests: every known wrong answer loses points, every correct one gets all.

The answers live in ``tests/answers/<assignment>/<exercise>/{wrong,right}_*.py``; see
:mod:`coursebuild.answer_check`. A week's answers are graded once by the course's grader,
with the false-reject check's shifted seeds (as ``make course`` does, which then finds the
verdicts in ``build/cache/``); each case is its own test so a failure names the answer.
"""

import os
from pathlib import Path

import pytest

from coursebuild.answer_check import DEFAULT_SHIFTS, check_answers, find_cases

ROOT = Path(__file__).resolve().parents[1]
CASES = find_cases(ROOT)
_VERDICTS: dict[str, dict] = {}


def week_verdicts(week: str) -> dict:
    """The verdicts of one week's known answers (graded on first use)."""
    if week not in _VERDICTS:
        jobs = 1 if os.environ.get("PYTEST_XDIST_WORKER") else None  # xdist: a core each
        _VERDICTS[week] = {v.case.name: v for v in check_answers(
            ROOT, assignments=[week], shifts=DEFAULT_SHIFTS, jobs=jobs)}
    return _VERDICTS[week]


def test_every_exercise_has_wrong_and_right_answers():
    exercises = {(c.assignment, c.exercise) for c in CASES}
    assert exercises, "no known answers under tests/answers/"
    for assignment, exercise in sorted(exercises):
        kinds = [c.kind for c in CASES if (c.assignment, c.exercise) == (assignment, exercise)]
        assert kinds.count("wrong") >= 4, f"{assignment}/{exercise}: keep >= 4 wrong answers"
        assert kinds.count("right") >= 3, f"{assignment}/{exercise}: keep >= 3 right answers"


def test_every_graded_exercise_has_known_answers():
    from grader.spec import AssignmentSpec

    covered = {(c.assignment, c.exercise) for c in CASES}
    for source in sorted((ROOT / "solutions").glob("*/*.ipynb")):
        spec = AssignmentSpec.from_notebook(source)
        for answer_id in spec.answer_ids:
            exercise = answer_id.removesuffix("-answer")
            assert (spec.assignment_id, exercise) in covered, (
                f"{spec.assignment_id}: exercise {exercise} has no tests/answers folder")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_known_answer_is_graded_right(case):
    verdict = week_verdicts(case.assignment)[case.name]
    if case.kind == "wrong":
        assert verdict.exercise_score < verdict.exercise_max, (
            f"wrong answer {case.name} got all {verdict.exercise_max:g} points of its exercise")
        assert verdict.ok, (
            f"wrong answer {case.name} was caught, but not with the feedback its header "
            f"states ({case.expected_failure!r}): {verdict.feedback}")
    else:
        assert verdict.total == verdict.total_max, (
            f"correct answer {case.name} got {verdict.total:g}/{verdict.total_max:g}: "
            f"{verdict.feedback}")
        assert not verdict.rejections, (
            f"correct answer {case.name} was rejected under shifted seed bases (a false "
            f"reject): {verdict.rejections}")
