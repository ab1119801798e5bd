"""Batch grading: layouts, parallel grading, CSV and feedback pages, the command line."""

import csv
import shutil
from pathlib import Path

import pytest

from grader.batch import discover_submissions, grade_many, write_outputs
from grader.cli import main
from grader.spec import AssignmentSpec
from grader.submission import SubmissionError, find_notebook
from tests.grader_support import student_copy, write

TOY = Path(__file__).parent / "fixtures" / "grader-toy" / "00-toy.ipynb"


@pytest.fixture(scope="module")
def spec():
    return AssignmentSpec.from_notebook(TOY, assignment_id="00-toy")


@pytest.fixture(scope="module")
def submitted(tmp_path_factory):
    """nbgrader's layout with a right, a release (empty) and a broken submission."""
    root = tmp_path_factory.mktemp("submitted")
    write(student_copy(TOY), root / "ada" / "00-toy", "00-toy.ipynb")
    write(student_copy(TOY, release=True), root / "bob" / "00-toy", "00-toy.ipynb")
    (root / "cyd" / "00-toy").mkdir(parents=True)
    (root / "cyd" / "00-toy" / "00-toy.ipynb").write_text("{ not json")
    return root


def test_discover_nbgrader_layout(submitted):
    refs = discover_submissions(submitted, "00-toy")
    assert [r.student for r in refs] == ["ada", "bob", "cyd"]


def test_discover_flat_layout(tmp_path):
    for name in ("x", "y"):
        shutil.copy(TOY, tmp_path / f"{name}.ipynb")
    (tmp_path / "notes.txt").write_text("ignored")
    assert [r.student for r in discover_submissions(tmp_path, "00-toy")] == ["x", "y"]


def test_discover_errors_are_clear(tmp_path):
    with pytest.raises(FileNotFoundError, match="no submissions folder"):
        discover_submissions(tmp_path / "missing", "00-toy")
    with pytest.raises(ValueError, match="holds no submissions"):
        discover_submissions(tmp_path, "00-toy")


def test_find_notebook_prefers_the_assignment_name(tmp_path, spec):
    write(student_copy(TOY), tmp_path, "00-toy.ipynb")
    write(student_copy(TOY), tmp_path, "scratch.ipynb")
    path, notes = find_notebook(tmp_path, spec)
    assert path.name == "00-toy.ipynb" and notes == []
    (tmp_path / "00-toy.ipynb").unlink()
    path, notes = find_notebook(tmp_path, spec)
    assert path.name == "scratch.ipynb" and "not 00-toy.ipynb" in notes[0]
    (tmp_path / "scratch.ipynb").unlink()
    with pytest.raises(SubmissionError, match="No Jupyter notebook"):
        find_notebook(tmp_path, spec)


def test_parallel_batch_grades_and_writes_outputs(submitted, spec, tmp_path):
    reports = grade_many(spec, discover_submissions(submitted, "00-toy"), jobs=2,
                         progress=False)
    assert [(r.student, r.score) for r in reports] == [("ada", 3.0), ("bob", 0.0),
                                                       ("cyd", 0.0)]
    assert "not valid notebook JSON" in reports[2].notes[0]
    paths = write_outputs(reports, tmp_path)
    rows = list(csv.DictReader(paths["grades"].open()))
    assert [(r["student"], r["score"], r["ex1-tests"]) for r in rows] == [
        ("ada", "3", "2"), ("bob", "0", "0"), ("cyd", "0", "0")]
    page = (paths["feedback"] / "bob.html").read_text()
    assert "NotImplementedError" in page and "<title>" in page


def test_command_line_grades_a_folder(submitted, tmp_path, capsys):
    code = main(["grade", "--assignment", "00-toy", "--submissions", str(submitted),
                 "--source", str(TOY), "--out", str(tmp_path), "--jobs", "1", "--quiet"])
    assert code == 0
    assert "3 submissions graded" in capsys.readouterr().out
    assert (tmp_path / "grades.csv").exists()


def test_command_line_reports_a_missing_folder(tmp_path, capsys):
    code = main(["grade", "--assignment", "00-toy", "--submissions", str(tmp_path / "nope"),
                 "--source", str(TOY), "--quiet"])
    assert code == 2 and "no submissions folder" in capsys.readouterr().err
