"""Command line: ``python -m coursebuild {course,answers,release,check-release,validate}``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from coursebuild.answer_check import DEFAULT_SHIFTS
from coursebuild.assignments import MarkupError, select_assignments
from coursebuild.layout import find_repo_root
from coursebuild.nbgrader_runner import NbGraderError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_ERROR = 2

Command = Callable[[Path, argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Run a ``coursebuild`` command.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments without the program name; ``sys.argv[1:]`` by default.

    Returns
    -------
    int
        0 on success, 1 when a check fails, 2 on a usage or setup error.

    """
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        root = Path(args.root).resolve() if args.root else find_repo_root()
        return args.run(root, args)
    except (FileNotFoundError, ValueError, MarkupError, NbGraderError) as error:
        print(f"coursebuild {args.command}: error: {error}", file=sys.stderr)
        return EXIT_ERROR


def _course(root: Path, args: argparse.Namespace) -> int:
    from coursebuild.course import build_course
    from coursebuild.grader_hook import course_hooks

    build = build_course(
        root,
        args.assignment,
        parameters={"SIZE": args.size},
        hooks=course_hooks(shifts=args.shifts),
        regenerate_release=not args.no_release,
    )
    print(build.render(), end="")
    print(f"(written to {root / 'build' / 'report.md'})", file=sys.stderr)
    return EXIT_OK if build.ok else EXIT_FAILED


def _release(root: Path, args: argparse.Namespace) -> int:
    from coursebuild.release import generate_release

    for folder in generate_release(root, args.assignment):
        print(f"generated {folder.relative_to(root)}/")
    return EXIT_OK


def _check_release(root: Path, args: argparse.Namespace) -> int:
    from coursebuild.release import check_release_in_sync, find_leaks

    problems = check_release_in_sync(root)
    leaks = find_leaks(root)
    for problem in problems:
        print(f"out of sync: {problem}")
    for leak in leaks:
        print(f"leak: {leak}")
    if problems or leaks:
        print(
            f"check-release failed: {len(problems)} sync problem(s), {len(leaks)} leak(s)",
            file=sys.stderr,
        )
        return EXIT_FAILED
    n = len(select_assignments(root))
    print(f"notebooks/ is in sync with solutions/ ({n} assignments) and leaks nothing")
    return EXIT_OK


def _answers(root: Path, args: argparse.Namespace) -> int:
    from coursebuild.answer_check import check_answers, render_markdown

    verdicts = check_answers(root, assignments=args.assignment, shifts=args.shifts,
                             jobs=args.jobs)
    report = render_markdown(verdicts)
    out = root / "build" / "known-answers.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(report)
    print(report, end="")
    print(f"(written to {out})", file=sys.stderr)
    return EXIT_OK if verdicts and all(v.ok for v in verdicts) else EXIT_FAILED


def _validate(root: Path, args: argparse.Namespace) -> int:
    from coursebuild.validate import validate_solutions

    results = validate_solutions(root, args.assignment)
    for result in results:
        if result.passed:
            print(f"ok   {result.assignment_id}: {' '.join(result.messages)}")
            continue
        print(f"FAIL {result.assignment_id}:")
        for message in result.messages:
            print("     " + message.replace("\n", "\n     "))
    failed = [r.assignment_id for r in results if not r.passed]
    if failed:
        print(f"validate failed for: {', '.join(failed)}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m coursebuild",
        description="Build, check and grade the course's notebooks (instructors and CI).",
    )
    parser.add_argument(
        "--root", help="course repository root (default: found from the current folder)"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, run: Command, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(run=run)
        return sub

    def with_assignments(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "-a",
            "--assignment",
            action="append",
            metavar="ID",
            help="only this assignment (repeatable; default: all)",
        )

    course = command(
        "course",
        _course,
        "regenerate notebooks/, execute every solution, run the nbgrader round trip, "
        "write build/report.md",
    )
    with_assignments(course)
    course.add_argument(
        "--size", default="small", help="SIZE parameter of the executions (default: small)"
    )
    course.add_argument(
        "--no-release", action="store_true", help="do not regenerate notebooks/ first"
    )
    course.add_argument(
        "--shifts", type=int, default=DEFAULT_SHIFTS,
        help=f"shifted seed bases per correct answer in the false-reject check "
             f"(default: {DEFAULT_SHIFTS})",
    )
    answers = command(
        "answers",
        _answers,
        "tests of the tests: grade the known right and wrong answers under tests/answers/, "
        "and run the false-reject check (each right answer's hidden tests under shifted "
        "seed bases); writes build/known-answers.md",
    )
    with_assignments(answers)
    answers.add_argument("--shifts", type=int, default=200,
                         help="shifted seed bases per correct answer (default: 200)")
    answers.add_argument("--jobs", type=int, default=None,
                         help="worker processes (default: one per core)")
    with_assignments(command("release", _release, "regenerate notebooks/ from solutions/"))
    command(
        "check-release",
        _check_release,
        "check notebooks/ matches a fresh release and leaks no solution or hidden test",
    )
    with_assignments(
        command("validate", _validate, "run nbgrader validate on every solution notebook")
    )
    return parser
