"""Build the Gradescope autograder zips, and scan what the course ships for secrets.

``python -m coursebuild.bundle gradescope [--assignment ID] [--dest dist/gradescope]``
    One autograder zip per assignment (``solutions/<id>/<id>.ipynb``), to upload on
    Gradescope's "Configure Autograder" page. At the zip's root: ``setup.sh`` (run once
    when Gradescope builds the image), ``run_autograder`` (run for every submission),
    ``requirements.txt`` (the course's pins), ``spec.json`` (the grading specification:
    visible and hidden tests, no solutions) and ``course/`` (``pyproject.toml`` and the
    ``helpers`` and ``grader`` packages, installed into the image's virtualenv).

What students get is the student repository (:mod:`coursebuild.student_repo`), built
with the file collection and the leak scan of this module.

Every zip is scanned before it is kept (:func:`scan_for_secrets`): a zip that contains a
line of a solution, or (outside a Gradescope zip's ``spec.json``) of a hidden test, is
deleted and :class:`SecretLeakError` lists the lines. The secrets are those of the
release check (:func:`coursebuild.leaks.secret_lines`), except that lines within the
course's code packages are public too (:func:`course_secrets`); :func:`find_secrets`
applies them to any set of files. Zips are reproducible: the same inputs give the same
bytes.

This is an instructor tool: it lives in ``coursebuild``, which Gradescope zips do not
carry.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import tomllib
import zipfile
from collections.abc import Collection, Iterator, Mapping, Sequence
from pathlib import Path

from coursebuild.assignments import MarkupError, SourceNotebook, discover_assignments
from coursebuild.layout import IGNORED_NAMES as COURSE_IGNORED_NAMES
from coursebuild.layout import SOLUTIONS_DIRNAME, find_repo_root
from coursebuild.leaks import MIN_SECRET_LENGTH, SecretLine, searchable_lines_of, secret_lines
from grader.spec import AssignmentSpec

#: Packages bundled (as ``course/<name>/``) into every Gradescope zip.
COURSE_PACKAGES = ("helpers", "grader")
#: Names never copied into a zip or the student repository, wherever they are: caches,
#: and the course's own list (``output/``, where a running notebook writes its files).
IGNORED_NAMES = frozenset({"__pycache__", ".ipynb_checkpoints", ".DS_Store",
                           ".pytest_cache", ".ruff_cache", ".mypy_cache",
                           *COURSE_IGNORED_NAMES})
TEMPLATES = Path(__file__).resolve().parent / "templates"
#: Files of a Gradescope zip that show it is one (the only zips allowed hidden tests).
GRADESCOPE_MARKERS = frozenset({"setup.sh", "run_autograder", "spec.json"})
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


class SecretLeakError(RuntimeError):
    """A bundle contained solution or hidden-test lines; it was not kept.

    Parameters
    ----------
    zip_name : str
        What would have leaked (a zip's name, or a folder's).
    findings : list of str
        One message per leaked line (see :func:`find_secrets`).
    outcome : str
        What was done about it, for the message.

    Attributes
    ----------
    findings : list of str
        One message per leaked line (see :func:`find_secrets`).

    """

    def __init__(self, zip_name: str, findings: list[str], *,
                 outcome: str = "so it was deleted") -> None:
        shown = "\n  ".join(findings[:20])
        more = f"\n  ... and {len(findings) - 20} more" if len(findings) > 20 else ""
        super().__init__(f"{zip_name} would leak {len(findings)} secret line(s), {outcome}:"
                         f"\n  {shown}{more}")
        self.findings = findings


# ----------------------------------------------------------------------------- inputs
def pinned_requirements(repo_root: Path) -> list[str]:
    """Return the ``[project] dependencies`` of the repository's ``pyproject.toml``.

    Raises
    ------
    ValueError
        If there are none, or one is not pinned to an exact version (``name==x.y``):
        the autograder image must install the versions the course was tested with.

    """
    path = Path(repo_root) / "pyproject.toml"
    with path.open("rb") as handle:
        project = tomllib.load(handle).get("project", {})
    deps = [str(d).strip() for d in project.get("dependencies", [])]
    if not deps:
        raise ValueError(f"{path} lists no [project] dependencies to install on Gradescope")
    loose = [d for d in deps
             if d.split(";")[0].count("==") != 1
             or any(op in d.split(";")[0].split("==")[1] for op in "<>~!=*,")
             or any(op in d.split(";")[0].split("==")[0] for op in "<>~!=*")]
    if loose:
        raise ValueError(f"{path}: the Gradescope image needs exact pins (name==version); "
                         f"not pinned: {', '.join(loose)}")
    return deps


def files_under(folder: Path) -> Iterator[Path]:
    """Yield the files of ``folder`` that the course ships, sorted by path.

    Skipped: :data:`IGNORED_NAMES`, names starting with a dot, compiled Python files and
    editor backups (``name~``), anywhere below ``folder``.

    Parameters
    ----------
    folder : Path
        A folder of the course repository (``helpers``, ``notebooks/02-sampling``).

    Yields
    ------
    Path
        Each file, in sorted order.

    """
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if any(p in IGNORED_NAMES or p.startswith(".") for p in parts):
            continue
        if path.suffix in (".pyc", ".pyo") or path.name.endswith("~") or not path.is_file():
            continue
        yield path


def _template(name: str, assignment_id: str) -> bytes:
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    return text.replace("@ASSIGNMENT_ID@", assignment_id).encode("utf-8")


def _write_zip(dest: Path, files: dict[str, tuple[bytes, int]]) -> Path:
    """Write ``files`` (``name -> (content, mode)``) reproducibly and atomically."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}-", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name in sorted(files):
                content, mode = files[name]
                info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3  # Unix, so that unzip applies the permissions
                info.external_attr = (0o100000 | mode) << 16
                zf.writestr(info, content)
        os.chmod(tmp, 0o644)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return dest


def _keep_if_clean(path: Path, repo_root: Path, check_secrets: bool) -> Path:
    if check_secrets:
        findings = scan_for_secrets(path, repo_root)
        if findings:
            path.unlink()
            raise SecretLeakError(path.name, findings)
    return path


# ------------------------------------------------------------------------- Gradescope
def build_gradescope_bundle(repo_root: Path, assignment_id: str, dest_dir: Path, *,
                            check_secrets: bool = True) -> Path:
    """Build the Gradescope autograder zip of one assignment.

    Parameters
    ----------
    repo_root : Path
        The course repository (``solutions/``, ``helpers/``, ``grader/``,
        ``pyproject.toml``).
    assignment_id : str
        E.g. ``"02-sampling"``: the notebook is ``solutions/<id>/<id>.ipynb``.
    dest_dir : Path
        Folder for the zip (created).
    check_secrets : bool
        Scan the zip for solution lines and delete it if it has any.

    Returns
    -------
    Path
        ``dest_dir/<assignment_id>.zip``.

    Raises
    ------
    ValueError
        Unknown assignment, no autograded test cell, or unpinned requirements.
    SecretLeakError
        If the zip would contain a solution line.

    """
    repo_root = Path(repo_root).resolve()
    assignments = {a.assignment_id: a for a in discover_assignments(repo_root)}
    if assignment_id not in assignments:
        known = ", ".join(assignments) or "none"
        raise ValueError(f"no assignment {assignment_id!r}: expected "
                         f"{SOLUTIONS_DIRNAME}/{assignment_id}/{assignment_id}.ipynb under "
                         f"{repo_root} (known assignments: {known})")
    notebook = assignments[assignment_id].notebook
    try:
        spec = AssignmentSpec.from_notebook(notebook, assignment_id=assignment_id)
    except ValueError as exc:
        raise ValueError(f"cannot build the grading specification of {assignment_id}: "
                         f"{exc}") from exc
    requirements = pinned_requirements(repo_root)
    files: dict[str, tuple[bytes, int]] = {
        "setup.sh": (_template("setup.sh", assignment_id), 0o755),
        "run_autograder": (_template("run_autograder", assignment_id), 0o755),
        "requirements.txt": (("# The course's pins, from pyproject.toml [project] "
                              "dependencies.\n" + "\n".join(requirements) + "\n").encode(),
                             0o644),
        "spec.json": ((spec.to_json() + "\n").encode("utf-8"), 0o644),
        "course/pyproject.toml": ((repo_root / "pyproject.toml").read_bytes(), 0o644),
    }
    files.update(_readme_for_pyproject(repo_root))
    for package in COURSE_PACKAGES:
        folder = repo_root / package
        if not folder.is_dir():
            raise ValueError(f"{folder} is missing; the autograder needs the {package} "
                             "package")
        for path in files_under(folder):
            name = f"course/{package}/{path.relative_to(folder).as_posix()}"
            files[name] = (path.read_bytes(), 0o644)
    dest = _write_zip(Path(dest_dir) / f"{assignment_id}.zip", files)
    return _keep_if_clean(dest, repo_root, check_secrets)


def _readme_for_pyproject(repo_root: Path) -> dict[str, tuple[bytes, int]]:
    """Bundle the readme ``pyproject.toml`` names, so that ``pip install course/`` works."""
    with (repo_root / "pyproject.toml").open("rb") as handle:
        readme = tomllib.load(handle).get("project", {}).get("readme")
    if not isinstance(readme, str):
        return {}
    source = repo_root / readme
    content = source.read_bytes() if source.is_file() else \
        b"The course's helpers and grader, installed by the Gradescope autograder.\n"
    return {f"course/{readme}": (content, 0o644)}


def build_all_gradescope(repo_root: Path, dest_dir: Path, *,
                         check_secrets: bool = True) -> list[Path]:
    """Build the Gradescope zip of every assignment in ``solutions/``.

    Returns
    -------
    list of Path
        One zip per assignment, sorted by id.

    Raises
    ------
    ValueError
        If there is no assignment.

    """
    ids = [a.assignment_id for a in discover_assignments(Path(repo_root))]
    if not ids:
        raise ValueError(f"no assignments under {Path(repo_root) / SOLUTIONS_DIRNAME}: "
                         "expected folders solutions/<id>/ each holding <id>.ipynb")
    return [build_gradescope_bundle(repo_root, i, dest_dir, check_secrets=check_secrets)
            for i in ids]


# ----------------------------------------------------------------------------- secrets
def _course_code_lines(repo_root: Path) -> list[str]:
    """All lines of the course's code packages (:data:`COURSE_PACKAGES`)."""
    lines = []
    for package in COURSE_PACKAGES:
        folder = repo_root / package
        if folder.is_dir():
            for path in files_under(folder):
                lines += searchable_lines_of(path.name, path.read_bytes())
    return lines


def _read_models(repo_root: Path) -> list[SourceNotebook]:
    models = []
    for assignment in discover_assignments(repo_root):
        try:
            models.append(assignment.read())
        except MarkupError:
            raise
        except Exception as exc:  # noqa: BLE001 - nbformat raises many kinds
            notebook = assignment.notebook.relative_to(repo_root).as_posix()
            raise ValueError(f"cannot read {notebook} to find its secrets: {exc}") from exc
    return models


def course_secrets(repo_root: Path, min_length: int = MIN_SECRET_LENGTH) -> list[SecretLine]:
    """Collect the lines of every assignment's instructor notebook students must not get.

    The rules are the release check's (:func:`coursebuild.leaks.secret_lines`: lines of
    solution regions, of whole answer cells without regions and of hidden-test regions,
    at least ``min_length`` long once stripped, unless some notebook shows them outside
    those regions, alone or within a longer line); lines found within a line of the
    course's code packages (:data:`COURSE_PACKAGES`) are public too: students can read
    them, so an idiom such as ``rng = np.random.default_rng(seed)`` found there is no
    leak.

    Raises
    ------
    ValueError
        If a notebook cannot be read, or a region is unbalanced or nested (the message
        names the notebook and cell).

    """
    repo_root = Path(repo_root).resolve()
    return secret_lines(_read_models(repo_root), min_length,
                        extra_public=_course_code_lines(repo_root))


def find_secrets(label: str, files: Mapping[str, bytes], secrets: Sequence[SecretLine], *,
                 hidden_tests_allowed_in: Collection[str] = ()) -> list[str]:
    """Find secret lines in a set of files (a zip's members, a folder's files).

    Parameters
    ----------
    label : str
        Names the set in the messages (``02-sampling.zip``, ``student-repo``).
    files : mapping of str to bytes
        Each file's name (a relative POSIX path) and content; files are searched as
        :func:`coursebuild.leaks.searchable_lines_of` reads them.
    secrets : sequence of SecretLine
        What must not be there (:func:`course_secrets`).
    hidden_tests_allowed_in : collection of str
        Files that may hold hidden-test lines (never solution lines).

    Returns
    -------
    list of str
        One message per (file, secret line), in the order of ``files``: the label and
        file, the kind of line, the notebook and cell it comes from, and the line.

    """
    findings = []
    secrets = list(secrets)
    # A solution line that a hidden test repeats (a reference computed the same way) is
    # part of the hidden tests too: it may travel where the hidden tests may.
    in_hidden_tests = {s.text for s in secrets if s.kind == "hidden test"}
    for name, content in files.items():
        # A secret is one line: it is within a line exactly when it is within the lines
        # joined by newlines, which Python searches in one pass.
        text = "\n".join(searchable_lines_of(name, content))
        for secret in secrets:
            if name in hidden_tests_allowed_in and (
                    secret.kind == "hidden test" or secret.text in in_hidden_tests):
                continue
            if secret.text in text:
                notebook = (f"{SOLUTIONS_DIRNAME}/{secret.assignment_id}/"
                            f"{secret.assignment_id}.ipynb")
                findings.append(f"{label}:{name}: {secret.kind} line of {notebook}, cell "
                                f"{secret.grade_id!r}: {secret.text!r}")
    return findings


def scan_for_secrets(zip_path: Path, repo_root: Path, *,
                     hidden_tests_allowed_in: Collection[str] | None = None,
                     min_length: int = MIN_SECRET_LENGTH) -> list[str]:
    """Find solution and hidden-test lines of ``solutions/`` in any file of a zip.

    Parameters
    ----------
    zip_path : Path
        The bundle to check.
    repo_root : Path
        The course repository whose ``solutions/<id>/<id>.ipynb`` hold the secrets
        (:func:`course_secrets`).
    hidden_tests_allowed_in : collection of str, optional
        Zip members that may hold hidden tests. By default ``{"spec.json"}`` for a
        Gradescope zip (one with ``setup.sh``, ``run_autograder`` and ``spec.json`` at its
        root: the grader needs the hidden tests), nothing for any other zip. Solutions
        are never allowed.
    min_length : int
        Shorter stripped lines are not secrets.

    Returns
    -------
    list of str
        One message per (member, secret line): the zip member, the kind of line, the
        notebook and cell it comes from, and the line. Empty when nothing leaks.

    """
    with zipfile.ZipFile(zip_path) as zf:
        members = {info.filename: zf.read(info) for info in zf.infolist()
                   if not info.is_dir()}
    if hidden_tests_allowed_in is None:
        allowed = {"spec.json"} if GRADESCOPE_MARKERS <= set(members) else set()
    else:
        allowed = set(hidden_tests_allowed_in)
    return find_secrets(Path(zip_path).name, members, course_secrets(repo_root, min_length),
                        hidden_tests_allowed_in=allowed)


# ---------------------------------------------------------------------- command line
def main(argv: Sequence[str] | None = None) -> int:
    """Command line; see the module docstring. Prints the paths of the zips.

    Returns
    -------
    int
        0 on success, 1 with a message on stderr otherwise.

    """
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=None,
                        help="the course repository (default: the first folder at or above "
                             "the working folder that has solutions/)")
    parser = argparse.ArgumentParser(prog="python -m coursebuild.bundle",
                                     description="Build the Gradescope autograder zips.")
    commands = parser.add_subparsers(dest="command", required=True)
    gradescope = commands.add_parser("gradescope", parents=[common],
                                     help="one autograder zip per assignment")
    gradescope.add_argument("--assignment", action="append", metavar="ID",
                            help="only this assignment (repeatable; default: all)")
    gradescope.add_argument("--dest", type=Path, default=None,
                            help="output folder (default: ROOT/dist/gradescope)")
    args = parser.parse_args(argv)
    try:
        root = Path(args.root) if args.root is not None else find_repo_root()
        dest = args.dest if args.dest is not None else root / "dist" / "gradescope"
        if args.assignment:
            paths = [build_gradescope_bundle(root, a, dest) for a in args.assignment]
        else:
            paths = build_all_gradescope(root, dest)
    except (ValueError, OSError, SecretLeakError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in paths:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
