"""Hostile and broken submissions of the toy assignment, graded end to end.

Every case grades a student-like copy of ``tests/fixtures/grader-toy/00-toy.ipynb``
(ex1 ``double``: 2 points, ex2 ``pick``: 1 point) and checks three things: grading
finished (a report, one result per test cell, no exception), the exact score of each
test cell, and a message in the feedback that tells the student what happened.

The code put into submissions lives in ``tests/hostile/*.ipy`` (not ``.py``: pytest's
``--doctest-modules`` would import it). ``tests/grader_support.py`` builds the
submissions. ``docs/grading.md`` maps each threat to the test that covers it.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import nbformat
import pytest

from grader.judge import GradeReport, failed_report, grade_notebook
from grader.kernel import SandboxConfig
from grader.spec import AssignmentSpec
from grader.submission import SubmissionError, find_notebook

#: Every case grades its own submission: spread them over pytest-xdist's workers.
XDIST_SPREAD = True


def _load_support() -> ModuleType:
    # pytest runs with --import-mode=importlib, so tests/ is not on sys.path.
    if "grader_support" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "grader_support", Path(__file__).with_name("grader_support.py"))
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["grader_support"] = module
        spec.loader.exec_module(module)
    return sys.modules["grader_support"]


support = _load_support()

HOSTILE = Path(__file__).resolve().parent / "hostile"
NOTEBOOK = "00-toy.ipynb"
EX1, EX2 = "ex1-tests", "ex2-tests"
FULL = {EX1: 2.0, EX2: 1.0}
ZERO = {EX1: 0.0, EX2: 0.0}
ONLY_EX2 = {EX1: 0.0, EX2: 1.0}
#: Wrong implementations that return values (not the release's NotImplementedError).
WRONG = {
    "ex1-answer": "def double(x):\n    return np.asarray(x) * 3",
    "ex2-answer": "def pick(stream, k):\n    return list(stream)[: k + 1]",
}
#: Memory limit for the memory bombs: small, so that a growing list reaches it quickly.
SMALL_MEMORY = SandboxConfig(memory_mb=1536)
#: Where the fake-results cheat writes, as a harness's results path would be given.
RESULTS_PLACEHOLDER = "__FAKE_RESULTS_PATH__"
#: A variable of the grader's environment; student code should not see it.
SENTINEL_ENV = "HOSTILE_GRADER_SENTINEL"


# ----------------------------------------------------------------------------- helpers
def snippet(name: str) -> str:
    """The hostile code ``tests/hostile/<name>.ipy``."""
    return (HOSTILE / f"{name}.ipy").read_text()


@pytest.fixture(scope="module")
def spec() -> AssignmentSpec:
    return dataclasses.replace(AssignmentSpec.from_notebook(support.TOY), cell_timeout=5,
                               call_timeout=5)


def grade(spec: AssignmentSpec, nb: nbformat.NotebookNode | None, folder: Path, *,
          config: SandboxConfig | None = None, name: str = NOTEBOOK) -> GradeReport:
    """Write ``nb`` (unless ``None``: already there) into ``folder`` and grade it."""
    path = support.write(nb, folder, name) if nb is not None else folder / name
    return grade_notebook(spec, path, student="hostile", config=config or SandboxConfig())


def grade_folder(spec: AssignmentSpec, folder: Path) -> GradeReport:
    """Grade a whole submission folder, as a harness does: find the notebook, grade it."""
    try:
        path, notes = find_notebook(folder, spec)
    except SubmissionError as exc:
        return failed_report(spec, "hostile", str(exc))
    return grade_notebook(spec, path, student="hostile", notes=notes)


def scores(report: GradeReport) -> dict[str, float]:
    return {t.grade_id: t.score for t in report.tests}


def feedback(report: GradeReport, where: str) -> str:
    """Feedback text: ``"notes"``, ``"problems"`` (cell problems) or a test cell's output."""
    if where == "notes":
        return "\n".join(report.notes)
    if where == "problems":
        return "\n".join(report.cell_problems)
    return next(t.output for t in report.tests if t.grade_id == where)


def check(report: GradeReport, expected: dict[str, float],
          messages: tuple[tuple[str, str], ...] = ()) -> None:
    """Grading finished, with the ``expected`` scores and every ``(where, fragment)``."""
    assert isinstance(report, GradeReport)
    assert [t.grade_id for t in report.tests] == [EX1, EX2], "one result per test cell"
    assert report.max_score == 3.0
    assert scores(report) == expected, report.summary() + "\n" + "\n".join(
        f"{t.grade_id}: {t.output}" for t in report.tests)
    assert report.summary().startswith(f"Autograded score: {sum(expected.values()):g} / 3")
    for result in report.tests:
        assert result.output, f"{result.grade_id} has no feedback"
    for where, fragment in messages:
        text = feedback(report, where)
        assert fragment.lower() in text.lower(), f"{fragment!r} not in {where}:\n{text}"
        if where in ("notes", "problems"):
            assert fragment.lower() in report.summary().lower()


def right() -> nbformat.NotebookNode:
    """A submission with every answer right."""
    return support.student_copy(support.TOY)


def release() -> nbformat.NotebookNode:
    """The untouched release: every answer raises NotImplementedError."""
    return support.student_copy(support.TOY, release=True)


def with_cell(source: str, after: str = "ex1-answer",
              nb: nbformat.NotebookNode | None = None) -> nbformat.NotebookNode:
    """A right submission (or ``nb``) with a student cell inserted after cell ``after``."""
    nb = nb if nb is not None else right()
    return support.insert_cell(nb, support.cell_index(nb, after) + 1, source)


def with_double(source: str) -> nbformat.NotebookNode:
    """A submission whose ex1 answer is ``source``; ex2 right."""
    return support.student_copy(support.TOY, answers={"ex1-answer": source})



# ----------------------------------------------------------------------------- baselines
def test_right_answers_get_full_marks_and_no_remarks(spec: AssignmentSpec,
                                                     tmp_path: Path) -> None:
    report = grade(spec, right(), tmp_path)
    check(report, FULL, ((EX1, "Passed."), (EX2, "Passed.")))
    assert report.notes == [] and report.cell_problems == []


@pytest.mark.parametrize("build, messages", [
    pytest.param(release, ((EX1, "raised NotImplementedError"),
                           (EX2, "raised NotImplementedError")), id="release"),
    pytest.param(lambda: support.student_copy(support.TOY, answers=WRONG),
                 ((EX1, "Failed: double([1, 2]) should be [2, 4]"), (EX2, "Failed: pick")),
                 id="wrong-implementations"),
])
def test_wrong_answers_get_zero(spec: AssignmentSpec, tmp_path: Path,
                                build: Callable[[], nbformat.NotebookNode],
                                messages: tuple[tuple[str, str], ...]) -> None:
    check(grade(spec, build(), tmp_path), ZERO, messages)


# ----------------------------------------------------------------------------- files
def _right_json() -> str:
    return nbformat.writes(right())


UNREADABLE = {
    "corrupt-json": (lambda: _right_json().replace('"cells": [', '"cells": [;', 1),
                     "is not valid notebook JSON"),
    "truncated-json": (lambda: _right_json()[: len(_right_json()) // 2],
                       "may be damaged or truncated"),
    "no-cells": (lambda: nbformat.writes(nbformat.v4.new_notebook()), "has no cells"),
    "zero-bytes": (lambda: b"", "is an empty file"),
    "json-object-not-notebook": (lambda: json.dumps({"answers": {"double": "x * 2"}}),
                                 "is JSON but not a Jupyter notebook"),
    "json-list-not-notebook": (lambda: "[1, 2, 3]", "is JSON but not a Jupyter notebook"),
    "binary": (lambda: b"PK\x03\x04\x14\x00\xff\xfe\x00", "is not a text file"),
}


@pytest.mark.parametrize("case", UNREADABLE)
def test_unreadable_file_gets_zero_and_says_why(spec: AssignmentSpec, tmp_path: Path,
                                                case: str) -> None:
    make, fragment = UNREADABLE[case]
    support.write_raw(make(), tmp_path, NOTEBOOK)
    report = grade(spec, None, tmp_path)
    check(report, ZERO, (("notes", fragment), ("notes", NOTEBOOK), (EX1, "Not graded"),
                         (EX2, fragment)))


def _break_structure(mutate: Callable[[dict], None]) -> Callable[[], dict]:
    def make() -> dict:
        data = json.loads(_right_json())
        mutate(data)
        return data
    return make


def _cell(data: dict, gid: str) -> dict:
    return next(c for c in data["cells"]
                if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == gid)




@pytest.mark.parametrize("make, expected, messages", [
    # A cell's source that is not text reads as an empty cell: that answer is lost.
    pytest.param(_break_structure(lambda d: _cell(d, "ex1-answer").update(source=5)),
                 ONLY_EX2, ((EX1, "name 'double' is not defined"),), id="source-is-a-number"),
    # nbgrader metadata that is not an object is ignored: the cell runs as the student's.
    pytest.param(_break_structure(
        lambda d: _cell(d, "setup")["metadata"].update(nbgrader="locked")), FULL, (),
        id="nbgrader-metadata-is-text"),
    pytest.param(_break_structure(lambda d: d["metadata"].update(kernelspec="ir")), FULL, (),
                 id="kernelspec-is-text"),
    pytest.param(_break_structure(
        lambda d: _cell(d, "ex1-answer")["metadata"]["nbgrader"].update(grade_id=["x"])),
        FULL, (), id="grade-id-is-a-list"),
    pytest.param(_break_structure(lambda d: d["cells"].insert(0, 5)), ZERO,
                 (("notes", "cell 1 is not a notebook cell"), (EX1, "Not graded")),
                 id="cell-is-a-number"),
])
def test_notebook_with_broken_parts_is_graded_as_far_as_possible(
        spec: AssignmentSpec, tmp_path: Path, make: Callable[[], dict],
        expected: dict[str, float], messages: tuple[tuple[str, str], ...]) -> None:
    support.write_raw(make(), tmp_path, NOTEBOOK)
    check(grade(spec, None, tmp_path), expected, messages)


def test_misnamed_notebook_is_graded_with_a_note(spec: AssignmentSpec, tmp_path: Path) -> None:
    support.write(right(), tmp_path, "00-toy (1).ipynb")
    report = grade_folder(spec, tmp_path)
    check(report, FULL, (("notes", "named 00-toy (1).ipynb, not 00-toy.ipynb"),))


def test_of_several_misnamed_notebooks_the_one_with_the_tests_is_graded(
        spec: AssignmentSpec, tmp_path: Path) -> None:
    scratch = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    support.write(scratch, tmp_path, "a-scratch.ipynb")
    support.write(right(), tmp_path / "work", "mine.ipynb")
    report = grade_folder(spec, tmp_path)
    check(report, FULL, (("notes", "mine.ipynb was graded"),))


def test_folder_without_notebook_gets_zero_and_says_why(spec: AssignmentSpec,
                                                        tmp_path: Path) -> None:
    (tmp_path / "answers.py").write_text("def double(x):\n    return x * 2\n")
    report = grade_folder(spec, tmp_path)
    check(report, ZERO, (("notes", "No Jupyter notebook"), ("notes", "answers.py"),
                         (EX1, "Not graded")))


def test_r_kernel_notebook_is_run_with_python(spec: AssignmentSpec, tmp_path: Path) -> None:
    nb = right()
    nb.metadata["kernelspec"] = {"name": "ir", "display_name": "R", "language": "R"}
    nb.metadata["language_info"] = {"name": "R"}
    check(grade(spec, nb, tmp_path), FULL,
          (("notes", "asks for the ir kernel"), ("notes", "Python 3")))


# ----------------------------------------------------------------------------- edits
def _swap_exercises() -> nbformat.NotebookNode:
    nb = right()
    one, two = support.cell_index(nb, "ex1-answer"), support.cell_index(nb, "ex2-answer")
    cells = nb.cells
    nb.cells = cells[:one] + cells[two:two + 2] + cells[one:one + 2] + cells[two + 2:]
    return nb


def _edit(nb: nbformat.NotebookNode, **sources: str) -> nbformat.NotebookNode:
    for gid, source in sources.items():
        support.set_source(nb, gid.replace("_", "-"), source)
    return nb


EDITS = {
    # case: (build, expected, messages)
    "deleted-answer-cell": (lambda: support.delete_cell(right(), "ex1-answer"), ONLY_EX2,
                            ((EX1, "name 'double' is not defined"),)),
    "deleted-test-cell": (lambda: support.delete_cell(right(), EX1), FULL,
                          (("notes", "test cell ex1-tests is missing"),)),
    "exercise-blocks-swapped": (_swap_exercises, FULL, ()),
    "test-above-its-answer": (lambda: support.move_cell(right(), EX1, "ex1-answer"),
                              ONLY_EX2, ((EX1, "name 'double' is not defined"),
                                         (EX1, "before the test cell"))),
    "locked-tests-emptied-right-answers": (
        lambda: _edit(right(), ex1_tests="pass", ex2_tests="assert True"), FULL,
        (("notes", "changed the read-only test cell ex1-tests"),
         ("notes", "changed the read-only test cell ex2-tests"))),
    "locked-tests-emptied-release": (
        lambda: _edit(release(), ex1_tests="pass", ex2_tests="assert True"), ZERO,
        (("notes", "changed the read-only test cell ex1-tests"),
         ("notes", "graded with its original content"), (EX1, "NotImplementedError"))),
    "locked-tests-emptied-wrong-answers": (
        lambda: _edit(support.student_copy(support.TOY, answers=WRONG),
                      ex1_tests="assert True", ex2_tests="pass"), ZERO,
        (("notes", "changed the read-only test cell ex2-tests"),
         (EX1, "should be [2, 4]"))),
    # N = 999 would fail the hidden check N == 10: the original setup must run instead.
    "locked-setup-edited": (
        lambda: _edit(right(), setup="import numpy as np\nN = 999\nSIZE = 'full'"), FULL,
        (("notes", "changed the read-only cell setup"),
         ("notes", "run with its original content"))),
}


@pytest.mark.parametrize("case", EDITS)
def test_edited_notebook_is_graded_with_the_instructors_cells(
        spec: AssignmentSpec, tmp_path: Path, case: str) -> None:
    build, expected, messages = EDITS[case]
    check(grade(spec, build(), tmp_path), expected, messages)


# ----------------------------------------------------------------------------- kernel abuse

KERNEL_ABUSE = [
    # id, build, config, expected, messages, marks
    ("loop-in-cell", lambda: with_cell(snippet("cell_loop_forever")), None, FULL,
     (("problems", "Code cell 4"), ("problems", "ran longer than 5 s and was stopped")), ()),
    ("loop-ignoring-sigint-in-cell", lambda: with_cell(snippet("cell_ignore_sigint_loop")),
     None, FULL, (("problems", "Code cell 4"), ("problems", "ran longer than 5 s")), ()),
    ("print-forever-in-cell", lambda: with_cell(snippet("cell_print_forever")), None, FULL,
     (("problems", "ran longer than 5 s"), ("problems", "printed too much output")), ()),
    ("print-50mb-in-cell", lambda: with_cell(snippet("cell_print_50mb")), None, FULL,
     (("problems", "Code cell 4"), ("problems", "printed too much output")),
     ()),
    ("bytearray-bomb-in-cell", lambda: with_cell(snippet("cell_bytearray_bomb")),
     SMALL_MEMORY, FULL, (("problems", "Code cell 4"), ("problems", "MemoryError")), ()),
    ("list-bomb-in-cell", lambda: with_cell(snippet("cell_list_bomb")), SMALL_MEMORY, FULL,
     (("problems", "Code cell 4"), ("problems", "memory")), ()),
    ("os-exit-in-cell", lambda: with_cell(snippet("cell_os_exit")), None, FULL,
     (("problems", "Code cell 4"), ("problems", "crashed the Python kernel")), ()),
    ("sys-exit-in-cell", lambda: with_cell(snippet("cell_sys_exit")), None, FULL,
     (("problems", "Code cell 4"), ("problems", "SystemExit")), ()),
    ("ipython-exit-in-cell", lambda: with_cell(snippet("cell_exit_builtin")), None, FULL,
     (("problems", "Code cell 4"),), ()),
    ("loop-in-answer", lambda: with_double(snippet("answer_double_loops")), None, ONLY_EX2,
     ((EX1, "did not finish within 5 seconds"),), ()),
    ("loop-ignoring-interrupt-in-answer",
     lambda: with_double(snippet("answer_double_ignores_interrupt")), None, ONLY_EX2,
     ((EX1, "did not finish within 5 seconds"),), ()),
    ("list-bomb-in-answer", lambda: with_double(snippet("answer_double_memory_bomb")),
     SMALL_MEMORY, ONLY_EX2, ((EX1, "MemoryError"),), ()),
    ("bytearray-bomb-in-answer", lambda: with_double(snippet("answer_double_bytearray_bomb")),
     SMALL_MEMORY, ONLY_EX2, ((EX1, "MemoryError"),), ()),
    ("os-exit-in-answer", lambda: with_double(snippet("answer_double_os_exit")), None,
     ONLY_EX2, ((EX1, "crashed the Python kernel"),), ()),
    ("sys-exit-in-answer", lambda: with_double(snippet("answer_double_sys_exit")), None,
     ONLY_EX2, ((EX1, "SystemExit"),), ()),
    ("right-answer-printing-50mb", lambda: with_double(snippet("answer_double_prints_50mb")),
     None, FULL, ((EX1, "Passed."),), ()),
]


@pytest.mark.parametrize(
    "build, config, expected, messages",
    [pytest.param(*case[1:5], id=case[0], marks=case[5]) for case in KERNEL_ABUSE])
def test_kernel_abuse_costs_only_the_abusing_exercise(
        spec: AssignmentSpec, tmp_path: Path, build: Callable[[], nbformat.NotebookNode],
        config: SandboxConfig | None, expected: dict[str, float],
        messages: tuple[tuple[str, str], ...]) -> None:
    check(grade(spec, build(), tmp_path, config=config), expected, messages)


def test_crash_in_answer_message_reads_well(spec: AssignmentSpec, tmp_path: Path) -> None:
    report = grade(spec, with_double(snippet("answer_double_os_exit")), tmp_path)
    check(report, ONLY_EX2, ((EX1, "kernel"),))
    assert "Your code the" not in feedback(report, EX1)


# ----------------------------------------------------------------------------- cheats
def _cheat_layout(cheat: str, answers: str) -> nbformat.NotebookNode:
    """Both answers, then the cheat, then both tests: where a cheat works best in Jupyter
    (it cannot spoil the answers, and every test cell runs after it)."""
    nb = {"right": right, "release": release,
          "wrong": lambda: support.student_copy(support.TOY, answers=WRONG)}[answers]()
    support.move_cell(nb, "ex2-answer", EX1)
    return support.insert_cell(nb, support.cell_index(nb, EX1), snippet(cheat))


ANSWERS = {"release": (ZERO, ((EX1, "NotImplementedError"), (EX2, "NotImplementedError"))),
           "wrong": (ZERO, ((EX1, "should be [2, 4]"), (EX2, "Failed: pick"))),
           "right": (FULL, ((EX1, "Passed."), (EX2, "Passed.")))}
CHEATS = ["cheat_input_transformer", "cheat_ipython_hooks", "cheat_monkeypatch",
          "cheat_fake_results"]


@pytest.mark.parametrize("cheat, answers", [
    pytest.param(cheat, answers, id=f"{cheat.removeprefix('cheat_')}-{answers}")
    for cheat in CHEATS for answers in ANSWERS
])
def test_cheat_changes_nothing(spec: AssignmentSpec, tmp_path: Path,
                               cheat: str,
                               answers: str) -> None:
    fake_results = tmp_path / "autograder" / "results" / "results.json"
    submission = tmp_path / "submission"
    expected, messages = ANSWERS[answers]
    nb = _cheat_layout(cheat, answers)
    for cell in nb.cells:  # the kernel sees none of the grader's environment: name the path
        cell.source = cell.source.replace(RESULTS_PLACEHOLDER, str(fake_results))
    report = grade(spec, nb, submission)
    check(report, expected, messages)
    shown = report.summary() + "".join(t.output for t in report.tests)
    assert "All tests passed" not in shown
    if cheat == "cheat_fake_results":
        # The student's code ran in a scratch copy, never in the submission folder...
        assert not (submission / "results.json").exists()
        # ...and what it wrote elsewhere did not reach the report (a harness must write
        # its results file after grading, from the report, and never read it back).
        if report.sandbox_user is None:
            assert json.loads(fake_results.read_text())["score"] == 3.0


@pytest.mark.parametrize("answer", ["answer_always_equal", "answer_rigged_containers"])
def test_rigged_answer_objects_get_zero(spec: AssignmentSpec, tmp_path: Path,
                                        answer: str) -> None:
    # One cell defines both double and pick; the ex2 answer cell is left empty.
    nb = support.student_copy(support.TOY,
                              answers={"ex1-answer": snippet(answer), "ex2-answer": ""})
    check(grade(spec, nb, tmp_path), ZERO,
          ((EX1, "Failed: double([1, 2]) should be [2, 4]"), (EX2, "Failed: pick")))


# ----------------------------------------------------------------------------- agent forgery
FORGED = [
    # id, reply text
    ("not-json", "not json"),
    ("not-an-object", "[1, 2]"),
    ("malformed-tree", json.dumps({"ok": True, "value": {"$complex": 5}})),
    ("error-is-text", json.dumps({"ok": False, "error": "boom"})),
    ("deeply-nested", '{"ok": true, "value": ' + "[" * 100_000 + "]" * 100_000 + "}"),
    ("five-argument-exception", json.dumps(
        {"ok": False, "error": {"type": "UnicodeDecodeError", "message": "x"}})),
    ("exception-group", json.dumps(
        {"ok": False, "error": {"type": "ExceptionGroup", "message": "x"}})),
]


@pytest.mark.parametrize("reply", [pytest.param(reply, id=name) for name, reply in FORGED])
def test_forged_agent_reply_costs_only_the_forged_name(
        spec: AssignmentSpec, tmp_path: Path, reply: str) -> None:
    forger = "import json\n" + snippet("cheat_forged_reply").replace("__FORGED__", repr(reply))
    report = grade(spec, with_cell(forger, after="setup"), tmp_path)
    check(report, ONLY_EX2, ((EX1, "could not read `double`"),))




@pytest.mark.parametrize("build, messages", [
    pytest.param(lambda: with_cell(snippet("cell_exotic_global"), after="setup"),
                 ((EX1, "could not read `N`"), (EX1, "UnicodeDecodeError")),
                 id="global-raising-UnicodeDecodeError"),
    pytest.param(lambda: with_double(snippet("answer_double_exotic_error")),
                 ((EX1, "UnicodeDecodeError"),), id="answer-raising-UnicodeDecodeError"),
])
def test_unusual_student_exception_is_reported(
        spec: AssignmentSpec, tmp_path: Path, build: Callable[[], nbformat.NotebookNode],
        messages: tuple[tuple[str, str], ...]) -> None:
    check(grade(spec, build(), tmp_path), ONLY_EX2, messages)


# ----------------------------------------------------------------------------- hidden tests
@pytest.fixture(scope="module")
def probe(tmp_path_factory: pytest.TempPathFactory) -> tuple[GradeReport, dict, Path]:
    """Grade a submission whose ``double`` searches the kernel for the hidden tests.

    The instructor's notebook is copied to a folder only its owner can read, as a
    deployment must keep it. Returns the report, what the probe found, and that copy.
    """
    instructor = tmp_path_factory.mktemp("instructor")
    instructor.chmod(0o700)
    source = instructor / NOTEBOOK
    shutil.copy(support.TOY, source)
    source.chmod(0o600)
    spec = dataclasses.replace(AssignmentSpec.from_notebook(source), cell_timeout=5,
                               call_timeout=15)
    folder = tmp_path_factory.mktemp("probe-submission")
    (folder / "notes.txt").write_text("HOSTILE-CONTROL-MARKER\n")
    # A student's symbolic link to the hidden tests: the kernel's copy must leave it out.
    (folder / "hidden-tests.txt").symlink_to(source)
    code = (snippet("answer_hidden_probe").replace("__SUBMISSION_DIR__", str(folder))
            .replace("__SOURCE_NOTEBOOK__", str(source)))
    nb = with_cell(snippet("cell_probe_control"), after="setup", nb=with_double(code))
    support.insert_cell(nb, len(nb.cells), snippet("cell_probe_report"))
    old = os.environ.get(SENTINEL_ENV)
    os.environ[SENTINEL_ENV] = "grader-only"
    try:
        report = grade(spec, nb, folder)
    finally:
        if old is None:
            os.environ.pop(SENTINEL_ENV)
        else:
            os.environ[SENTINEL_ENV] = old
    lines = [p for p in report.cell_problems if "PROBE " in p]
    assert lines, f"the probe did not report:\n{report.summary()}"
    return report, json.loads(lines[0].split("PROBE ", 1)[1]), source


def test_hidden_tests_are_not_in_the_kernel(probe: tuple[GradeReport, dict, Path]) -> None:
    report, found, _ = probe
    check(report, FULL)
    assert found["calls"] == 2, "the probe ran during the visible and the hidden check"
    # The search works: the control marker is found wherever it was planted (a
    # sandboxed kernel cannot even list the grader's copy of the submission folder)...
    planted = {"globals", "sys.modules", "memory", "files:workdir"}
    if report.sandbox_user is None:
        planted.add("files:submission")
    assert planted <= set(found["control"])
    # ...and the hidden tests' text is nowhere the student's code can look (not even in
    # the kernel's folder, although the submission holds a link to the source notebook).
    assert found["hidden"] == []


def test_source_notebook_is_unreadable_from_the_kernel(
        probe: tuple[GradeReport, dict, Path]) -> None:
    report, found, source = probe
    if report.sandbox_user is None:
        pytest.skip("the kernel ran as the grader's own user (grader not root, or the "
                    "sandbox user cannot run this Python, e.g. a venv under /root): it can "
                    f"read the instructor's notebook ({found['source']}); see "
                    "docs/grading.md, known limits")
    assert found["uid"] != 0
    assert found["source"] == "PermissionError", f"the kernel could open {source}"


def test_grader_environment_is_not_visible_to_the_kernel(
        probe: tuple[GradeReport, dict, Path]) -> None:
    _, found, _ = probe
    assert found["sentinel"] is False
