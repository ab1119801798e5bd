"""Generate the student release with nbgrader and check the committed one.

``solutions/<id>/<id>.ipynb`` (instructor) becomes ``notebooks/<id>/<id>.ipynb``
(student) through nbgrader's ``generate_assignment``: solutions replaced by stubs,
hidden tests removed, outputs cleared, cells locked and checksummed.  Other files of
the source folder (the week's README.md) are copied as they are.  The output is then
normalized (:mod:`coursebuild.normalize`) so that regenerating it changes no byte.
"""

from __future__ import annotations

import difflib
import tempfile
from collections.abc import Iterable
from pathlib import Path

from traitlets.config import Config

from coursebuild.assignments import layout_problems, select_assignments
from coursebuild.layout import IGNORED_NAMES, SOLUTIONS_DIRNAME, CourseLayout
from coursebuild.leaks import find_leaks
from coursebuild.nbgrader_runner import load_course_config, run_converter, sqlite_url
from coursebuild.normalize import normalize_release_file

__all__ = ["check_release_in_sync", "find_leaks", "generate_release", "release_config"]

_MAX_DIFF_LINES = 16


def release_config(repo_root: Path, release_root: Path, use_database: bool = True) -> Config:
    """Build the nbgrader configuration for generating a release.

    The repository's ``nbgrader_config.py`` is loaded first (stubs, delimiters,
    gradebook); the course layout is then imposed on top of it.

    Parameters
    ----------
    repo_root : Path
        The course repository root.
    release_root : Path
        Where the student folders go (``notebooks/`` or a scratch folder).
    use_database : bool
        Record the assignment in the gradebook (``build/gradebook.db`` unless the
        config says otherwise), as ``nbgrader generate_assignment`` does.  Off
        for scratch releases, which must not touch anything.

    Returns
    -------
    traitlets.config.Config
        Configuration for ``CourseDirectory`` and ``GenerateAssignment``.

    """
    layout = CourseLayout(Path(repo_root))
    config = load_course_config(layout.root)
    release_root = Path(release_root).resolve()
    release_dir = release_root.name if release_root == layout.release else str(release_root)
    overrides = Config()
    overrides.CourseDirectory.root = str(layout.root)
    overrides.CourseDirectory.source_directory = SOLUTIONS_DIRNAME
    overrides.CourseDirectory.release_directory = release_dir
    if use_database:
        if "db_url" not in config.CourseDirectory:
            overrides.CourseDirectory.db_url = sqlite_url(layout.build / "gradebook.db")
    else:
        overrides.SaveCells.enabled = False
        overrides.GenerateAssignment.no_database = True
    config.merge(overrides)
    return config


def generate_release(
    repo_root: Path,
    assignment_ids: Iterable[str] | None = None,
    dest: Path | None = None,
) -> list[Path]:
    """Generate the student version of assignments with ``nbgrader generate_assignment``.

    Parameters
    ----------
    repo_root : Path
        The course repository root.
    assignment_ids : iterable of str, optional
        Assignments to generate; all of them by default.
    dest : Path, optional
        Folder to write the ``<id>/`` folders into instead of ``notebooks/``
        (for checking).  The gradebook is then left alone.

    Returns
    -------
    list of Path
        The generated assignment folders.

    Raises
    ------
    ValueError
        If an assignment id is unknown.
    coursebuild.assignments.MarkupError
        If a notebook's solution or hidden-test markup is malformed.
    coursebuild.nbgrader_runner.NbGraderError
        If nbgrader fails (its error lines are in the message).

    """
    from nbgrader.converters import GenerateAssignment
    from nbgrader.coursedir import CourseDirectory

    layout = CourseLayout(Path(repo_root))
    assignments = select_assignments(layout.root, assignment_ids)
    for assignment in assignments:
        assignment.read()  # clearer errors for broken markup than nbgrader's

    release_root = layout.release if dest is None else Path(dest).resolve()
    release_root.mkdir(parents=True, exist_ok=True)
    if dest is None:
        layout.build.mkdir(parents=True, exist_ok=True)
    config = release_config(layout.root, release_root, use_database=dest is None)

    written = []
    for assignment in assignments:
        coursedir = CourseDirectory(config=config)
        coursedir.assignment_id = assignment.assignment_id
        converter = GenerateAssignment(coursedir=coursedir, config=config)
        converter.force = True
        converter.create_assignment = True
        run_converter(converter, f"generate_assignment {assignment.assignment_id}")
        folder = release_root / assignment.assignment_id
        for notebook in sorted(folder.rglob("*.ipynb")):
            normalize_release_file(notebook)
        written.append(folder)
    return written


def check_release_in_sync(repo_root: Path) -> list[str]:
    """Compare the committed ``notebooks/`` with a fresh release.

    Parameters
    ----------
    repo_root : Path
        The course repository root.

    Returns
    -------
    list of str
        Human-readable differences (missing, extra or changed files, folders with
        no source, badly laid out source folders); empty when in sync.

    """
    layout = CourseLayout(Path(repo_root))
    problems = layout_problems(layout.root)
    with tempfile.TemporaryDirectory(prefix="coursebuild-release-") as scratch:
        fresh_root = Path(scratch) / "notebooks"
        generate_release(layout.root, dest=fresh_root)
        problems += compare_release_trees(fresh_root, layout.release)
    return problems


def compare_release_trees(fresh_root: Path, committed_root: Path) -> list[str]:
    """Compare a freshly generated release folder with the committed one.

    Parameters
    ----------
    fresh_root : Path
        Freshly generated ``<id>/`` folders.
    committed_root : Path
        The committed ``notebooks/``.

    Returns
    -------
    list of str
        Human-readable differences, with a short diff for changed text files.

    """
    label = committed_root.name
    fix = "run `python -m coursebuild release` and commit notebooks/"
    problems = []
    fresh_ids = _assignment_dirs(fresh_root)
    committed_ids = _assignment_dirs(committed_root)
    for stale in sorted(committed_ids - fresh_ids):
        problems.append(
            f"{label}/{stale}/ has no source in {SOLUTIONS_DIRNAME}/{stale}/: "
            f"delete it (git rm -r {label}/{stale}) or restore its source"
        )
    for assignment_id in sorted(fresh_ids):
        fresh, committed = fresh_root / assignment_id, committed_root / assignment_id
        if assignment_id not in committed_ids:
            problems.append(f"{label}/{assignment_id}/ is missing: {fix}")
            continue
        fresh_files, committed_files = _files_in(fresh), _files_in(committed)
        for name in sorted(fresh_files - committed_files):
            problems.append(f"{label}/{assignment_id}/{name} is missing: {fix}")
        for name in sorted(committed_files - fresh_files):
            problems.append(
                f"{label}/{assignment_id}/{name} is not part of a fresh release "
                f"(not in {SOLUTIONS_DIRNAME}/{assignment_id}/): delete it or {fix}"
            )
        for name in sorted(fresh_files & committed_files):
            new, old = (fresh / name).read_bytes(), (committed / name).read_bytes()
            if new != old:
                diff = _short_diff(old, new, f"committed {label}/{assignment_id}/{name}")
                problems.append(
                    f"{label}/{assignment_id}/{name} differs from a fresh release "
                    f"(edited by hand, or its source changed): {fix}\n{diff}"
                )
    return problems


def _assignment_dirs(root: Path) -> set[str]:
    if not root.is_dir():
        return set()
    return {
        p.name
        for p in root.iterdir()
        if p.is_dir() and not p.name.startswith(".") and p.name not in IGNORED_NAMES
    }


def _files_in(folder: Path) -> set[str]:
    return {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and not any(part in IGNORED_NAMES for part in p.relative_to(folder).parts)
    }


def _short_diff(old: bytes, new: bytes, name: str) -> str:
    try:
        old_lines = old.decode("utf-8").splitlines()
        new_lines = new.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return "    (binary file)"
    diff = list(difflib.unified_diff(old_lines, new_lines, name, "fresh release", n=1, lineterm=""))
    if len(diff) > _MAX_DIFF_LINES:
        diff = diff[:_MAX_DIFF_LINES] + [f"... ({len(diff) - _MAX_DIFF_LINES} more diff lines)"]
    return "\n".join("    " + line for line in diff)
