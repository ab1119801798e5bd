"""Gradescope round trip: build an assignment's autograder zip, unpack it as Gradescope
does, and run its real ``run_autograder`` on submissions; ``results.json`` is checked
against Gradescope's specification
(https://gradescope-autograders.readthedocs.io/en/latest/specs/).

The toy assignment always runs; every real ``solutions/<id>/<id>.ipynb`` of the
repository is graded too (its solution must get full marks). When the tests run as root,
student code runs as ``nobody``, as it runs as ``student`` on Gradescope.

``setup.sh`` is run too, up to its first check, with an interpreter that the sandbox
user cannot execute (as pyenv's, under ``/root``): the image build must fail, and a
``run_autograder`` on such an image must run no student code at all.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from coursebuild.assignments import discover_assignments
from coursebuild.bundle import build_all_gradescope
from grader import gradescope
from grader.gradescope import (
    GRADER_FAULT,
    SANDBOX_FAULT,
    SPEC_FAULT,
    results_for,
    run,
    sandbox_required,
    write_results,
)
from grader.judge import GradeReport
from grader.judge import TestResult as CellResult
from grader.sandbox import user_can_run_python
from grader.spec import AssignmentSpec
from tests.grader_support import TOY, student_copy, write, write_raw

REPO = Path(__file__).resolve().parents[1]
#: Real assignments of the repository, graded with their solutions.
REAL_ASSIGNMENTS = {a.assignment_id: a.notebook for a in discover_assignments(REPO)
                    if a.assignment_id != "00-toy"}
ASSIGNMENTS = {"00-toy": TOY, **REAL_ASSIGNMENTS}
#: The sandbox user of these tests (Gradescope's, ``student``, does not exist here).
SANDBOX_USER = "nobody"


@cache
def sandboxed() -> bool:
    """Whether student code runs as :data:`SANDBOX_USER` here (root, usable interpreter)."""
    return os.geteuid() == 0 and user_can_run_python(SANDBOX_USER)


needs_runuser = pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("runuser"),
    reason="setup.sh switches to the sandbox user with runuser, as root")

# ---------------------------------------------------------------- Gradescope's format
FORMATS = {"text", "simple_format", "html", "md", "ansi"}
VISIBILITIES = {"hidden", "after_due_date", "after_published", "visible"}
TOP_KEYS = {"score", "execution_time", "output", "output_format", "test_output_format",
            "test_name_format", "visibility", "stdout_visibility", "extra_data", "tests",
            "leaderboard"}
TEST_KEYS = {"score", "max_score", "status", "name", "name_format", "number", "output",
             "output_format", "tags", "visibility", "extra_data"}


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) \
        and math.isfinite(value)


def _reject_constant(name: str) -> None:
    raise ValueError(f"results.json holds {name}, which is not JSON")


def check_results(results: Any) -> None:
    """Check ``results`` against Gradescope's results.json format (and our promises)."""
    assert isinstance(results, dict)
    assert set(results) <= TOP_KEYS, set(results) - TOP_KEYS
    for key in ("score", "execution_time", "output", "output_format", "test_output_format",
                "visibility", "stdout_visibility", "tests"):
        assert key in results, key
    assert _is_number(results["score"])
    assert isinstance(results["execution_time"], int)
    assert not isinstance(results["execution_time"], bool)
    assert results["execution_time"] >= 0
    assert isinstance(results["output"], str) and results["output"].strip()
    assert results["output_format"] == results["test_output_format"] == "text"
    assert results.get("test_name_format", "text") in FORMATS
    assert results["visibility"] == "visible"
    assert results["stdout_visibility"] == "hidden"
    assert isinstance(results.get("extra_data", {}), dict)
    assert isinstance(results["tests"], list)
    numbers = []
    for test in results["tests"]:
        assert isinstance(test, dict)
        assert set(test) <= TEST_KEYS, set(test) - TEST_KEYS
        for key in ("name", "number", "score", "max_score", "status", "output", "visibility"):
            assert key in test, key
        assert isinstance(test["name"], str) and test["name"]
        assert isinstance(test["number"], str)
        numbers.append(test["number"])
        assert _is_number(test["score"]) and _is_number(test["max_score"])
        assert 0 <= test["score"] <= test["max_score"]
        assert test["status"] == ("passed" if test["score"] >= test["max_score"] else "failed")
        assert isinstance(test["output"], str)
        assert test["visibility"] in VISIBILITIES
    assert len(set(numbers)) == len(numbers)
    total = sum(t["score"] for t in results["tests"])
    available = sum(t["max_score"] for t in results["tests"])
    assert math.isclose(results["score"], total)
    assert 0 <= results["score"] <= available


def hidden_test_lines(spec: AssignmentSpec) -> list[str]:
    """Stripped hidden-test lines (no delimiters) long enough to mean something."""
    found = []
    for test in spec.tests:
        for number, line in enumerate(test.source.splitlines(), start=1):
            text = line.strip()
            if test.is_hidden_line(number) and "HIDDEN TESTS" not in text and len(text) >= 12:
                found.append(text)
    return found


def assert_no_hidden_source(results_text: str, spec: AssignmentSpec) -> None:
    for line in hidden_test_lines(spec):
        assert line not in results_text, f"results.json quotes a hidden test: {line!r}"


# ------------------------------------------------------------------------- fixtures
def _copy_tree(source: Path, dest: Path) -> None:
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Gradescope zips, built from a repository-like folder with every assignment."""
    repo = tmp_path_factory.mktemp("repo")
    shutil.copy(REPO / "pyproject.toml", repo / "pyproject.toml")
    _copy_tree(REPO / "helpers", repo / "helpers")
    _copy_tree(REPO / "grader", repo / "grader")
    for assignment_id, notebook in ASSIGNMENTS.items():
        folder = repo / "solutions" / assignment_id
        folder.mkdir(parents=True)
        shutil.copy(notebook, folder / f"{assignment_id}.ipynb")
    zips = build_all_gradescope(repo, tmp_path_factory.mktemp("dist"))
    return {path.stem: path for path in zips}


@pytest.fixture
def open_tmp() -> Iterator[Path]:
    """A temporary folder every user may traverse, as ``/`` is (pytest's are private)."""
    path = Path(tempfile.mkdtemp(prefix="gradescope-test-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def private_python(tmp_path: Path) -> dict[str, Path]:
    """Pythons the sandbox user cannot execute, in a ``0700`` folder (like ``/root``).

    ``base`` is the system interpreter (a link to it) for ``setup.sh``; ``grader`` is
    this test run's environment (a link to the whole virtualenv, so its packages come
    along) for ``run_autograder``. Root runs both.
    """
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    private.chmod(0o700)
    base = private / "python3"
    base.symlink_to(os.path.realpath(sys._base_executable))
    if sys.prefix != sys.base_prefix:
        (private / "venv").symlink_to(sys.prefix, target_is_directory=True)
        grader = private / "venv" / "bin" / Path(sys.executable).name
    else:
        grader = private / "python-grader"
        grader.symlink_to(sys.executable)
    return {"base": base, "grader": grader}


def unzip(base: Path, zip_path: Path) -> Path:
    """Unpack the zip into ``base/autograder/source``, as Gradescope does; return the root."""
    root = base / "autograder"
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(root / "source")
    return root


def autograder(base: Path, zip_path: Path) -> Path:
    """Lay out ``/autograder`` as Gradescope and ``setup.sh`` leave it, under ``base``.

    ``source/`` (the zip) is private to its owner; ``site/`` holds the bundled course
    package, readable by all, in place of the virtualenv; ``submission/`` and
    ``results/`` are empty.
    """
    root = unzip(base, zip_path)
    shutil.copytree(root / "source" / "course", root / "site")
    for path in [root / "source", *(root / "source").rglob("*")]:
        path.chmod(path.stat().st_mode & ~0o077)
    (root / "submission").mkdir()
    (root / "results").mkdir()
    return root


def run_autograder(root: Path, **env: str) -> tuple[dict[str, Any], str, str]:
    """Run the bundle's real run_autograder with bash; return results, their text, stdout."""
    environment = {
        **os.environ,
        "AUTOGRADER_ROOT": str(root),
        "AUTOGRADER_PYTHON": sys.executable,
        "AUTOGRADER_SANDBOX_USER": SANDBOX_USER,
        # The bundled copy of the course package, not the repository's, is graded with.
        "PYTHONPATH": str(root / "site"),
        **env,
    }
    proc = subprocess.run(["bash", str(root / "source" / "run_autograder")], cwd=root,
                          env=environment, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = (root / "results" / "results.json").read_text(encoding="utf-8")
    results = json.loads(text, parse_constant=_reject_constant)
    check_results(results)
    return results, text, proc.stdout


def toy_spec() -> AssignmentSpec:
    return AssignmentSpec.from_notebook(TOY, assignment_id="00-toy")


# ----------------------------------------------------------------- round trips (kernel)
@pytest.mark.parametrize("assignment_id", sorted(ASSIGNMENTS))
def test_solution_gets_full_marks(assignment_id: str, bundles: dict[str, Path],
                                  open_tmp: Path) -> None:
    notebook = ASSIGNMENTS[assignment_id]
    spec = AssignmentSpec.from_notebook(notebook, assignment_id=assignment_id)
    root = autograder(open_tmp, bundles[assignment_id])
    write(student_copy(notebook), root / "submission", spec.notebook)

    results, text, stdout = run_autograder(root)

    assert results["score"] == spec.max_score, results["output"]
    assert [t["status"] for t in results["tests"]] == ["passed"] * len(spec.tests)
    assert [t["max_score"] for t in results["tests"]] == [t.points for t in spec.tests]
    for test, cell in zip(results["tests"], spec.tests, strict=True):
        assert test["name"].endswith(f"({cell.grade_id})") or test["name"] == cell.grade_id
    assert "changed the read-only" not in results["output"]
    assert "graded by hand on Gradescope" in results["output"]
    assert_no_hidden_source(text, spec)
    assert str(root / "site" / "grader") in stdout  # the bundled grader ran
    assert results["extra_data"]["sandbox_user"] == (SANDBOX_USER if sandboxed() else None)


def test_untouched_release_gets_zero(bundles: dict[str, Path], open_tmp: Path) -> None:
    root = autograder(open_tmp, bundles["00-toy"])
    write(student_copy(TOY, release=True), root / "submission", "00-toy.ipynb")

    results, text, _ = run_autograder(root)

    assert results["score"] == 0
    assert {t["status"] for t in results["tests"]} == {"failed"}
    assert all("NotImplementedError" in t["output"] for t in results["tests"])
    assert results["output"].startswith("Autograded score: 0 / 3")
    assert_no_hidden_source(text, toy_spec())


def test_renamed_notebook_is_graded_with_a_note(bundles: dict[str, Path],
                                                open_tmp: Path) -> None:
    root = autograder(open_tmp, bundles["00-toy"])
    write(student_copy(TOY), root / "submission", "my homework (1).ipynb")

    results, _, _ = run_autograder(root)

    assert results["score"] == 3
    assert "my homework (1).ipynb, not 00-toy.ipynb" in results["output"]
    assert "graded anyway" in results["output"]


def test_hostile_files_do_not_reach_root_or_the_hidden_tests(
        bundles: dict[str, Path], tmp_path: Path, open_tmp: Path) -> None:
    root = autograder(open_tmp, bundles["00-toy"])
    marker = tmp_path / "planted-module-ran"
    # A module shadowing the standard library's argparse, which the kernel launcher
    # imports while it is still root, and a link to the hidden tests read by the answer.
    (root / "submission" / "argparse.py").write_text(
        f"open({str(marker)!r}, 'w').write('ran')\n")
    (root / "submission" / "leak.json").symlink_to(root / "source" / "spec.json")
    answer = "def double(x):\n    raise ValueError(open('leak.json').read()[:2000])\n"
    write(student_copy(TOY, answers={"ex1-answer": answer}), root / "submission",
          "00-toy.ipynb")

    results, text, _ = run_autograder(root)

    assert not marker.exists(), "a submitted module ran inside the grader"
    assert [t["score"] for t in results["tests"]] == [0, 1]
    assert "FileNotFoundError" in results["tests"][0]["output"]
    assert "Symbolic links and special files in your submission were ignored: leak.json" \
        in results["output"]
    assert "HIDDEN" not in text
    assert_no_hidden_source(text, toy_spec())


# --------------------------------------------------------- round trips (no kernel runs)
def test_corrupt_notebook_gets_zero_with_a_clear_message(bundles: dict[str, Path],
                                                         open_tmp: Path) -> None:
    root = autograder(open_tmp, bundles["00-toy"])
    write_raw('{"cells": [{"cell_type": "code", "sour', root / "submission", "00-toy.ipynb")

    results, _, _ = run_autograder(root)

    assert results["score"] == 0
    assert "00-toy.ipynb is not valid notebook JSON (line 1, column" in results["output"]
    assert "Download it again from Jupyter" in results["output"]
    assert len(results["tests"]) == 2
    assert all(t["output"].startswith("Not graded: ") for t in results["tests"])


def test_empty_submission_gets_zero_with_a_clear_message(bundles: dict[str, Path],
                                                         open_tmp: Path) -> None:
    root = autograder(open_tmp, bundles["00-toy"])

    results, _, _ = run_autograder(root)

    assert results["score"] == 0
    assert "No Jupyter notebook (.ipynb) was found in your submission" in results["output"]
    assert "Upload your completed 00-toy.ipynb" in results["output"]


def test_missing_spec_still_writes_valid_results(bundles: dict[str, Path],
                                                 open_tmp: Path) -> None:
    root = autograder(open_tmp, bundles["00-toy"])
    (root / "source" / "spec.json").unlink()
    write(student_copy(TOY), root / "submission", "00-toy.ipynb")

    results, _, stdout = run_autograder(root)

    assert results["score"] == 0 and results["tests"] == []
    assert SPEC_FAULT in results["output"]
    assert "cannot read the grading specification" in stdout


def test_grader_that_cannot_start_still_writes_valid_results(
        bundles: dict[str, Path], tmp_path: Path, open_tmp: Path) -> None:
    root = autograder(open_tmp, bundles["00-toy"])
    (root / "results" / "results.json").write_text('{"score": 100}')  # stale: replaced

    results, _, stdout = run_autograder(root, AUTOGRADER_PYTHON=str(tmp_path / "no-python"))

    assert results["score"] == 0 and results["tests"] == []
    assert "could not start" in results["output"]
    assert "without writing" in stdout


# ------------------------------------------- a misconfigured image (a Python under /root)
def run_setup(root: Path, python: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the bundle's real setup.sh on ``root``, with ``python`` as the system's Python.

    apt-get is skipped and the sandbox user is :data:`SANDBOX_USER`, which exists.
    """
    environment = {**os.environ, "AUTOGRADER_ROOT": str(root), "AUTOGRADER_SKIP_APT": "1",
                   "AUTOGRADER_SYSTEM_PYTHON": str(python),
                   "AUTOGRADER_SANDBOX_USER": SANDBOX_USER, **env}
    return subprocess.run(["bash", str(root / "source" / "setup.sh")], cwd=root,
                          env=environment, capture_output=True, text=True, check=False,
                          timeout=300)


@needs_runuser
def test_setup_fails_when_the_sandbox_user_cannot_run_the_interpreter(
        bundles: dict[str, Path], open_tmp: Path, private_python: dict[str, Path]) -> None:
    root = unzip(open_tmp, bundles["00-toy"])

    proc = run_setup(root, private_python["base"])

    assert proc.returncode != 0, proc.stdout + proc.stderr
    assert (f"setup.sh: FAILED: user '{SANDBOX_USER}' cannot run {root}/venv/bin/python "
            f"(it is {os.path.realpath(sys._base_executable)}), so student code would run "
            "as root and could read the hidden tests.") in proc.stderr
    assert ("Build the virtualenv from a Python that every user can execute, the system's "
            "/usr/bin/python3, not from one installed under /root (pyenv)") in proc.stderr
    assert "this autograder image must not grade anyone; fix it and rebuild" in proc.stderr
    assert "OK:" not in proc.stdout
    assert "Collecting" not in proc.stdout  # it failed fast, before the long installs


@needs_runuser
def test_setup_lets_a_system_interpreter_past_the_check(bundles: dict[str, Path],
                                                        open_tmp: Path) -> None:
    # The control for the test above: the same layout, with a Python that all can run.
    if not sandboxed():
        pytest.skip(f"{SANDBOX_USER!r} cannot run this machine's Python")
    root = unzip(open_tmp, bundles["00-toy"])

    proc = run_setup(root, Path(os.path.realpath(sys._base_executable)), PIP_NO_INDEX="1")

    assert f"setup.sh: OK: user '{SANDBOX_USER}' can run {root}/venv/bin/python" \
        in proc.stdout
    assert "FAILED" not in proc.stderr
    # Installing the requirements needs the index, which PIP_NO_INDEX takes away.
    assert proc.returncode != 0 and "numpy==" in proc.stderr


def _planting_submission(root: Path, marker: Path) -> None:
    """The toy's solution, whose first answer also creates ``marker`` when it runs."""
    answer = (f"open({str(marker)!r}, 'w').write('ran')\n"
              "def double(x):\n    return np.asarray(x) * 2\n")
    write(student_copy(TOY, answers={"ex1-answer": answer}), root / "submission",
          "00-toy.ipynb")


def test_misconfigured_image_on_gradescope_runs_no_student_code(
        bundles: dict[str, Path], open_tmp: Path, tmp_path: Path,
        private_python: dict[str, Path]) -> None:
    root = autograder(open_tmp, bundles["00-toy"])
    marker = tmp_path / "student-code-ran"
    _planting_submission(root, marker)

    # AUTOGRADER_REQUIRE_SANDBOX=1: the rule of root /autograder, in a temporary root.
    results, text, stdout = run_autograder(root, AUTOGRADER_PYTHON=str(private_python["grader"]),
                                           AUTOGRADER_REQUIRE_SANDBOX="1")

    assert not marker.exists(), "student code ran although the sandbox user was unusable"
    assert results["score"] == 0 and results["tests"] == []
    assert results["visibility"] == "visible"
    assert SANDBOX_FAULT in results["output"]
    assert "The autograder is misconfigured" in results["output"]
    assert "Tell your instructor" in results["output"]
    assert results["extra_data"] == {"error": "sandbox user unusable"}
    assert "grader: REFUSED TO GRADE: " in stdout
    if os.geteuid() == 0:
        assert (f"user {SANDBOX_USER!r} does not exist or cannot run this Python "
                f"({private_python['grader']})") in stdout
    assert_no_hidden_source(text, toy_spec())


def test_misconfigured_image_elsewhere_falls_back_and_says_so(
        bundles: dict[str, Path], open_tmp: Path, tmp_path: Path,
        private_python: dict[str, Path]) -> None:
    # The control for the test above: outside /autograder, today's fallback.
    root = autograder(open_tmp, bundles["00-toy"])
    marker = tmp_path / "student-code-ran"
    _planting_submission(root, marker)

    results, _, stdout = run_autograder(root, AUTOGRADER_PYTHON=str(private_python["grader"]))

    assert marker.exists()
    assert results["score"] == 3 and results["extra_data"]["sandbox_user"] is None
    assert "student code ran as the grader user" in stdout
    assert "grader: WARNING: " in stdout
    assert "Allowed only outside Gradescope" in stdout


def test_gradescope_root_requires_a_usable_sandbox_user(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    spec_path = tmp_path / "spec.json"
    spec_path.write_text(toy_spec().to_json())
    write(student_copy(TOY), tmp_path / "submission", "00-toy.ipynb")
    graded: list[Any] = []
    monkeypatch.setattr(gradescope, "grade_notebook", lambda *a, **k: graded.append(a))
    monkeypatch.setattr(gradescope, "DEFAULT_ROOT", tmp_path)  # stands for /autograder

    for user in ("no-such-user-13", None):
        results = run(tmp_path, spec_path, sandbox_user=user)

        check_results(results)
        assert SANDBOX_FAULT in results["output"]
        assert json.loads((tmp_path / "results" / "results.json").read_text()) == results
    assert gradescope.main(["--root", str(tmp_path / "elsewhere"), "--spec", str(spec_path),
                            "--sandbox-user", "no-such-user-13", "--require-sandbox"]) == 0
    elsewhere = json.loads((tmp_path / "elsewhere" / "results" / "results.json").read_text())
    assert SANDBOX_FAULT in elsewhere["output"]
    assert graded == []
    out = capsys.readouterr().out
    assert "user 'no-such-user-13' does not exist" in out or "not running as root" in out
    assert "no sandbox user was given" in out


def test_only_the_gradescope_root_requires_a_sandbox(tmp_path: Path) -> None:
    link = tmp_path / "link"
    link.symlink_to("/autograder", target_is_directory=True)

    assert sandbox_required(Path("/autograder"))
    assert sandbox_required(Path("/autograder/./"))
    assert sandbox_required(link)
    assert not sandbox_required(tmp_path)
    assert not sandbox_required(Path("/tmp/autograder"))


# ------------------------------------------------------------------- in-process units
def _report(**kwargs: Any) -> GradeReport:
    tests = [CellResult("ex1-tests", "Exercise 1: doubling", 2.0, 2.0, "Passed."),
             CellResult("ex2-tests", "ex2-tests", 0.0, 1.0, "Failed: pick")]
    return GradeReport(assignment_id="00-toy", student="s", tests=tests, **kwargs)


def test_results_for_maps_every_test_cell() -> None:
    results = results_for(_report(notes=["a note"], seconds=2.6), manual_points=2)

    check_results(results)
    assert results["score"] == 2.0 and results["execution_time"] == 3
    assert [t["name"] for t in results["tests"]] == ["Exercise 1: doubling (ex1-tests)",
                                                     "ex2-tests"]
    assert [t["number"] for t in results["tests"]] == ["1", "2"]
    assert [t["status"] for t in results["tests"]] == ["passed", "failed"]
    assert results["tests"][1]["output"] == "Failed: pick"
    assert results["output"].splitlines() == [
        "Autograded score: 2 / 3", "Note: a note",
        "The weekly questions (2 points) are graded by hand on Gradescope; their points "
        "are not part of this autograded score."]
    assert results["extra_data"]["max_score"] == 3.0


def test_results_for_survives_odd_reports() -> None:
    report = _report(seconds=float("nan"))
    report.tests[1].output = "x" * 50_000
    results = results_for(report)

    check_results(results)
    assert results["execution_time"] == 0
    assert len(results["tests"][1]["output"]) <= gradescope.MAX_OUTPUT_CHARS


def test_grader_crash_gives_zero_and_blames_the_grader(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    spec_path = tmp_path / "spec.json"
    spec_path.write_text(toy_spec().to_json())
    write(student_copy(TOY), tmp_path / "submission", "00-toy.ipynb")

    def crash(*args: Any, **kwargs: Any) -> GradeReport:
        raise RuntimeError("grader bug")

    monkeypatch.setattr(gradescope, "grade_notebook", crash)
    returned = run(tmp_path, spec_path, sandbox_user=None)

    written = json.loads((tmp_path / "results" / "results.json").read_text())
    assert written == returned
    check_results(written)
    assert written["score"] == 0 and len(written["tests"]) == 2
    assert GRADER_FAULT in written["output"]
    assert "RuntimeError: grader bug" in capsys.readouterr().out  # for the instructor


def test_binary_file_gets_zero_with_a_clear_message(tmp_path: Path) -> None:
    spec_path = tmp_path / "spec.json"
    spec_path.write_text(toy_spec().to_json())
    write_raw(b"\x89PNG\r\n\x1a\n\x00\x00", tmp_path / "submission", "00-toy.ipynb")

    results = run(tmp_path, spec_path, sandbox_user=None)

    check_results(results)
    assert results["score"] == 0
    assert "00-toy.ipynb is not a text file" in results["output"]


@pytest.mark.parametrize("spec_text", [None, "", "{not json", '{"assignment_id": 1}'])
def test_unreadable_spec_gives_zero_and_blames_the_grader(spec_text: str | None,
                                                          tmp_path: Path) -> None:
    spec_path = tmp_path / "source" / "spec.json"
    if spec_text is not None:
        spec_path.parent.mkdir()
        spec_path.write_text(spec_text)

    results = run(tmp_path, spec_path, sandbox_user="nobody")

    check_results(results)
    assert SPEC_FAULT in results["output"]
    assert json.loads((tmp_path / "results" / "results.json").read_text()) == results


def test_main_defaults_to_autograder_root_from_the_environment(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUTOGRADER_ROOT", str(tmp_path))

    assert gradescope.main([]) == 0

    results = json.loads((tmp_path / "results" / "results.json").read_text())
    check_results(results)  # no source/spec.json there: the grader's fault, still valid


def test_write_results_is_atomic(tmp_path: Path) -> None:
    path = tmp_path / "results" / "results.json"
    write_results({"score": 1.0}, path)

    with pytest.raises(ValueError):
        write_results({"score": float("nan")}, path)

    assert json.loads(path.read_text()) == {"score": 1.0}
    assert [p.name for p in path.parent.iterdir()] == ["results.json"]
