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


def test_cohort_report_numbers_match_grades_csv(submitted, spec, tmp_path):
    from grader.cohort import load_reports, summarize

    reports = grade_many(spec, discover_submissions(submitted, "00-toy"), jobs=1,
                         progress=False)
    paths = write_outputs(reports, tmp_path)
    rows = list(csv.DictReader(paths["grades"].open()))
    summary = summarize(load_reports(tmp_path / "reports.json"))
    assert summary.students == [r["student"] for r in rows]
    assert summary.totals == [float(r["score"]) for r in rows]
    for test in summary.tests:
        column = [float(r[test.grade_id]) for r in rows]
        assert test.scores == column
        assert test.passed == sum(score >= test.max_score for score in column)
        failed = sorted(s for students in test.failures.values() for s in students)
        assert failed == sorted(r["student"] for r in rows
                                if float(r[test.grade_id]) < test.max_score)
    page = paths["report"].read_text()
    assert "cohort report (3 submissions)" in page and page.count("data:image/png;base64") == 3


def test_cohort_report_groups_failures_and_flags_incidents():
    from grader.cohort import render_html, summarize
    from grader.judge import GradeReport, TestResult

    def report(student, outputs, problems=()):
        tests = [TestResult(gid, gid, 2.0 if out == "Passed." else 0.0, 2.0, out)
                 for gid, out in zip(["ex1-tests", "ex2-tests"], outputs, strict=True)]
        return GradeReport("00-toy", student, tests, cell_problems=list(problems))

    reports = [
        report("ann", ["Failed: expected 5 rows, got 3", "Passed."]),
        report("ben", ["Failed: expected 5 rows, got 4", "Passed."]),
        report("cat", ["Passed.", "Passed."],
               ["Code cell 3 ran longer than 60 s and was stopped."]),
        report("dan", ["Your code crashed the Python kernel", "Passed."],
               ["Code cell 5 (`x`) ran out of memory (MemoryError). The grader skipped it"]),
    ]
    summary = summarize(reports)
    [ex1, ex2] = summary.tests
    assert ex1.failures == {"Failed: expected # rows, got #": ["ann", "ben"],
                            "Your code crashed the Python kernel": ["dan"]}
    assert ex1.passed == 1 and ex2.pass_rate == 1.0
    assert summary.incidents == {"timeout": ["cat"], "memory": ["dan"], "crash": ["dan"]}
    assert summary.separating_nobody == [("ex2-tests", "everyone passes")]
    page = render_html(summary, images={"totals": "", "scores": "", "pass_rates": ""})
    assert "Failed: expected # rows, got #</td><td>2</td><td>ann, ben" in page
    assert "ex2-tests: everyone passes" in page


def test_command_line_rebuilds_the_cohort_report(submitted, tmp_path, capsys):
    assert main(["grade", "--assignment", "00-toy", "--submissions", str(submitted),
                 "--source", str(TOY), "--out", str(tmp_path), "--jobs", "1", "--quiet"]) == 0
    (tmp_path / "report.html").unlink()
    assert main(["cohort", str(tmp_path)]) == 0
    assert (tmp_path / "report.html").is_file()
    assert main(["cohort", str(tmp_path / "missing")]) == 2
    assert "no reports.json" in capsys.readouterr().err
