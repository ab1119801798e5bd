"""Results of expensive checks, kept under ``build/cache/`` and keyed by their inputs.

``make test`` and ``make course`` ask the same questions of every week: does nbgrader give
the solution full marks and the release zero, does our grader agree, are the known right
and wrong answers graded as they should be. Each answer costs notebook executions. The
first command to ask computes the answer and stores it here; the second finds it, as long
as nothing it depends on has changed. The key is a SHA-256 of every input: the week's
folder, the code that grades it (``helpers/``, ``grader/``, ``coursebuild/``), the pins and
the nbgrader configuration, the known answers, and the parameters. Change any of them and
the check runs again; delete ``build/`` to start from scratch.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from coursebuild.layout import IGNORED_NAMES, CourseLayout

#: Inputs of every cached check, besides the week's own folder.
SHARED_INPUTS = ("helpers", "grader", "coursebuild", "pyproject.toml", "nbgrader_config.py")


def _files(path: Path) -> Iterable[Path]:
    if path.is_file():
        yield path
        return
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if d not in IGNORED_NAMES)
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            yield Path(root) / name


def digest(repo_root: Path, paths: Iterable[str], parameters: Mapping[str, Any]) -> str:
    """SHA-256 of the files under ``paths`` (relative to ``repo_root``) and ``parameters``.

    Missing paths count as empty, so that creating one changes the digest.
    """
    root = Path(repo_root)
    hasher = hashlib.sha256(json.dumps(dict(parameters), sort_keys=True, default=str).encode())
    for relative in sorted(set(paths)):
        for file in _files(root / relative):
            hasher.update(str(file.relative_to(root)).encode() + b"\0")
            hasher.update(file.read_bytes() + b"\0")
    return hasher.hexdigest()


def week_inputs(assignment_id: str, *extra: str) -> list[str]:
    """The inputs of a week's checks: its source folder, the grading code, ``extra``."""
    return [f"solutions/{assignment_id}", *SHARED_INPUTS, *extra]


def _path(repo_root: Path, kind: str, assignment_id: str, inputs: Iterable[str],
          parameters: Mapping[str, Any]) -> Path:
    key = digest(repo_root, inputs, {"kind": kind, **parameters})
    return CourseLayout(Path(repo_root)).build / "cache" / kind / f"{assignment_id}-{key}.json"


def lookup(repo_root: Path, kind: str, assignment_id: str, inputs: Iterable[str],
           parameters: Mapping[str, Any]) -> Any | None:
    """The stored result for these inputs, or ``None`` (see :func:`cached`)."""
    path = _path(repo_root, kind, assignment_id, inputs, parameters)
    if path.is_file():
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            return None  # a half-written file: compute again
    return None


def store(repo_root: Path, kind: str, assignment_id: str, inputs: Iterable[str],
          parameters: Mapping[str, Any], result: Any) -> None:
    """Store a result for these inputs, replacing the week's older ones (see :func:`cached`)."""
    path = _path(repo_root, kind, assignment_id, inputs, parameters)
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in path.parent.glob(f"{assignment_id}-*.json"):
        if len(old.name) == len(path.name):  # this week's older results, not another week's
            old.unlink(missing_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(result), encoding="utf-8")
    os.replace(tmp, path)


def cached(repo_root: Path, kind: str, assignment_id: str, inputs: Iterable[str],
           parameters: Mapping[str, Any], compute: Callable[[], Any]) -> Any:
    """Return the stored result of a check, or compute, store and return it.

    Parameters
    ----------
    repo_root : Path
        The course repository.
    kind : str
        What is checked, e.g. ``"nbgrader"``; one folder per kind.
    assignment_id : str
        The week.
    inputs : iterable of str
        Paths (files or folders, relative to ``repo_root``) the result depends on.
    parameters : mapping
        Everything else it depends on (JSON-serialisable).
    compute : callable
        Computes the result, a JSON-serialisable value.

    Returns
    -------
    object
        The result, from the cache when its inputs have not changed.
    """
    inputs = list(inputs)
    found = lookup(repo_root, kind, assignment_id, inputs, parameters)
    if found is not None:
        return found
    result = compute()
    store(repo_root, kind, assignment_id, inputs, parameters, result)
    return result
