"""coursebuild.release: nbgrader generation, sync check and leak detection."""

import hashlib
import json
from pathlib import Path

import nbformat
import pytest

from coursebuild.cli import main
from coursebuild.leaks import secret_lines
from coursebuild.release import check_release_in_sync, find_leaks, generate_release
from coursebuild.testing import TOY_ASSIGNMENT, make_toy_repo

SOLUTION_LINE = "doubled_values = [2 * value for value in values]"
HIDDEN_LINE = (
    'assert double_all(range(n_items))[-1] == 2 * (n_items - 1), "hidden: last item doubles"'
)
WRITTEN_ANSWER = "Doubling preserves sums and scalar multiples, so it is linear."


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def toy_repo(tmp_path: Path) -> Path:
    return make_toy_repo(tmp_path / "repo")


@pytest.fixture
def released(toy_repo: Path) -> Path:
    generate_release(toy_repo)
    return toy_repo


def release_notebook(repo: Path) -> Path:
    return repo / "notebooks" / TOY_ASSIGNMENT / f"{TOY_ASSIGNMENT}.ipynb"


def cells_by_id(path: Path) -> dict[str, nbformat.NotebookNode]:
    return {cell.id: cell for cell in nbformat.read(path, as_version=4).cells}


def test_generation_strips_solutions_and_hidden_tests(toy_repo: Path) -> None:
    before = tree_digest(toy_repo / "solutions")
    (folder,) = generate_release(toy_repo)

    assert folder == toy_repo / "notebooks" / TOY_ASSIGNMENT
    assert sorted(p.name for p in folder.iterdir()) == ["00-toy.ipynb", "README.md"]
    text = release_notebook(toy_repo).read_text()
    for secret in ("BEGIN SOLUTION", "doubled_values", "BEGIN HIDDEN TESTS", "hidden: last item"):
        assert secret not in text
    assert "Doubling preserves sums" not in text

    cells = cells_by_id(release_notebook(toy_repo))
    assert cells["double-answer"].source.endswith(
        "# YOUR CODE HERE\n    raise NotImplementedError()"
    )
    assert cells["double-tests"].source == (
        'assert double_all([1, 2]) == [2, 4], "double_all([1, 2]) should be [2, 4]"'
    )
    assert cells["reflection-answer"].source == "YOUR ANSWER HERE"
    assert cells["parameters"].source.startswith('SIZE = "small"')
    # autograde needs nbgrader's checksums; students can't edit the tests
    assert cells["double-tests"].metadata.nbgrader.checksum
    assert cells["double-tests"].metadata.editable is False
    assert tree_digest(toy_repo / "solutions") == before
    assert (toy_repo / "build" / "gradebook.db").is_file()


def test_release_has_no_outputs_even_if_the_source_has(toy_repo: Path) -> None:
    source = toy_repo / "solutions" / TOY_ASSIGNMENT / f"{TOY_ASSIGNMENT}.ipynb"
    nb = nbformat.read(source, as_version=4)
    for number, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            cell.execution_count = number
            cell.outputs = [nbformat.v4.new_output("stream", text="ran\n")]
            cell.metadata["execution"] = {"iopub.execute_input": "2026-01-01T00:00:00Z"}
    nb.metadata["language_info"]["version"] = "3.11.7"
    nbformat.write(nb, source)

    generate_release(toy_repo)
    for cell in nbformat.read(release_notebook(toy_repo), as_version=4).cells:
        assert "execution" not in cell.metadata
        if cell.cell_type == "code":
            assert cell.outputs == []
            assert cell.execution_count is None
    assert (
        "version"
        not in json.loads(release_notebook(toy_repo).read_text())["metadata"]["language_info"]
    )


def test_regeneration_is_byte_stable(released: Path, tmp_path: Path) -> None:
    first = tree_digest(released / "notebooks")
    generate_release(released)
    assert tree_digest(released / "notebooks") == first
    generate_release(released, dest=tmp_path / "scratch")
    assert tree_digest(tmp_path / "scratch") == first


def test_sync_check_passes_on_a_fresh_release(released: Path) -> None:
    assert check_release_in_sync(released) == []
    assert find_leaks(released) == []


def test_sync_check_catches_an_edited_release(released: Path) -> None:
    path = release_notebook(released)
    path.write_text(path.read_text().replace("should be [2, 4]", "should be [2, 4]!"))
    (problem,) = check_release_in_sync(released)
    assert problem.startswith("notebooks/00-toy/00-toy.ipynb differs from a fresh release")
    assert "python -m coursebuild release" in problem
    assert "should be [2, 4]!" in problem  # the diff shows the edit


def test_sync_check_catches_a_changed_source(released: Path) -> None:
    readme = released / "solutions" / TOY_ASSIGNMENT / "README.md"
    readme.write_text(readme.read_text() + "\nOne more line.\n")
    (problem,) = check_release_in_sync(released)
    assert problem.startswith("notebooks/00-toy/README.md differs")


def test_sync_check_catches_missing_extra_and_stale_files(released: Path) -> None:
    (released / "notebooks" / TOY_ASSIGNMENT / "README.md").unlink()
    (released / "notebooks" / TOY_ASSIGNMENT / "scratch.py").write_text("x = 1\n")
    (released / "notebooks" / "99-old").mkdir()
    (released / "notebooks" / "99-old" / "99-old.ipynb").write_text("{}")
    problems = "\n".join(check_release_in_sync(released))
    assert "notebooks/99-old/ has no source in solutions/99-old/" in problems
    assert "notebooks/00-toy/README.md is missing" in problems
    assert "notebooks/00-toy/scratch.py is not part of a fresh release" in problems


def test_sync_check_catches_a_missing_release(toy_repo: Path) -> None:
    (problem,) = check_release_in_sync(toy_repo)
    assert problem.startswith("notebooks/00-toy/ is missing")


def test_check_release_leaves_everything_but_build_alone(released: Path) -> None:
    before = {name: tree_digest(released / name) for name in ("solutions", "notebooks")}
    check_release_in_sync(released)
    assert {name: tree_digest(released / name) for name in before} == before


def test_leak_of_a_solution_line_is_found(released: Path) -> None:
    path = release_notebook(released)
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.id == "double-answer":
            cell.source += f"\n    # {SOLUTION_LINE}"
    nbformat.write(nb, path)
    (leak,) = find_leaks(released)
    assert leak.startswith("notebooks/00-toy/00-toy.ipynb (assignment 00-toy)")
    assert "solution line of 00-toy, cell 'double-answer'" in leak
    assert SOLUTION_LINE in leak


def test_leaks_of_hidden_tests_and_written_answers_in_any_file_are_found(released: Path) -> None:
    readme = released / "notebooks" / TOY_ASSIGNMENT / "README.md"
    readme.write_text(readme.read_text() + f"\n    {HIDDEN_LINE}\n{WRITTEN_ANSWER}\n")
    leaks = find_leaks(released)
    assert len(leaks) == 2
    assert all(leak.startswith("notebooks/00-toy/README.md (assignment 00-toy)") for leak in leaks)
    assert any("hidden test line of 00-toy, cell 'double-tests'" in leak for leak in leaks)
    assert any("cell 'reflection-answer'" in leak for leak in leaks)


def test_leak_in_a_notebook_output_is_found(released: Path) -> None:
    path = release_notebook(released)
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.id == "setup":
            cell.outputs = [nbformat.v4.new_output("stream", text=f"{HIDDEN_LINE}\n")]
    nbformat.write(nb, path)
    assert len(find_leaks(released)) == 1


def test_short_and_public_lines_are_not_secrets() -> None:
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "import numpy as np\nfrom helpers.data import make_loans, more"
            ),
            nbformat.v4.new_code_cell(
                "### BEGIN SOLUTION\nimport numpy as np\nx = 1\nanswer_value = np.arange(3)\n"
                "from helpers.data import make_loans\n### END SOLUTION",
                metadata={"nbgrader": {"solution": True, "grade_id": "a-answer"}},
            ),
        ]
    )
    from coursebuild.assignments import parse_source_notebook

    secrets = secret_lines([parse_source_notebook(nb, "01-x")])
    assert [s.text for s in secrets] == ["answer_value = np.arange(3)"]


def test_cli_check_release(released: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(released), "check-release"]) == 0
    assert "in sync" in capsys.readouterr().out

    readme = released / "notebooks" / TOY_ASSIGNMENT / "README.md"
    readme.write_text(readme.read_text() + SOLUTION_LINE + "\n")
    assert main(["--root", str(released), "check-release"]) == 1
    out = capsys.readouterr().out
    assert "out of sync: notebooks/00-toy/README.md differs" in out
    assert "leak: notebooks/00-toy/README.md" in out


def test_cli_release_and_unknown_assignment(
    toy_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(toy_repo), "release", "-a", TOY_ASSIGNMENT]) == 0
    assert "generated notebooks/00-toy/" in capsys.readouterr().out
    assert main(["--root", str(toy_repo), "release", "-a", "99-nope"]) == 2
    assert "unknown assignment(s) 99-nope" in capsys.readouterr().err
