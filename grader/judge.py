"""Grade one submitted notebook.

The student's cells run in a sandboxed kernel; every test cell is judged in the
grader's own process. The order is the student's: each test cell is judged at its
place in the notebook, on the kernel's state at that point, as in Jupyter. Test cells are always the
instructor's version (an edited read-only cell is restored, a deleted one is judged at
the end), and so are other locked cells. A cell that overruns its time is stopped; a
cell that kills the kernel is skipped and the cells before it are run again in a new
kernel, so one crash costs only the exercises that depend on it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from grader.kernel import KernelSession, SandboxConfig
from grader.remote import Remote, run_test_cell
from grader.spec import AssignmentSpec, TestCell
from grader.submission import Submission, SubmissionError, read_submission
from helpers.testing import SEED_BASE_VARIABLE

#: Most cell problems listed in the feedback.
MAX_CELL_PROBLEMS = 10


@dataclass
class TestResult:
    """The grade of one test cell."""

    grade_id: str
    title: str
    score: float
    max_score: float
    output: str = ""

    @property
    def passed(self) -> bool:
        """Whether the cell earned its points."""
        return self.score >= self.max_score


@dataclass
class GradeReport:
    """Everything the grader found about one submission.

    Attributes
    ----------
    assignment_id, student : str
        What was graded and whose.
    tests : list of TestResult
        One per test cell of the assignment, in notebook order.
    notes : list of str
        Messages about the submission as a whole (renamed file, restored cells...).
    cell_problems : list of str
        Cells of the student's that raised, overran or crashed.
    seconds : float
        Wall time of the grading.
    sandbox_user : str or None
        The user the student's code ran as (``None``: the grader's own user).
    timings : dict of str to float
        Where the time went, in seconds: ``kernel start``, ``setup cells`` (the
        notebook's cells up to its ``parameters`` cell: imports and versions),
        ``other cells`` and ``tests`` (judging the test cells, calls into the
        kernel included).
    """

    assignment_id: str
    student: str
    tests: list[TestResult]
    notes: list[str] = field(default_factory=list)
    cell_problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    sandbox_user: str | None = None
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def score(self) -> float:
        """Points earned."""
        return float(sum(t.score for t in self.tests))

    @property
    def max_score(self) -> float:
        """Points available."""
        return float(sum(t.max_score for t in self.tests))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        data = asdict(self)
        data.update(score=self.score, max_score=self.max_score)
        return data

    def summary(self) -> str:
        """The feedback text shown above the per-test results."""
        lines = [f"Autograded score: {self.score:g} / {self.max_score:g}"]
        lines += [f"Note: {n}" for n in self.notes]
        if self.cell_problems:
            lines.append("Cells with problems (fix these first; later tests may depend "
                         "on them):")
            lines += [f"  - {p}" for p in self.cell_problems[:MAX_CELL_PROBLEMS]]
            if len(self.cell_problems) > MAX_CELL_PROBLEMS:
                lines.append(f"  - ... and {len(self.cell_problems) - MAX_CELL_PROBLEMS} more")
        return "\n".join(lines)


#: The stages of :attr:`GradeReport.timings`.
STAGES = ("kernel start", "setup cells", "other cells", "tests")


@dataclass
class _Step:
    kind: str  # "code" or "test"
    source: str = ""
    label: str = ""
    test: TestCell | None = None
    stage: str = "other cells"


def failed_report(spec: AssignmentSpec, student: str, message: str) -> GradeReport:
    """A zero-score report for a submission that could not be graded at all."""
    return GradeReport(
        assignment_id=spec.assignment_id, student=student, notes=[message],
        tests=[TestResult(t.grade_id, t.title, 0.0, t.points, "Not graded: " + message)
               for t in spec.tests])


def grade_notebook(spec: AssignmentSpec, path: Path, *, student: str = "student",
                   config: SandboxConfig | None = None, notes: list[str] | None = None
                   ) -> GradeReport:
    """Grade the notebook at ``path``; never raises for a bad submission.

    Parameters
    ----------
    spec : AssignmentSpec
        The assignment's tests.
    path : Path
        The submitted notebook.
    student : str
        A name for the report.
    config : SandboxConfig, optional
        Limits for the student's kernel.
    notes : list of str, optional
        Notes found earlier (e.g. while finding the file) to put in the report.
    """
    started = time.monotonic()
    try:
        submission = read_submission(Path(path), spec)
    except SubmissionError as exc:
        report = failed_report(spec, student, str(exc))
        report.notes[:0] = notes or []
        return report
    submission.notes[:0] = notes or []
    report = _Judge(spec, submission, student, config or SandboxConfig()).run()
    report.seconds = time.monotonic() - started
    return report


@dataclass(frozen=True)
class Variant:
    """Other answers to judge on a notebook that has already run (tests of the tests).

    Attributes
    ----------
    answers : dict
        ``grade_id`` of an answer cell -> the source that replaces it.
    test_ids : tuple of str
        The test cells to judge after the replacement.
    seed_bases : tuple of int or None
        Run the tests once per value of ``COURSE_SEED_BASE`` (``None``: as set in the
        environment); see :func:`helpers.testing.trial_seeds`.
    """

    answers: dict[str, str]
    test_ids: tuple[str, ...]
    seed_bases: tuple[int | None, ...] = (None,)


def grade_variants(spec: AssignmentSpec, path: Path, variants: Sequence[Variant], *,
                   config: SandboxConfig | None = None) -> list[list[dict[str, TestResult]]]:
    """Run a notebook once, then judge each variant's answers in the same kernel.

    The notebook's cells run as in :func:`grade_notebook` (test cells are not judged).
    Then, for each variant, its answer cells are executed in the kernel, its tests are
    judged once per seed base exactly as in grading (in this process, the student's
    names fetched from the kernel), and the notebook's own answer cells are executed
    again. One kernel serves every variant: the cost of a variant is its tests, not a
    kernel start and a whole notebook. Meant for known answers, not for untrusted code.

    Returns
    -------
    list
        Per variant, per seed base: ``grade_id -> TestResult``.

    Raises
    ------
    SubmissionError
        If the notebook cannot be read.
    RuntimeError
        If the kernel does not start or a cell of the notebook fails.
    """
    submission = read_submission(Path(path), spec)
    judge = _Judge(spec, submission, "variants", config or SandboxConfig())
    session = KernelSession(submission.path.parent, judge.config)
    session.start()
    originals = {cell.grade_id: cell.source for cell in submission.notebook.cells
                 if cell.grade_id in spec.answer_ids}
    try:
        for step in judge.plan():
            if step.kind == "code":
                judge._run_code(session, step)
        if judge.report.cell_problems:
            raise RuntimeError("the notebook does not run: "
                               + "; ".join(judge.report.cell_problems))
        return [_judge_variant(judge, session, variant, originals) for variant in variants]
    finally:
        session.close()


def _judge_variant(judge: _Judge, session: KernelSession, variant: Variant,
                   originals: dict[str, str]) -> list[dict[str, TestResult]]:
    def define_answers() -> None:
        for source in variant.answers.values():
            session.execute(source, timeout=judge.spec.cell_timeout)

    define_answers()
    saved = os.environ.get(SEED_BASE_VARIABLE)
    outcomes = []
    try:
        for base in variant.seed_bases:
            if base is not None:
                os.environ[SEED_BASE_VARIABLE] = str(base)
            for grade_id in variant.test_ids:
                restarts = session.restarts
                judge._run_test(session, judge.spec.test(grade_id))
                if session.restarts != restarts:  # the replay brought the notebook's answers back
                    define_answers()
            outcomes.append({grade_id: judge.results[grade_id] for grade_id in variant.test_ids})
    finally:
        if saved is None:
            os.environ.pop(SEED_BASE_VARIABLE, None)
        else:
            os.environ[SEED_BASE_VARIABLE] = saved
        for grade_id in variant.answers:
            session.execute(originals[grade_id], timeout=judge.spec.cell_timeout)
    return outcomes


class _Judge:
    def __init__(self, spec: AssignmentSpec, submission: Submission, student: str,
                 config: SandboxConfig) -> None:
        self.spec = spec
        self.submission = submission
        self.config = config
        self.results: dict[str, TestResult] = {}
        self.report = GradeReport(assignment_id=spec.assignment_id, student=student,
                                  tests=[], notes=list(submission.notes))
        self.done: list[_Step] = []  # code steps that ran fine, for replays

    def plan(self) -> list[_Step]:
        steps: list[_Step] = []
        tests = {t.grade_id: t for t in self.spec.tests}
        seen: set[str] = set()
        number = 0
        setup = any("parameters" in cell.tags for cell in self.submission.notebook.cells)
        for cell in self.submission.notebook.cells:
            if cell.cell_type != "code":
                continue
            number += 1
            label = f"Code cell {number}"
            grade_id = cell.grade_id
            if grade_id in tests and grade_id not in seen:
                seen.add(grade_id)
                test = tests[grade_id]
                if _normalise(test.visible_source).strip() != _normalise(cell.source).strip():
                    self.report.notes.append(
                        f"You changed the read-only test cell {grade_id}; it was graded "
                        "with its original content.")
                steps.append(_Step("test", label=label, test=test))
                continue
            if grade_id in tests:
                continue  # a copy of a test cell: the test runs once
            if grade_id in self.spec.locked:
                original = self.spec.locked[grade_id]
                if _normalise(original).strip() != _normalise(cell.source).strip():
                    self.report.notes.append(f"You changed the read-only cell {grade_id}; "
                                             "it was run with its original content.")
                steps.append(_Step("code", original, label))
            else:
                steps.append(_Step("code", cell.source, label))
            if setup:
                steps[-1].stage = "setup cells"
            if "parameters" in cell.tags:
                setup = False
            if "parameters" in cell.tags and self.spec.parameters:
                injected = "\n".join(f"{k} = {v!r}" for k, v in self.spec.parameters.items())
                steps.append(_Step("code", injected, "grader parameters"))
        for test in self.spec.tests:
            if test.grade_id not in seen:
                self.report.notes.append(
                    f"The test cell {test.grade_id} is missing from your notebook; it was "
                    "run at the end. Don't delete test cells.")
                steps.append(_Step("test", label="(restored test cell)", test=test))
        return steps

    def run(self) -> GradeReport:
        steps = self.plan()
        timings = dict.fromkeys(STAGES, 0.0)
        session = KernelSession(self.submission.path.parent, self.config)
        started = time.monotonic()
        try:
            session.start()
        except RuntimeError as exc:
            return failed_report(self.spec, self.report.student,
                                 f"The grader could not start a Python kernel ({exc}). "
                                 "This is the grader's fault; tell your instructor.")
        timings["kernel start"] = time.monotonic() - started
        try:
            self.report.sandbox_user = session.sandboxed_user
            for step in steps:
                started = time.monotonic()
                if step.kind == "code":
                    self._run_code(session, step)
                else:
                    self._run_test(session, step.test)
                timings["tests" if step.kind == "test" else step.stage] += (
                    time.monotonic() - started)
        finally:
            session.close()
        self.report.timings = {stage: round(value, 3) for stage, value in timings.items()}
        self.report.tests = [self.results[t.grade_id] for t in self.spec.tests]
        return self.report

    def _run_code(self, session: KernelSession, step: _Step) -> None:
        if not step.source.strip():
            return
        restarts = session.restarts
        execution = session.execute(step.source, timeout=self.spec.cell_timeout)
        if session.restarts != restarts:
            self._replay(session)
        first_line = step.source.strip().splitlines()[0][:60]
        where = f"{step.label} (`{first_line}`)"
        if execution.truncated:
            self.report.cell_problems.append(f"{where} printed too much output; it was cut.")
        if execution.status == "ok":
            self.done.append(step)
            return
        error = execution.error or {}
        if execution.status == "error" and error.get("ename") == "MemoryError":
            # Memory the cell still holds would starve every later cell and test.
            self.report.cell_problems.append(
                f"{where} ran out of memory (MemoryError). The grader skipped it and ran "
                "the other cells again in a new kernel.")
            session.restart()
            self._replay(session)
            return
        if execution.status == "error":
            self.report.cell_problems.append(
                f"{where} raised {error.get('ename')}: {str(error.get('evalue'))[:300]}")
        elif execution.status == "timeout":
            self.report.cell_problems.append(
                f"{where} ran longer than {self.spec.cell_timeout:g} s and was stopped.")
        else:
            self.report.cell_problems.append(
                f"{where} crashed the Python kernel (it exited or was killed, e.g. by "
                "running out of memory). The grader skipped it and ran the other cells "
                "again in a new kernel.")

    def _replay(self, session: KernelSession) -> None:
        for step in list(self.done):
            session.execute(step.source, timeout=self.spec.cell_timeout)

    def _run_test(self, session: KernelSession, test: TestCell) -> None:
        restarts = session.restarts
        outcome = run_test_cell(test, Remote(session, timeout=self.spec.call_timeout))
        self.results[test.grade_id] = TestResult(
            grade_id=test.grade_id, title=test.title, max_score=test.points,
            score=test.points if outcome.passed else 0.0,
            output="Passed." if outcome.passed else outcome.message[:3000])
        if session.restarts != restarts:
            self._replay(session)


def _normalise(source: str) -> str:
    return "\n".join(line.rstrip() for line in source.replace("\r\n", "\n").splitlines())
