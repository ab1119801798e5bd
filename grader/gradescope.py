"""Grade one Gradescope submission and write Gradescope's ``results.json``.

Gradescope builds an image from the autograder zip (see :mod:`coursebuild.bundle`), then for
every submission puts the student's files in ``/autograder/submission`` and runs
``/autograder/run_autograder``, which runs::

    python -m grader.gradescope --root /autograder --sandbox-user student

This module finds the notebook, grades it with :func:`grader.judge.grade_notebook` and
writes ``/autograder/results/results.json`` in the format of Gradescope's autograder
specification (https://gradescope-autograders.readthedocs.io/en/latest/specs/): one test
per graded cell, the total score, and the feedback text. The results file is *always*
written, atomically, even when the grading specification cannot be read or the grader
itself fails; the student then gets 0 and a message saying it is the grader's fault.
What is printed goes to ``/autograder/results/stdout``, which only instructors see.

On Gradescope (root ``/autograder``) student code runs as the sandbox user or not at
all: if that user cannot run the grader's Python (a virtualenv built on a Python under
``/root``, say), no code is run and the student gets 0 and a "misconfigured" message
(:func:`sandbox_required`). Elsewhere (local tests, other roots) the grader falls back to
its own user, and says so in its log.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from grader.judge import GradeReport, failed_report, grade_notebook
from grader.kernel import SandboxConfig, usable_sandbox_user
from grader.spec import AssignmentSpec
from grader.submission import SubmissionError, find_notebook

#: Where Gradescope mounts everything, unless ``AUTOGRADER_ROOT`` says otherwise.
DEFAULT_ROOT = Path("/autograder")
#: The unprivileged user that student code runs as (created by ``setup.sh``).
DEFAULT_SANDBOX_USER = "student"
#: Longest text put in one ``output`` field; Gradescope shows it in a ``<pre>`` block.
MAX_OUTPUT_CHARS = 10_000

MANUAL_LINE = ("The weekly questions are graded by hand on Gradescope; their points are "
               "not part of this autograded score.")
GRADER_FAULT = ("The autograder failed while grading your submission. This is the "
                "grader's fault, not a problem with your notebook: your score is 0 for "
                "now. Tell your instructor, who will fix the grader and regrade it.")
SPEC_FAULT = ("The autograder is misconfigured: it could not read this assignment's "
              "tests. This is the grader's fault, not a problem with your notebook: your "
              "score is 0 for now. Tell your instructor, who will fix the grader and "
              "regrade it.")
SANDBOX_FAULT = ("The autograder is misconfigured: it cannot run your code safely, so it "
                 "did not run it. This is the grader's fault, not a problem with your "
                 "notebook: your score is 0 for now. Tell your instructor, who will fix "
                 "the grader and regrade it.")


def _trim(text: str, limit: int = MAX_OUTPUT_CHARS) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 40].rstrip() + "\n... (cut: the message was too long)"


def results_for(report: GradeReport, *, manual_points: float | None = None) -> dict[str, Any]:
    """Turn a grade report into the content of Gradescope's ``results.json``.

    Parameters
    ----------
    report : GradeReport
        What :func:`grader.judge.grade_notebook` (or :func:`~grader.judge.failed_report`)
        found.
    manual_points : float, optional
        Points of the hand-graded weekly questions, mentioned in the feedback.

    Returns
    -------
    dict
        JSON-ready: top-level ``score``, ``execution_time`` (whole seconds), ``output``
        (the report's summary and a line about the hand-graded questions),
        ``output_format``/``test_output_format``/``test_name_format`` ``"text"``,
        ``visibility`` ``"visible"``, ``stdout_visibility`` ``"hidden"`` (the grader's
        log is for instructors), ``extra_data`` and ``tests``, one per test cell with
        ``name`` (``"<title> (<grade_id>)"``), ``number``, ``score``, ``max_score``,
        ``status`` (``"passed"``/``"failed"``), ``output`` (the failure message, which
        never quotes hidden test code) and ``visibility`` ``"visible"``.

    """
    tests = []
    for number, result in enumerate(report.tests, start=1):
        name = result.grade_id if result.title in ("", result.grade_id) \
            else f"{result.title} ({result.grade_id})"
        tests.append({
            "name": name,
            "number": str(number),
            "score": float(result.score),
            "max_score": float(result.max_score),
            "status": "passed" if result.passed else "failed",
            "output": _trim(result.output),
            "visibility": "visible",
        })
    manual = MANUAL_LINE
    if manual_points:
        manual = (f"The weekly questions ({manual_points:g} points) are graded by hand on "
                  "Gradescope; their points are not part of this autograded score.")
    seconds = report.seconds if math.isfinite(report.seconds) else 0.0
    return {
        "score": float(sum(t["score"] for t in tests)),
        "execution_time": max(0, int(round(seconds))),
        "output": _trim(f"{report.summary()}\n{manual}"),
        "output_format": "text",
        "test_output_format": "text",
        "test_name_format": "text",
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "extra_data": {"assignment_id": report.assignment_id,
                       "max_score": float(sum(t["max_score"] for t in tests)),
                       "sandbox_user": report.sandbox_user},
        "tests": tests,
    }


def _fault_results(seconds: float, fault: str, error: str) -> dict[str, Any]:
    """Results for a submission the grader could not grade at all: score 0, no tests.

    Parameters
    ----------
    seconds : float
        Time spent so far.
    fault : str
        What the student reads (:data:`SPEC_FAULT`, :data:`SANDBOX_FAULT`).
    error : str
        Short reason kept in ``extra_data["error"]`` for the instructor.

    Returns
    -------
    dict
        JSON-ready, in the format of :func:`results_for`.

    """
    return {
        "score": 0.0,
        "execution_time": max(0, int(round(seconds))),
        "output": f"Autograded score: 0\nNote: {fault}\n{MANUAL_LINE}",
        "output_format": "text",
        "test_output_format": "text",
        "test_name_format": "text",
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "extra_data": {"error": error},
        "tests": [],
    }


def sandbox_required(root: Path) -> bool:
    """Whether ``root`` is Gradescope's ``/autograder``, where a sandbox user is mandatory.

    Parameters
    ----------
    root : Path
        The autograder folder being graded in.

    Returns
    -------
    bool
        True for ``/autograder`` (also when written as ``/autograder/`` or reached
        through a symbolic link), False for any other folder.

    Examples
    --------
    >>> sandbox_required(Path("/autograder/"))
    True
    >>> sandbox_required(Path("/tmp/autograder"))
    False

    """
    return Path(root).resolve() == DEFAULT_ROOT.resolve()


def sandbox_problem(sandbox_user: str | None) -> str | None:
    """Why student code could not run as ``sandbox_user``, or None when it can.

    Uses the kernel's own test (:func:`grader.kernel.usable_sandbox_user`, which runs
    :func:`grader.sandbox.user_can_run_python`), so it agrees with what
    :class:`~grader.kernel.KernelSession` will do.

    Parameters
    ----------
    sandbox_user : str or None
        The user student code should run as; None or empty means none was given.

    Returns
    -------
    str or None
        A sentence for the instructor's log, or None if the user is usable.

    """
    if not sandbox_user:
        return "no sandbox user was given (--sandbox-user is empty)"
    if os.geteuid() != 0:
        return (f"the grader is not running as root (uid {os.geteuid()}), so it cannot "
                f"run student code as {sandbox_user!r}")
    if usable_sandbox_user(sandbox_user) is None:
        return (f"user {sandbox_user!r} does not exist or cannot run this Python "
                f"({sys.executable}) and import the grader from "
                f"{Path(__file__).resolve().parent}")
    return None


def _refuse(root: Path, problem: str, started: float) -> dict[str, Any]:
    """Write the "misconfigured" results without running anything; log what to fix."""
    print(f"grader: REFUSED TO GRADE: {problem}. Student code would run as the grader's "
          "own user (root on Gradescope), able to read the hidden tests, so none was run: "
          "the student got 0 and was told to contact you. Fix the autograder image, then "
          f"regrade: setup.sh must create the sandbox user and build {root / 'venv'} from "
          "the system Python (/usr/bin/python3), not from a Python under /root (pyenv).",
          flush=True)
    results = _fault_results(time.monotonic() - started, SANDBOX_FAULT,
                             "sandbox user unusable")
    write_results(results, root / "results" / "results.json")
    return results


def write_results(results: dict[str, Any], path: Path) -> None:
    """Write ``results`` as JSON to ``path`` atomically (temporary file, then rename).

    Parameters
    ----------
    results : dict
        JSON-ready content; NaN and infinities are refused.
    path : Path
        Usually ``/autograder/results/results.json``; its folder is created.

    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(results, indent=1, allow_nan=False, ensure_ascii=False)
    fd, tmp = tempfile.mkstemp(prefix=".results-", suffix=".json.tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _copy_submission(source: Path, dest: Path) -> list[str]:
    """Copy the regular files of ``source`` into ``dest``; return notes on what was left.

    Symbolic links (and other special files) are not followed: the grader copies the
    submission's files into the student's kernel folder as root, so a link to the
    hidden tests would otherwise hand them to student code.
    """
    skipped: list[str] = []
    if not source.is_dir():
        return skipped
    for folder, dirs, files in os.walk(source, followlinks=False):
        here = Path(folder)
        relative = here.relative_to(source)
        for name in list(dirs):
            if (here / name).is_symlink():
                skipped.append(str(relative / name))
                dirs.remove(name)
            else:
                (dest / relative / name).mkdir(exist_ok=True)
        for name in files:
            item = here / name
            if item.is_symlink() or not item.is_file():
                skipped.append(str(relative / name))
                continue
            shutil.copyfile(item, dest / relative / name, follow_symlinks=False)
    if not skipped:
        return []
    shown = ", ".join(sorted(skipped)[:5]) + (" ..." if len(skipped) > 5 else "")
    return [f"Symbolic links and special files in your submission were ignored: {shown}."]


def _grade(root: Path, spec: AssignmentSpec, sandbox_user: str | None) -> GradeReport:
    with tempfile.TemporaryDirectory(prefix="gradescope-submission-") as scratch:
        copy = Path(scratch) / "submission"
        copy.mkdir()
        notes = _copy_submission(root / "submission", copy)
        try:
            path, found_notes = find_notebook(copy, spec)
        except SubmissionError as exc:
            report = failed_report(spec, "student", str(exc))
            report.notes[:0] = notes
            return report
        config = SandboxConfig(user=sandbox_user)
        return grade_notebook(spec, path, student="student", config=config,
                              notes=notes + found_notes)


def run(root: Path, spec_path: Path, *, sandbox_user: str | None,
        require_sandbox: bool | None = None) -> dict[str, Any]:
    """Grade the submission in ``root/submission`` and write ``root/results/results.json``.

    Never raises because of the submission, the specification or a failure of the
    grader: every path ends with a valid results file (score 0 and a message blaming
    the grader when the grader is at fault). Details of grader failures are printed for
    the instructor (Gradescope keeps stdout in ``results/stdout``, hidden from students).

    When the sandbox is required and ``sandbox_user`` cannot be used, no student code
    runs: the results say the autograder is misconfigured (score 0, :data:`SANDBOX_FAULT`).
    When it is not required, student code then runs as the grader's own user.

    Parameters
    ----------
    root : Path
        Gradescope's ``/autograder`` folder (``submission/``, ``results/``).
    spec_path : Path
        The assignment's ``spec.json`` (:meth:`AssignmentSpec.to_json`).
    sandbox_user : str or None
        User the student's code runs as when the grader runs as root.
    require_sandbox : bool, optional
        Refuse to grade unless student code can run as ``sandbox_user``. Default:
        :func:`sandbox_required` of ``root``, so always on Gradescope.

    Returns
    -------
    dict
        What was written to ``results.json``.

    """
    started = time.monotonic()
    root = Path(root)
    results_path = root / "results" / "results.json"
    if require_sandbox is None:
        require_sandbox = sandbox_required(root)
    problem = sandbox_problem(sandbox_user) if require_sandbox else None
    if problem:
        return _refuse(root, problem, started)
    try:
        spec = AssignmentSpec.from_json(Path(spec_path).read_text(encoding="utf-8"))
    except Exception as exc:  # noqa: BLE001 - any unreadable spec is the grader's fault
        print(f"grader: cannot read the grading specification {spec_path}: "
              f"{type(exc).__name__}: {exc}", flush=True)
        results = _fault_results(time.monotonic() - started, SPEC_FAULT,
                                 "grading specification unreadable")
        write_results(results, results_path)
        return results
    try:
        report = _grade(root, spec, sandbox_user)
    except Exception:  # noqa: BLE001 - the student still gets a results file
        print("grader: internal error while grading:", flush=True)
        traceback.print_exc(file=sys.stdout)
        report = failed_report(spec, "student", GRADER_FAULT)
    report.seconds = time.monotonic() - started
    results = results_for(report, manual_points=sum(spec.manual.values()))
    write_results(results, results_path)
    _log(report, sandbox_user)
    return results


def _log(report: GradeReport, sandbox_user: str | None) -> None:
    print(f"grader: {report.assignment_id}: {report.score:g} / {report.max_score:g} "
          f"in {report.seconds:.1f} s; student code ran as "
          f"{report.sandbox_user or 'the grader user'}; grader code from "
          f"{Path(__file__).resolve().parent}", flush=True)
    if not sandbox_user:
        return
    kernel_ran = any(not t.output.startswith("Not graded: ") for t in report.tests)
    local = ("Allowed only outside Gradescope: with root /autograder (or "
             "--require-sandbox) the grader refuses to grade instead.")
    if os.geteuid() != 0:
        print("grader: WARNING: not running as root, so student code could not be run as "
              f"{sandbox_user!r}; it could read the hidden tests. {local}", flush=True)
    elif kernel_ran and report.sandbox_user is None:
        print(f"grader: WARNING: user {sandbox_user!r} could not run the grader's Python, "
              "so student code ran as the grader user and could read the hidden tests. "
              f"{local} Check setup.sh (useradd, permissions of /autograder/venv).",
              flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m grader.gradescope [--root R] [--spec S] [--sandbox-user U]``.

    Returns
    -------
    int
        0 once ``results.json`` is written.

    """
    default_root = Path(os.environ.get("AUTOGRADER_ROOT") or DEFAULT_ROOT)
    parser = argparse.ArgumentParser(
        prog="python -m grader.gradescope",
        description="Grade the submission in ROOT/submission and write "
                    "ROOT/results/results.json for Gradescope.")
    parser.add_argument("--root", type=Path, default=default_root,
                        help="Gradescope's autograder folder (default: $AUTOGRADER_ROOT "
                             f"or {DEFAULT_ROOT})")
    parser.add_argument("--spec", type=Path, default=None,
                        help="the assignment's spec.json (default: ROOT/source/spec.json)")
    parser.add_argument("--sandbox-user", default=DEFAULT_SANDBOX_USER,
                        help="run student code as this user when running as root; an "
                             f"empty string disables it (default: {DEFAULT_SANDBOX_USER})")
    parser.add_argument("--require-sandbox", action="store_true", default=None,
                        help="run no student code unless it can run as the sandbox user "
                             f"(always the case when ROOT is {DEFAULT_ROOT})")
    args = parser.parse_args(argv)
    spec = args.spec if args.spec is not None else args.root / "source" / "spec.json"
    run(args.root, spec, sandbox_user=args.sandbox_user or None,
        require_sandbox=args.require_sandbox)
    return 0


if __name__ == "__main__":
    sys.exit(main())
