"""coursebuild.autograde and coursebuild.course: the nbgrader round trip and the report.

One course build (release, execution, nbgrader round trip) runs for the module.
"""

import hashlib
from pathlib import Path

import pytest

from coursebuild.autograde import AutogradeResult
from coursebuild.course import CourseBuild, build_course
from coursebuild.report import ReportSection
from coursebuild.testing import TOY_ASSIGNMENT, make_toy_repo


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def our_grader_hook(build: CourseBuild) -> None:
    """Stands in for the later step that adds our own grader's scores."""
    build.extra_columns.append("our grader")
    for row in build.rows:
        row.extra["our grader"] = "2/2"
    build.sections.append(ReportSection("Our grader", "All weeks graded the same."))


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, CourseBuild, dict]:
    repo = make_toy_repo(tmp_path_factory.mktemp("course") / "repo")
    before = tree_digest(repo / "solutions")
    build = build_course(repo, hooks=[our_grader_hook], progress=lambda line: None)
    return repo, build, before


def test_solution_gets_full_marks_and_release_zero(course) -> None:
    _, build, _ = course
    assert build.row(TOY_ASSIGNMENT).autograde == AutogradeResult(
        assignment_id=TOY_ASSIGNMENT,
        graded_cells=1,
        max_points=2.0,
        solution_points=2.0,
        release_points=0.0,
        manual_cells=1,
        manual_points=1.0,
    )
    assert build.ok


def test_round_trip_uses_nbgraders_layout_under_build(course) -> None:
    repo, _, _ = course
    workdir = repo / "build" / "nbgrader" / "00-toy"
    for student in ("solution", "release"):
        assert (workdir / "submitted" / student / "00-toy" / "00-toy.ipynb").is_file()
        assert (workdir / "autograded" / student / "00-toy" / "00-toy.ipynb").is_file()
    assert (workdir / "gradebook.db").is_file()
    assert (workdir / "nbgrader.log").is_file()


def test_course_build_never_touches_sources(course) -> None:
    repo, _, before = course
    assert tree_digest(repo / "solutions") == before
    assert (repo / "notebooks" / "00-toy" / "00-toy.ipynb").is_file()
    assert (repo / "build" / "executed" / "00-toy" / "00-toy.ipynb").is_file()


def test_report_is_written_with_the_hooks_column_and_section(course) -> None:
    repo, build, _ = course
    report = (repo / "build" / "report.md").read_text()
    assert report == build.render()
    header, rule, row = [line for line in report.splitlines() if line.startswith("|")]
    assert header == (
        "| assignment | run time (s) | graded cells | max points | solution points "
        "| release points | manual cells | our grader | status |"
    )
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[0] == "00-toy"
    assert float(cells[1]) > 0
    assert cells[2:] == ["1", "2", "2", "0", "1", "2/2", "OK"]
    assert "## Our grader" in report
    assert "1 of 1 weeks OK." in report
