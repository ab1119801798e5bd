"""coursebuild.assignments: discovery and the model of an instructor notebook."""

from pathlib import Path

import nbformat
import pytest

from coursebuild.assignments import (
    LineRange,
    MarkupError,
    convention_problems,
    discover_assignments,
    find_regions,
    layout_problems,
    literal_assignments,
    parse_source_notebook,
    read_source_notebook,
    select_assignments,
)
from coursebuild.testing import TOY_ASSIGNMENT, make_toy_repo


@pytest.fixture
def toy_repo(tmp_path: Path) -> Path:
    return make_toy_repo(tmp_path / "repo")


def test_discovers_the_toy_assignment(toy_repo: Path) -> None:
    (assignment,) = discover_assignments(toy_repo)
    assert assignment.assignment_id == TOY_ASSIGNMENT
    assert assignment.notebook == toy_repo / "solutions" / "00-toy" / "00-toy.ipynb"
    assert layout_problems(toy_repo) == []


def test_folders_that_are_not_assignments_are_left_out_and_explained(toy_repo: Path) -> None:
    solutions = toy_repo / "solutions"
    (solutions / "01-empty").mkdir()
    (solutions / "02-misnamed").mkdir()
    (solutions / "02-misnamed" / "week2.ipynb").write_text("{}")
    (solutions / "03-two").mkdir()
    for name in ("03-two.ipynb", "extra.ipynb"):
        (solutions / "03-two" / name).write_text("{}")
    (solutions / ".ipynb_checkpoints").mkdir()

    assert [a.assignment_id for a in discover_assignments(toy_repo)] == [TOY_ASSIGNMENT]
    problems = "\n".join(layout_problems(toy_repo))
    assert "solutions/01-empty/ has no notebook" in problems
    assert "02-misnamed.ipynb" in problems
    assert "03-two/ has 2 notebooks" in problems
    assert ".ipynb_checkpoints" not in problems


def test_select_assignments_rejects_unknown_ids(toy_repo: Path) -> None:
    assert [a.assignment_id for a in select_assignments(toy_repo, [TOY_ASSIGNMENT])] == [
        TOY_ASSIGNMENT
    ]
    with pytest.raises(ValueError, match="unknown assignment.*99-nope.*known: 00-toy"):
        select_assignments(toy_repo, ["99-nope"])


def test_select_assignments_explains_an_empty_course(tmp_path: Path) -> None:
    (tmp_path / "solutions").mkdir()
    with pytest.raises(ValueError, match="no assignments under"):
        select_assignments(tmp_path)


def test_model_of_the_toy_notebook(toy_repo: Path) -> None:
    (assignment,) = discover_assignments(toy_repo)
    model = assignment.read()

    assert model.assignment_id == TOY_ASSIGNMENT
    assert model.parameters is not None
    assert model.parameters.values == {"SIZE": "small"}

    (test,) = model.tests
    assert (test.grade_id, test.points) == ("double-tests", 2.0)
    assert test.hidden_ranges == (LineRange(2, 4),)
    assert test.hidden_lines == [
        "# False-reject rate: 0 (exact checks).",
        'assert double_all(range(n_items))[-1] == 2 * (n_items - 1), "hidden: last item doubles"'
    ]
    assert "BEGIN HIDDEN TESTS" not in test.visible_source
    assert "double_all([1, 2]) == [2, 4]" in test.visible_source

    (answer,) = model.answers
    assert answer.grade_id == "double-answer"
    assert [line.strip() for line in answer.solution_lines] == [
        "doubled_values = [2 * value for value in values]",
        "return doubled_values",
    ]

    (manual,) = model.manual
    assert (manual.grade_id, manual.cell_type, manual.points) == (
        "reflection-answer",
        "markdown",
        1.0,
    )
    assert manual.solution_lines == [manual.source]  # the whole cell is the answer

    assert model.autograded_points == 2.0
    assert model.manual_points == 1.0
    assert "def double_all(values):" in model.public_lines
    assert "return doubled_values" not in model.public_lines
    assert convention_problems(model) == []


def test_convention_problems_are_reported(toy_repo: Path) -> None:
    path = toy_repo / "solutions" / "00-toy" / "00-toy.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells = [c for c in nb.cells if "parameters" not in c.metadata.get("tags", [])]
    for cell in nb.cells:
        if cell.get("id") == "double-tests":
            cell.metadata.nbgrader.grade_id = "double-check"
    problems = convention_problems(parse_source_notebook(nb, "00-toy"))
    assert "00-toy: no code cell tagged 'parameters'" in problems
    assert any("'double-check' should end in '-tests'" in p for p in problems)


@pytest.mark.parametrize(("statement", "complaint"), [
    ("", "do not state their chance of rejecting a correct answer"),
    ("# False-reject rate: at most 1e-5 (z = 4)", "with probability 1e-5, more than 1e-06"),
    ("# False-reject rate: at most 6e-7 (one binomial check)", None),
    ("# False-reject rate: 0 (exact)", None),
])
def test_hidden_tests_state_a_small_false_reject_rate(
        toy_repo: Path, statement: str, complaint: str | None) -> None:
    path = toy_repo / "solutions" / "00-toy" / "00-toy.ipynb"
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.get("id") == "double-tests":
            lines = [line for line in cell.source.splitlines() if "False-reject" not in line]
            cell.source = "\n".join(lines).replace(
                "### BEGIN HIDDEN TESTS", "### BEGIN HIDDEN TESTS\n" + statement)
    problems = convention_problems(parse_source_notebook(nb, "00-toy"))
    if complaint is None:
        assert problems == []
    else:
        assert any(complaint in p for p in problems), problems


def test_find_regions_and_markup_errors() -> None:
    source = "a\n### BEGIN SOLUTION\nb\nc\n### END SOLUTION\nd"
    assert find_regions(source, "BEGIN SOLUTION", "END SOLUTION") == (LineRange(2, 4),)
    with pytest.raises(MarkupError, match="has no 'END SOLUTION'"):
        find_regions("### BEGIN SOLUTION\nx", "BEGIN SOLUTION", "END SOLUTION")
    with pytest.raises(MarkupError, match="nested"):
        find_regions(
            "### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION",
            "BEGIN SOLUTION",
            "END SOLUTION",
        )


def test_broken_markup_names_the_notebook_and_cell(toy_repo: Path) -> None:
    path = toy_repo / "solutions" / "00-toy" / "00-toy.ipynb"
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.get("id") == "double-answer":
            cell.source = cell.source.replace("    ### END SOLUTION", "")
    nbformat.write(nb, path)
    with pytest.raises(MarkupError, match=r"00-toy.ipynb, cell 3 \(double-answer\)"):
        read_source_notebook(path)


def test_literal_assignments_ignores_what_is_not_a_literal() -> None:
    source = 'SIZE = "small"\nSEED: int = 3\nN = compute()\nimport os'
    assert literal_assignments(source) == {"SIZE": "small", "SEED": 3}
    assert literal_assignments("SIZE = (") == {}
