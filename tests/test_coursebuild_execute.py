"""coursebuild.execute and coursebuild.validate: headless runs of the solution notebooks."""

import hashlib
from pathlib import Path

import nbformat
import pytest

from coursebuild.cli import main
from coursebuild.execute import NotebookExecutionError, execute_all, execute_assignment
from coursebuild.testing import TOY_ASSIGNMENT, make_toy_repo
from coursebuild.validate import SUCCESS_MESSAGE, validate_solutions


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def edit_cell(repo: Path, cell_id: str, old: str, new: str) -> None:
    path = repo / "solutions" / TOY_ASSIGNMENT / f"{TOY_ASSIGNMENT}.ipynb"
    nb = nbformat.read(path, as_version=4)
    (cell,) = [c for c in nb.cells if c.id == cell_id]
    assert old in cell.source
    cell.source = cell.source.replace(old, new)
    nbformat.write(nb, path)


@pytest.fixture
def toy_repo(tmp_path: Path) -> Path:
    return make_toy_repo(tmp_path / "repo")


def test_execution_writes_to_build_and_never_touches_sources(toy_repo: Path) -> None:
    # the notebook writes a file next to itself: it must land in build/, not solutions/
    edit_cell(toy_repo, "setup", "[SIZE]", '[SIZE]\nopen("made-by-notebook.txt", "w").write(SIZE)')
    before = tree_digest(toy_repo / "solutions")

    (result,) = execute_all(toy_repo)

    executed = toy_repo / "build" / "executed" / TOY_ASSIGNMENT
    assert result.output == executed / f"{TOY_ASSIGNMENT}.ipynb"
    assert result.seconds > 0
    assert tree_digest(toy_repo / "solutions") == before
    assert (executed / "made-by-notebook.txt").read_text() == "small"
    assert (executed / "README.md").is_file()

    nb = nbformat.read(result.output, as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and 'SIZE = "small"' in injected[0].source
    assert all(c.execution_count for c in nb.cells if c.cell_type == "code")


def test_parameters_reach_the_notebook(toy_repo: Path) -> None:
    edit_cell(toy_repo, "setup", "[SIZE]", '[SIZE]\nopen("made-by-notebook.txt", "w").write(SIZE)')
    execute_assignment(toy_repo, TOY_ASSIGNMENT, parameters={"SIZE": "full"})
    made = toy_repo / "build" / "executed" / TOY_ASSIGNMENT / "made-by-notebook.txt"
    assert made.read_text() == "full"


def test_a_failing_cell_is_named(toy_repo: Path) -> None:
    edit_cell(toy_repo, "double-answer", "2 * value", "3 * value")
    with pytest.raises(NotebookExecutionError) as caught:
        execute_assignment(toy_repo, TOY_ASSIGNMENT)
    error = caught.value
    assert error.ename == "AssertionError"
    message = str(error)
    assert message.startswith("00-toy: cell 4 (grade_id 'double-tests'")
    assert "double_all([1, 2]) should be [2, 4]" in message
    assert error.output.is_file()


def test_validate_reports_success_for_the_solution(
    toy_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree_digest(toy_repo / "solutions")
    assert main(["--root", str(toy_repo), "validate"]) == 0
    assert f"ok   00-toy: {SUCCESS_MESSAGE}" in capsys.readouterr().out
    assert tree_digest(toy_repo / "solutions") == before
    assert (toy_repo / "build" / "validate" / TOY_ASSIGNMENT / "00-toy.ipynb").is_file()


def test_validate_reports_a_failing_hidden_test(toy_repo: Path) -> None:
    edit_cell(toy_repo, "double-answer", "return doubled_values", "return doubled_values[:2]")
    (result,) = validate_solutions(toy_repo)
    assert not result.passed
    (message,) = result.messages
    assert message.startswith("test cell failed: assert double_all([1, 2]) == [2, 4]")
    assert "hidden: last item doubles" in message
