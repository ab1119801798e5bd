"""Every week of the course, end to end: nbgrader and our grader agree that the solution
earns every autograded point and the committed release none; the week's page and its
notebook follow the course's layout."""

import json
import re
from pathlib import Path

import pytest

from coursebuild.assignments import discover_assignments
from coursebuild.autograde import autograde_weeks
from coursebuild.grader_hook import course_grader_verdicts

ROOT = Path(__file__).resolve().parents[1]
WEEKS = [a.assignment_id for a in discover_assignments(ROOT)]
PAGE_SECTIONS = ["## Topics", "### Tasks", "### Viewing", "### Reading", "## Weekly Questions",
                 "## Deliverables"]


def test_the_course_has_weeks():
    assert "02-sampling" in WEEKS


# Both round trips are stored in build/cache/ (coursebuild.cache), where `make course`
# finds them again: each week's notebook runs once per grader per commit, not per command.
@pytest.mark.parametrize("week", WEEKS)
def test_nbgrader_gives_solution_full_marks_and_release_zero(week):
    result = autograde_weeks(ROOT, [week])[week]
    assert result.max_points > 0
    assert result.solution_points == result.max_points
    assert result.release_points == 0


@pytest.mark.parametrize("week", WEEKS)
def test_course_grader_gives_solution_full_marks_and_committed_release_zero(week):
    verdicts = course_grader_verdicts(ROOT, week)
    solution, release = verdicts["solution"], verdicts["release"]
    assert solution["max_score"] > 0
    assert solution["score"] == solution["max_score"], solution["failing"]
    assert release["score"] == 0, release


@pytest.mark.parametrize("week", WEEKS)
def test_week_page_has_the_course_sections(week):
    page = (ROOT / "solutions" / week / "README.md").read_text()
    positions = [page.find(section) for section in PAGE_SECTIONS]
    assert all(p >= 0 for p in positions), f"missing sections in {week}/README.md"
    assert positions == sorted(positions), "sections must follow the course page's order"
    assert (ROOT / "notebooks" / week / "README.md").read_text() == page


def _cells(week):
    nb = json.loads((ROOT / "solutions" / week / f"{week}.ipynb").read_text())
    return [(c["cell_type"], "".join(c["source"]), c["metadata"]) for c in nb["cells"]]


@pytest.mark.parametrize("week", WEEKS)
def test_weekly_questions_are_manually_graded_cells_of_the_notebook(week):
    page = (ROOT / "solutions" / week / "README.md").read_text()
    section = page.split("## Weekly Questions", 1)[1].split("## Deliverables", 1)[0]
    questions = [q for q in re.split(r"\n\* ", "\n" + section.strip()) if q.strip()][1:]
    manual = [meta["nbgrader"] for kind, _, meta in _cells(week)
              if meta.get("nbgrader", {}).get("grade") and meta["nbgrader"].get("solution")]
    assert len(questions) >= 3
    assert len(manual) == len(questions), "one manually graded answer cell per question"
    notebook_text = "\n".join(source for _, source, _ in _cells(week))
    for question in questions:
        words = " ".join(question.split())[:60]
        assert words in " ".join(notebook_text.split()), f"question not in notebook: {words}"


@pytest.mark.parametrize("week", WEEKS)
def test_notebook_follows_the_lesson_skeleton(week):
    cells = _cells(week)
    text = "\n".join(source for _, source, _ in cells)
    assert cells[0][1].startswith("# "), "the notebook opens with its title"
    assert "What you will learn" in text[:3000], "learning goals come first"
    assert any("parameters" in meta.get("tags", []) for _, _, meta in cells)
    assert 'SIZE = "small"' in text, "the parameters cell defaults to the small (CI) size"
    tests = [meta for _, _, meta in cells if meta.get("nbgrader", {}).get("grade")
             and not meta["nbgrader"].get("solution")]
    assert len(tests) >= 4, "at least four graded exercises"
    assert "## Summary" in text and "## Weekly Questions" in text


# The foundation's acceptance cases, under plain nbgrader (our grader's verdicts on every
# known answer are in tests/test_known_answers.py).
PLAIN_NBGRADER_CASES = {
    "first-k-reservoir": ("ex5-reservoir", "wrong_first_k.py"),
    "small-strata-dropped": ("ex2-stratified", "wrong_round_to_zero.py"),
}


def test_plain_nbgrader_autograde_takes_points_from_classic_mistakes(tmp_path):
    from coursebuild.benchmark_grading import nbgrader_autograde, prepare_nbgrader_course
    from coursebuild.submissions import student_copy, write

    week = "02-sampling"
    source = ROOT / "solutions" / week / f"{week}.ipynb"
    submitted = prepare_nbgrader_course(ROOT, week, tmp_path / "course")
    for student, (exercise, answer) in PLAIN_NBGRADER_CASES.items():
        code = (ROOT / "tests" / "answers" / week / exercise / answer).read_text()
        nb = student_copy(source, answers={f"{exercise}-answer": code})
        write(nb, submitted / student / week, f"{week}.ipynb")
    write(student_copy(source), submitted / "all-right" / week, f"{week}.ipynb")
    scores, _ = nbgrader_autograde(tmp_path / "course", week)
    assert scores["all-right"] == 10
    assert scores["first-k-reservoir"] == 10 - 3, "the reservoir exercise is worth 3 points"
    assert scores["small-strata-dropped"] == 10 - 2, "the stratified exercise is worth 2 points"
