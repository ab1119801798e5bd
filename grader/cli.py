"""Command line of the grader: ``python -m grader grade ...`` (also ``course-grade``)."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from grader.batch import discover_submissions, grade_many, iter_summary, write_outputs
from grader.kernel import SandboxConfig
from grader.spec import AssignmentSpec


def _grade(args: argparse.Namespace) -> int:
    source = Path(args.source or f"solutions/{args.assignment}/{args.assignment}.ipynb")
    if not source.is_file():
        print(f"error: no source notebook at {source} (run from the course's root folder or "
              "pass --source)", file=sys.stderr)
        return 2
    spec = AssignmentSpec.from_notebook(source, assignment_id=args.assignment)
    spec = dataclasses.replace(spec, cell_timeout=args.cell_timeout,
                               call_timeout=args.cell_timeout)
    try:
        refs = discover_submissions(Path(args.submissions), args.assignment)
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    config = SandboxConfig(memory_mb=args.memory_mb, user=args.sandbox_user or None)
    reports = grade_many(spec, refs, jobs=args.jobs, config=config,
                         progress=not args.quiet)
    out = Path(args.out or f"build/grades/{args.assignment}")
    paths = write_outputs(reports, out)
    for line in iter_summary(reports):
        print(line)
    print(f"grades:   {paths['grades']}")
    print(f"feedback: {paths['feedback']}/<student>.html")
    if "report" in paths:
        print(f"cohort:   {paths['report']}")
    return 0


def _cohort(args: argparse.Namespace) -> int:
    from grader.cohort import load_reports, write_cohort_report

    folder = Path(args.folder)
    if not (folder / "reports.json").is_file():
        print(f"error: no reports.json in {folder}; grade the submissions first "
              "(python -m grader grade ...)", file=sys.stderr)
        return 2
    page = write_cohort_report(load_reports(folder / "reports.json"), folder)
    print(f"cohort:   {page}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for the docs and tests)."""
    parser = argparse.ArgumentParser(prog="python -m grader", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    grade = sub.add_parser("grade", help="grade a folder of submissions in parallel")
    grade.add_argument("--assignment", required=True, help="assignment id, e.g. 02-sampling")
    grade.add_argument("--submissions", required=True,
                       help="nbgrader submitted/ folder or a folder of <student>.ipynb")
    grade.add_argument("--source", help="instructor source notebook (default: solutions/...)")
    grade.add_argument("--out", help="output folder (default: build/grades/<assignment>)")
    grade.add_argument("--jobs", type=int, default=None, help="worker processes (default: cores)")
    grade.add_argument("--cell-timeout", type=float, default=60.0,
                       help="seconds a cell or a test may run (default 60)")
    grade.add_argument("--memory-mb", type=int, default=4096,
                       help="memory cap of each student kernel in MB (default 4096)")
    grade.add_argument("--sandbox-user", default="nobody",
                       help="run student code as this user when grading as root")
    grade.add_argument("--quiet", action="store_true", help="no progress bar")
    grade.set_defaults(func=_grade)
    cohort = sub.add_parser("cohort", help="rebuild the cohort report of a graded batch")
    cohort.add_argument("folder", help="the output folder of `grade` (with reports.json)")
    cohort.set_defaults(func=_cohort)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line."""
    args = build_parser().parse_args(argv)
    return args.func(args)
