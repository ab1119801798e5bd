"""The zips the course ships: Gradescope autograders, and the leak scan.

No zip may carry a solution; only a Gradescope zip's ``spec.json`` may carry hidden
tests (the grader needs them). The round trip through ``run_autograder`` is in
``test_gradescope.py``; what students get, the student repository, is tested in
``test_student_repo.py``.
"""

from __future__ import annotations

import re
import shutil
import stat
import subprocess
import tomllib
import zipfile
from pathlib import Path

import nbformat
import pytest

from coursebuild import bundle
from coursebuild.assignments import discover_assignments
from coursebuild.bundle import (
    SecretLeakError,
    build_all_gradescope,
    build_gradescope_bundle,
    course_secrets,
    scan_for_secrets,
)
from grader.spec import AssignmentSpec
from tests.grader_support import TOY, student_copy, write

REPO = Path(__file__).resolve().parents[1]
TOY_SOLUTIONS = ["return np.asarray(x) * 2", "return list(stream)[:k]"]
TOY_HIDDEN = ["assert np.array_equal(double(np.arange(5)), np.arange(5) * 2), "
              "'wrong for a range'", "assert N == 10, 'size'"]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A course repository with the toy assignment, its release and the course files."""
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    for package in ("helpers", "grader"):
        shutil.copytree(REPO / package, root / package,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    (root / "solutions" / "00-toy").mkdir(parents=True)
    shutil.copy(TOY, root / "solutions" / "00-toy" / "00-toy.ipynb")
    write(student_copy(TOY, release=True), root / "notebooks" / "00-toy", "00-toy.ipynb")
    (root / "notebooks" / "00-toy" / "README.md").write_text("# Toy\n\nDouble things.\n")
    (root / "README.md").write_text("# The course\n")
    (root / "environment.yml").write_text("name: course\n")
    (root / ".devcontainer").mkdir()
    (root / ".devcontainer" / "devcontainer.json").write_text('{"name": "course"}\n')
    (root / "tests").mkdir()
    (root / "tests" / "test_secret.py").write_text(f"# {TOY_HIDDEN[0]}\n")
    return root


def members(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n).decode("utf-8", errors="replace") for n in zf.namelist()}


def add_to_zip(path: Path, name: str, text: str) -> None:
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr(name, text)


# ------------------------------------------------------------------------- Gradescope
def test_gradescope_zip_layout(repo: Path, tmp_path: Path) -> None:
    path = build_gradescope_bundle(repo, "00-toy", tmp_path / "dist")

    assert path == tmp_path / "dist" / "00-toy.zip"
    files = members(path)
    assert {n.split("/")[0] for n in files} == {"setup.sh", "run_autograder",
                                                "requirements.txt", "spec.json", "course"}
    assert files["course/pyproject.toml"] == (repo / "pyproject.toml").read_text()
    for package in ("helpers", "grader"):
        for source in (repo / package).rglob("*.py"):
            name = f"course/{package}/{source.relative_to(repo / package).as_posix()}"
            assert files[name] == source.read_text(), name
    assert not [n for n in files if "__pycache__" in n or n.endswith(".pyc")]
    with zipfile.ZipFile(path) as zf:
        for name in ("setup.sh", "run_autograder"):
            mode = zf.getinfo(name).external_attr >> 16
            assert stat.S_ISREG(mode) and stat.S_IMODE(mode) == 0o755, name


def test_gradescope_zip_pins_the_course_requirements(repo: Path, tmp_path: Path) -> None:
    files = members(build_gradescope_bundle(repo, "00-toy", tmp_path))

    with (REPO / "pyproject.toml").open("rb") as handle:
        pins = tomllib.load(handle)["project"]["dependencies"]
    lines = [line for line in files["requirements.txt"].splitlines()
             if line and not line.startswith("#")]
    assert lines == pins
    assert all("==" in line for line in lines)


def test_gradescope_zip_spec_has_the_tests_and_no_solutions(repo: Path,
                                                            tmp_path: Path) -> None:
    path = build_gradescope_bundle(repo, "00-toy", tmp_path)
    files = members(path)

    spec = AssignmentSpec.from_json(files["spec.json"])
    assert spec == AssignmentSpec.from_notebook(TOY, assignment_id="00-toy")
    assert all(line in files["spec.json"] for line in ["wrong for a range", "N == 10"])
    for text in files.values():
        assert not any(line in text for line in TOY_SOLUTIONS)
    assert scan_for_secrets(path, repo) == []


def test_gradescope_scripts(repo: Path, tmp_path: Path) -> None:
    path = build_gradescope_bundle(repo, "00-toy", tmp_path)
    with zipfile.ZipFile(path) as zf:
        zf.extractall(tmp_path / "source")
    setup = (tmp_path / "source" / "setup.sh").read_text()
    run = (tmp_path / "source" / "run_autograder").read_text()

    for script in ("setup.sh", "run_autograder"):
        subprocess.run(["bash", "-n", str(tmp_path / "source" / script)], check=True)
    assert setup.startswith("#!/usr/bin/env bash\n") and run.startswith("#!/usr/bin/env bash\n")
    assert "00-toy" in setup and "@ASSIGNMENT_ID@" not in setup + run
    for expected in ("apt-get install -y --no-install-recommends python3 python3-venv",
                     'SYSTEM_PYTHON="${AUTOGRADER_SYSTEM_PYTHON:-/usr/bin/python3}"',
                     '"$SYSTEM_PYTHON" -m venv "$VENV"', 'ROOT="${AUTOGRADER_ROOT:-/autograder}"',
                     'VENV="$ROOT/venv"', 'SOURCE="$ROOT/source"',
                     '--requirement "$SOURCE/requirements.txt"',
                     '--no-deps "$SOURCE/course"', "useradd",
                     'SANDBOX_USER="${AUTOGRADER_SANDBOX_USER:-student}"',
                     'chmod -R go-rwx "$SOURCE"', 'runuser -u "$SANDBOX_USER"'):
        assert expected in setup, expected
    assert "-e " not in setup  # the installed course must not need the locked source
    # The environment is built from the system's Python, never from one found on PATH
    # (pyenv's, under /root, which the sandbox user cannot run).
    assert not re.search(r"^\s*python3? ", setup, flags=re.MULTILINE)
    # The image build ends with the sandbox user's proof.
    assert setup.rstrip().splitlines()[-5:-1] == ["check_python", "check_kernel_agent",
                                                  "check_hidden_tests",
                                                  "check_results_folder"]
    for expected in ('ROOT="${AUTOGRADER_ROOT:-/autograder}"',
                     'PYTHON="${AUTOGRADER_PYTHON:-$ROOT/venv/bin/python}"',
                     'SANDBOX_USER="${AUTOGRADER_SANDBOX_USER:-student}"',
                     "-m grader.gradescope", "export PYTHONSAFEPATH=1",
                     '"${REQUIRE_SANDBOX[@]}"'):
        assert expected in run, expected


def test_gradescope_zip_is_reproducible(repo: Path, tmp_path: Path) -> None:
    first = build_gradescope_bundle(repo, "00-toy", tmp_path / "a")
    second = build_gradescope_bundle(repo, "00-toy", tmp_path / "b")

    assert first.read_bytes() == second.read_bytes()
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["00-toy.zip"]


def test_build_all_gradescope_takes_each_assignment_folder(repo: Path, tmp_path: Path) -> None:
    (repo / "solutions" / "notes").mkdir()
    (repo / "solutions" / "01-misnamed").mkdir()
    shutil.copy(TOY, repo / "solutions" / "01-misnamed" / "other.ipynb")
    (repo / "solutions" / "03-copy").mkdir()
    shutil.copy(TOY, repo / "solutions" / "03-copy" / "03-copy.ipynb")

    paths = build_all_gradescope(repo, tmp_path / "dist")

    assert [p.name for p in paths] == ["00-toy.zip", "03-copy.zip"]
    spec = AssignmentSpec.from_json(members(paths[1])["spec.json"])
    assert spec.assignment_id == "03-copy" and spec.notebook == "03-copy.ipynb"


def test_gradescope_build_errors_are_clear(repo: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"no assignment '09-nope'.*known assignments: 00-toy"):
        build_gradescope_bundle(repo, "09-nope", tmp_path)

    pyproject = repo / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('"numpy==2.4.6"', '"numpy>=2"'))
    with pytest.raises(ValueError, match=r"not pinned: numpy>=2"):
        build_gradescope_bundle(repo, "00-toy", tmp_path)

    (repo / "solutions" / "00-toy" / "00-toy.ipynb").write_text(
        nbformat.writes(nbformat.v4.new_notebook()))
    with pytest.raises(ValueError, match="no autograded test cells"):
        build_gradescope_bundle(repo, "00-toy", tmp_path)
    assert not list(tmp_path.glob("*.zip"))


def test_gradescope_build_refuses_a_spec_that_leaks_a_solution(
        repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    leaky = AssignmentSpec.to_json

    def to_json(self: AssignmentSpec) -> str:
        return leaky(self) + f"\n// {TOY_SOLUTIONS[1]}"

    monkeypatch.setattr(AssignmentSpec, "to_json", to_json)
    with pytest.raises(SecretLeakError, match=r"spec.json: solution line of "
                                              r"solutions/00-toy/00-toy.ipynb, cell 'ex2-answer'"):
        build_gradescope_bundle(repo, "00-toy", tmp_path)
    assert not list(tmp_path.glob("*.zip"))


def test_scan_of_a_gradescope_zip_allows_hidden_tests_only_in_spec_json(
        repo: Path, tmp_path: Path) -> None:
    path = build_gradescope_bundle(repo, "00-toy", tmp_path)
    add_to_zip(path, "course/helpers/answers.py", f"def pick(stream, k):\n    "
                                                   f"{TOY_SOLUTIONS[1]}\n")
    add_to_zip(path, "notes.txt", TOY_HIDDEN[0])

    findings = scan_for_secrets(path, repo)

    assert len(findings) == 2
    assert findings[0].startswith("00-toy.zip:course/helpers/answers.py: solution line of "
                                  "solutions/00-toy/00-toy.ipynb, cell 'ex2-answer'")
    assert findings[1].startswith("00-toy.zip:notes.txt: hidden test line")
    assert not any(":spec.json:" in f for f in findings)
    assert len(scan_for_secrets(path, repo, hidden_tests_allowed_in=())) == 4


# ---------------------------------------------------------------------------- secrets
def test_secret_lines_of_the_toy(repo: Path) -> None:
    found = {(s.kind, s.text) for s in course_secrets(repo)}

    assert found == {("solution", line) for line in TOY_SOLUTIONS} | \
        {("hidden test", line) for line in TOY_HIDDEN}


def test_secret_lines_skip_what_is_public_anyway(repo: Path) -> None:
    nb = nbformat.read(repo / "solutions" / "00-toy" / "00-toy.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell(f"Hint: `{TOY_SOLUTIONS[0]}`"))
    nb.cells.append(nbformat.v4.new_markdown_cell(TOY_SOLUTIONS[1]))
    nbformat.write(nb, repo / "solutions" / "00-toy" / "00-toy.ipynb")
    (repo / "helpers" / "idioms.py").write_text(f"# {TOY_HIDDEN[1]}\n")

    found = {s.text for s in course_secrets(repo)}

    # Shown within a longer visible line (the hint) is public too, as for the release
    # check: notebooks/ shows the hint, so the student repository must not be refused for it.
    assert found == {TOY_HIDDEN[0]}


def test_unbalanced_regions_are_reported(repo: Path) -> None:
    nb = nbformat.read(repo / "solutions" / "00-toy" / "00-toy.ipynb", as_version=4)
    nb.cells[3].source = nb.cells[3].source.replace("    ### END SOLUTION", "")
    nbformat.write(nb, repo / "solutions" / "00-toy" / "00-toy.ipynb")

    with pytest.raises(ValueError, match=r"00-toy.ipynb, cell 3 \(ex1-answer\): "
                                         "'BEGIN SOLUTION' on line 2 has no 'END SOLUTION'"):
        course_secrets(repo)


# ------------------------------------------------------------------------ command line
def test_command_line(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bundle.main(["gradescope", "--root", str(repo), "--dest", str(tmp_path / "g")]) == 0
    assert capsys.readouterr().out.split() == [str(tmp_path / "g" / "00-toy.zip")]

    assert bundle.main(["gradescope", "--root", str(repo), "--assignment", "00-toy"]) == 0
    assert capsys.readouterr().out.split() == [str(repo / "dist" / "gradescope" / "00-toy.zip")]

    assert bundle.main(["gradescope", "--root", str(repo), "--assignment", "nope"]) == 1
    assert "error: no assignment 'nope'" in capsys.readouterr().err


# ------------------------------------------------------------------ the real repository
@pytest.mark.skipif(not discover_assignments(REPO), reason="no assignment in solutions/")
def test_the_repository_bundles_build_and_keep_their_secrets(tmp_path: Path) -> None:
    zips = build_all_gradescope(REPO, tmp_path / "gradescope")

    assert [p.stem for p in zips] == [a.assignment_id for a in discover_assignments(REPO)]
    for path in zips:
        assert scan_for_secrets(path, REPO) == []
