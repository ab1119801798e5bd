"""Benchmark: the course's grader against plain ``nbgrader autograde``.

Builds the same set of submissions for one assignment (default: ``02-sampling``; 40
submissions: correct ones, untouched releases and the known wrong answers from
``tests/answers/``), grades them with ``nbgrader autograde`` in a throwaway course folder
and with ``python -m grader``'s batch grader on the same machine in the same run, and
prints the wall times, their ratio, whether the two agree on every total, and where a
submission's time goes in each grader (kernel start, setup cells, other cells, tests).

nbgrader's stages come from the cell timestamps nbclient records in the autograded
notebooks; the rest of its time per submission (kernel start, nbgrader's own work) is
the difference. Ours come from :attr:`grader.judge.GradeReport.timings`.

Run: ``make benchmark`` or ``python -m coursebuild.benchmark_grading [--n 40]``. The
Markdown result is also written to ``build/benchmark.md``.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from coursebuild.answer_check import find_cases
from coursebuild.layout import find_repo_root
from coursebuild.submissions import student_copy, write
from grader.batch import SubmissionRef, grade_many, write_outputs
from grader.judge import STAGES, GradeReport
from grader.spec import AssignmentSpec

#: The week the README's benchmark figures are measured on.
DEFAULT_ASSIGNMENT = "02-sampling"

_CONFIG = """\
c = get_config()
c.CourseDirectory.root = {root!r}
c.CourseDirectory.db_url = "sqlite:///{root}/gradebook.db"
c.ClearSolutions.code_stub = {{"python": "# YOUR CODE HERE\\nraise NotImplementedError()"}}
c.Execute.timeout = 120
"""


def make_submissions(repo_root: Path, assignment: str, n: int, dest: Path) -> list[str]:
    """Write ``n`` submissions in nbgrader's ``submitted/`` layout; return the students."""
    source = repo_root / "solutions" / assignment / f"{assignment}.ipynb"
    wrong = [c for c in find_cases(repo_root) if c.assignment == assignment]
    kinds = itertools.cycle(["solution", "release", *[c.path for c in wrong]])
    students = []
    for index, kind in zip(range(n), kinds, strict=False):
        if kind == "solution":
            nb = student_copy(source)
        elif kind == "release":
            nb = student_copy(source, release=True)
        else:
            exercise = kind.parent.name
            nb = student_copy(source, answers={f"{exercise}-answer": kind.read_text()})
        student = f"student{index:02d}"
        write(nb, dest / student / assignment, f"{assignment}.ipynb")
        students.append(student)
    return students


def _nbgrader(course: Path, *args: str) -> None:
    nbgrader = Path(sys.executable).with_name("nbgrader")
    env = {**os.environ, "PATH": f"{nbgrader.parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        [str(nbgrader), *args], cwd=course, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(args)} failed:\n{result.stderr[-3000:]}")


def _nbgrader_scores(course: Path, assignment: str, students: list[str]) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course}/gradebook.db") as gradebook:
        return {s: float(gradebook.find_submission(assignment, s).code_score) for s in students}


def prepare_nbgrader_course(repo_root: Path, assignment: str, course: Path) -> Path:
    """Lay out a throwaway nbgrader course folder for ``assignment``.

    Returns
    -------
    Path
        Its (empty) ``submitted/`` folder.
    """
    shutil.rmtree(course, ignore_errors=True)
    (course / "source").mkdir(parents=True)
    shutil.copytree(repo_root / "solutions" / assignment, course / "source" / assignment)
    (course / "nbgrader_config.py").write_text(_CONFIG.format(root=str(course)))
    (course / "submitted").mkdir()
    return course / "submitted"


def nbgrader_autograde(course: Path, assignment: str) -> tuple[dict[str, float], float]:
    """Run plain nbgrader (generate, then autograde) on a prepared course folder.

    The folder is one made by :func:`prepare_nbgrader_course`, with submissions in it.

    Returns
    -------
    scores : dict
        Autograded points per student.
    seconds : float
        Wall time of ``nbgrader autograde`` alone.
    """
    students = sorted(p.name for p in (course / "submitted").iterdir() if p.is_dir())
    _nbgrader(course, "generate_assignment", assignment, "--create", "--force")
    started = time.perf_counter()
    _nbgrader(course, "autograde", assignment, "--create", "--force")
    seconds = time.perf_counter() - started
    return _nbgrader_scores(course, assignment, students), seconds


def _seconds_between(start: str, end: str) -> float:
    from datetime import datetime

    return (datetime.fromisoformat(end.replace("Z", "+00:00"))
            - datetime.fromisoformat(start.replace("Z", "+00:00"))).total_seconds()


def nbgrader_stages(course: Path, assignment: str, spec: AssignmentSpec,
                    students: list[str]) -> dict[str, float]:
    """Mean seconds per submission in each stage, from nbgrader's autograded notebooks."""
    import json

    tests = {t.grade_id for t in spec.tests}
    totals = dict.fromkeys(STAGES[1:], 0.0)
    for student in students:
        path = course / "autograded" / student / assignment / spec.notebook
        cells = json.loads(path.read_text())["cells"]
        setup = any("parameters" in c.get("metadata", {}).get("tags", []) for c in cells)
        for cell in cells:
            if cell.get("cell_type") != "code":
                continue
            timing = cell.get("metadata", {}).get("execution", {})
            seconds = 0.0
            if "iopub.execute_input" in timing and "shell.execute_reply" in timing:
                seconds = _seconds_between(timing["iopub.execute_input"],
                                           timing["shell.execute_reply"])
            grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
            stage = ("tests" if grade_id in tests else "setup cells" if setup
                     else "other cells")
            totals[stage] += seconds
            if "parameters" in cell.get("metadata", {}).get("tags", []):
                setup = False
    return {stage: value / len(students) for stage, value in totals.items()}


def our_stages(reports: list[GradeReport]) -> dict[str, float]:
    """Mean seconds per submission in each stage of our grader."""
    return {stage: sum(r.timings.get(stage, 0.0) for r in reports) / len(reports)
            for stage in STAGES}


def run(repo_root: Path, assignment: str, n: int, jobs: int | None) -> str:
    """Run the benchmark and return its Markdown report."""
    course = repo_root / "build" / "benchmark"
    submitted = prepare_nbgrader_course(repo_root, assignment, course)
    students = make_submissions(repo_root, assignment, n, submitted)
    theirs, nbgrader_seconds = nbgrader_autograde(course, assignment)

    spec = AssignmentSpec.from_notebook(
        course / "source" / assignment / f"{assignment}.ipynb", assignment_id=assignment
    )
    refs = [SubmissionRef(s, course / "submitted" / s / assignment) for s in students]
    started = time.perf_counter()
    reports = grade_many(spec, refs, jobs=jobs, progress=False)
    ours_seconds = time.perf_counter() - started
    ours = {r.student: r.score for r in reports}
    write_outputs(reports, course / "grades")  # grades.csv, feedback, the cohort report

    agree = sum(abs(theirs[s] - ours[s]) < 1e-9 for s in students)
    workers = jobs or os.cpu_count() or 1
    their_stages = nbgrader_stages(course, assignment, spec, students)
    their_stages = {"kernel start": nbgrader_seconds / n - sum(their_stages.values()),
                    **their_stages}
    mine = our_stages(reports)
    stage_rows = [
        f"| {stage} | {their_stages[stage]:.2f} | {mine[stage]:.2f} |" for stage in STAGES]
    lines = [
        f"## Grading benchmark: {n} submissions of {assignment}",
        "",
        f"Machine: {os.cpu_count()} cores; our grader used {workers} worker processes.",
        "",
        "| grader | wall time (s) | per submission (s) |",
        "|---|---|---|",
        f"| nbgrader autograde | {nbgrader_seconds:.1f} | {nbgrader_seconds / n:.2f} |",
        f"| course grader (`python -m grader grade`) | {ours_seconds:.1f} | "
        f"{ours_seconds / n:.2f} |",
        "",
        f"**Speed-up: {nbgrader_seconds / ours_seconds:.2f}x** "
        f"(nbgrader time / our time). The two graders agree on {agree}/{n} totals.",
        "",
        "Where a submission's time goes (mean seconds per submission, one process; ours "
        f"runs {workers} at a time). nbgrader's *kernel start* is the rest of its time per "
        "submission: starting the kernel and nbgrader's own work; ours forks kernels "
        "from a zygote that has imported the course's libraries once.",
        "",
        "The cohort report of our grader's run is `build/benchmark/grades/report.html`.",
        "",
        "| stage | nbgrader autograde | course grader |",
        "|---|---|---|",
        *stage_rows,
    ]
    disagreements = [s for s in students if abs(theirs[s] - ours[s]) >= 1e-9]
    for s in disagreements:
        lines.append(f"- {s}: nbgrader {theirs[s]:g}, ours {ours[s]:g}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command line; see the module docstring."""
    parser = argparse.ArgumentParser(prog="python -m coursebuild.benchmark_grading")
    parser.add_argument("--assignment", default=None,
                        help=f"the week to grade (default: {DEFAULT_ASSIGNMENT})")
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args(argv)
    root = find_repo_root()
    assignment = args.assignment or DEFAULT_ASSIGNMENT
    report = run(root, assignment, args.n, args.jobs)
    out = root / "build" / "benchmark.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(report)
    print(report, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
