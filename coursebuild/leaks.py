"""Find solution and hidden-test lines that made it into the student release.

Every line of every solution region, manually graded model answer and hidden-test
region in ``solutions/`` is a secret, except lines that are too short to mean
anything (``MIN_SECRET_LENGTH``) and lines that the course releases anyway because
they also appear outside those regions in some instructor notebook, alone or as part
of a longer line (a hidden ``from helpers.data import make_loans`` is no secret when a
visible cell has ``from helpers.data import make_loans, record_stream``).  No file under
``notebooks/`` may contain a secret (as part of any of its lines; inside notebooks,
every string of the JSON is searched, so outputs and metadata count too).

The same rules check the zips the course ships (:mod:`coursebuild.bundle`), which also
counts the text of the course's code packages as public (``extra_public``) and searches
zip members with :func:`searchable_lines_of`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coursebuild.assignments import SourceNotebook, discover_assignments
from coursebuild.layout import IGNORED_NAMES, CourseLayout

#: Secret lines shorter than this (after stripping) are ignored: ``return x``,
#: ``pass`` or ``)`` say nothing about a solution.
MIN_SECRET_LENGTH = 12


@dataclass(frozen=True)
class SecretLine:
    """A stripped line that must not be released, and where it comes from."""

    text: str
    assignment_id: str
    grade_id: str
    kind: str  # "solution" or "hidden test"


def secret_lines(
    models: Iterable[SourceNotebook],
    min_length: int = MIN_SECRET_LENGTH,
    *,
    extra_public: Iterable[str] = (),
) -> list[SecretLine]:
    """Collect the secret lines of instructor notebooks.

    Parameters
    ----------
    models : iterable of SourceNotebook
        Parsed instructor notebooks (usually all of the course's).
    min_length : int
        Shorter stripped lines are ignored.
    extra_public : iterable of str
        Lines of other text students get anyway (e.g. the course's code packages); a
        line found within one of them is no secret.

    Returns
    -------
    list of SecretLine
        One entry per distinct (line, cell); lines that any of the notebooks shows
        outside its secret regions, alone or within a longer line, and lines within
        ``extra_public`` are left out.

    """
    models = list(models)
    public = frozenset().union(*(m.public_lines for m in models))
    # A stripped line holds no newline, so "within some line" is "within the joined text".
    long_public = "\n".join(line for line in public if len(line) >= min_length)
    other_text = "\n".join(extra_public)
    found: dict[tuple[str, str, str], SecretLine] = {}
    for model in models:
        for kind, grade_id, lines in _secret_sources(model):
            for line in lines:
                text = line.strip()
                if len(text) < min_length or text in public:
                    continue
                if text in other_text or text in long_public:
                    continue
                key = (text, model.assignment_id, grade_id)
                found.setdefault(key, SecretLine(text, model.assignment_id, grade_id, kind))
    return list(found.values())


def find_leaks_in(
    release_root: Path, secrets: Iterable[SecretLine], display_root: Path | None = None
) -> list[str]:
    """Search every file under ``release_root`` for secret lines.

    Parameters
    ----------
    release_root : Path
        The folder to search (``notebooks/``).
    secrets : iterable of SecretLine
        What must not be there.
    display_root : Path, optional
        Paths in messages are relative to this folder; ``release_root``'s parent
        by default.

    Returns
    -------
    list of str
        One message per (file, secret line), naming the file, the release
        assignment it belongs to, and the source cell the line comes from.

    """
    release_root = Path(release_root)
    display_root = Path(display_root) if display_root is not None else release_root.parent
    secrets = list(secrets)
    messages = []
    for path in _files_under(release_root):
        text = "\n".join(line.strip() for line in searchable_lines(path))
        relative = path.relative_to(release_root)
        assignment = relative.parts[0] if len(relative.parts) > 1 else "(none)"
        shown = path.relative_to(display_root) if path.is_relative_to(display_root) else path
        for secret in secrets:
            if secret.text in text:
                messages.append(
                    f"{shown} (assignment {assignment}): leaks a {secret.kind} line of "
                    f"{secret.assignment_id}, cell {secret.grade_id!r}: {secret.text!r}"
                )
    return messages


def find_leaks(repo_root: Path, min_length: int = MIN_SECRET_LENGTH) -> list[str]:
    """Find solution and hidden-test lines of ``solutions/`` in ``notebooks/``.

    Parameters
    ----------
    repo_root : Path
        The course repository root.
    min_length : int
        Secret lines shorter than this (stripped) are ignored.

    Returns
    -------
    list of str
        Human-readable leaks, each naming the release file, its assignment and the
        leaked line's source cell; empty when nothing leaks.

    """
    layout = CourseLayout(Path(repo_root))
    if not layout.release.is_dir():
        return []
    models = [assignment.read() for assignment in discover_assignments(layout.root)]
    return find_leaks_in(layout.release, secret_lines(models, min_length), layout.root)


def searchable_lines(path: Path) -> list[str]:
    """Return the lines of text a file shows (see :func:`searchable_lines_of`).

    Parameters
    ----------
    path : Path
        Any file.

    Returns
    -------
    list of str
        Its lines, unstripped.

    """
    path = Path(path)
    return searchable_lines_of(path.name, path.read_bytes())


def searchable_lines_of(name: str, data: bytes) -> list[str]:
    """Return the lines of text a file's content shows.

    The content is read as UTF-8 text; binary content gives no lines.  Notebooks and
    JSON files are also parsed, and every string in them (sources, outputs, metadata,
    keys) is split into lines, so JSON escaping cannot hide a leak.

    Parameters
    ----------
    name : str
        The file's name (``.ipynb`` and ``.json`` files are parsed as JSON).
    data : bytes
        Its content.

    Returns
    -------
    list of str
        The raw lines, then the lines of every string of the JSON document;
        unstripped.

    """
    if b"\x00" in data:
        return []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return []
    lines = text.splitlines()
    if name.endswith((".ipynb", ".json")):
        try:
            document = json.loads(text)
        except ValueError:
            return lines
        lines += [line for string in _json_strings(document) for line in string.splitlines()]
    return lines


def _secret_sources(model: SourceNotebook) -> Iterator[tuple[str, str, list[str]]]:
    for answer in model.answers:
        yield "solution", answer.grade_id, answer.solution_lines
    for manual in model.manual:
        yield "solution", manual.grade_id, manual.solution_lines
    for test in model.tests:
        yield "hidden test", test.grade_id, test.hidden_lines


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        if value and all(isinstance(item, str) for item in value):
            # nbformat stores multi-line strings as lists of lines
            yield "".join(value)
        else:
            for item in value:
                yield from _json_strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _json_strings(item)


def _files_under(root: Path) -> list[Path]:
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and not any(part in IGNORED_NAMES for part in p.relative_to(root).parts)
    )
