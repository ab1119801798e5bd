"""Find and read a student's submitted notebook, turning every problem into a message.

A submission that cannot be graded (no notebook, broken JSON, no cells) raises
:class:`SubmissionError` whose text is written for the student: what is wrong and how
to fix it. Problems the grader can work around (a renamed file, another kernel) become
notes in the feedback instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from grader.notebook import Notebook, notebook_from_json
from grader.spec import AssignmentSpec

#: Largest notebook file the grader reads.
MAX_NOTEBOOK_BYTES = 100 * 2**20


class SubmissionError(Exception):
    """The submission cannot be graded; the message says why and what to do."""


@dataclass
class Submission:
    """A readable submission.

    Attributes
    ----------
    path : Path
        The notebook file.
    notebook : Notebook
        Its cells and metadata.
    notes : list of str
        Things the student should know (renamed file, other kernel...).
    """

    path: Path
    notebook: Notebook
    notes: list[str] = field(default_factory=list)


def find_notebook(folder: Path, spec: AssignmentSpec) -> tuple[Path, list[str]]:
    """Pick the notebook to grade in a submission folder.

    The file named like the assignment's notebook wins; otherwise a single notebook is
    taken (with a note); among several, the one that holds the assignment's test cells.

    Raises
    ------
    SubmissionError
        If the folder holds no notebook.
    """
    candidates = sorted(
        p for p in Path(folder).rglob("*.ipynb")
        if ".ipynb_checkpoints" not in p.parts and p.is_file()
    )
    if not candidates:
        found = sorted(p.name for p in Path(folder).rglob("*") if p.is_file())[:10]
        raise SubmissionError(
            f"No Jupyter notebook (.ipynb) was found in your submission "
            f"(found: {', '.join(found) or 'nothing'}). Upload your completed "
            f"{spec.notebook}.")
    for path in candidates:
        if path.name == spec.notebook:
            return path, []
    if len(candidates) == 1:
        return candidates[0], [
            f"Your notebook is named {candidates[0].name}, not {spec.notebook}; it was "
            "graded anyway. Please keep the original file name next time."]
    scored = sorted(candidates, key=lambda p: -_test_ids_in(p, spec))
    return scored[0], [
        f"Your submission has {len(candidates)} notebooks and none is named "
        f"{spec.notebook}; {scored[0].name} was graded because it holds the most of this "
        "assignment's test cells."]


def _test_ids_in(path: Path, spec: AssignmentSpec) -> int:
    try:
        text = path.read_text(errors="replace")[:MAX_NOTEBOOK_BYTES]
    except OSError:
        return 0
    return sum(f'"{t.grade_id}"' in text for t in spec.tests)


def _mapping(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def read_submission(path: Path, spec: AssignmentSpec) -> Submission:
    """Read and check a submitted notebook.

    Raises
    ------
    SubmissionError
        If the file is too large, is not valid notebook JSON, or has no cells.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_NOTEBOOK_BYTES:
            raise SubmissionError(
                f"{path.name} is {size / 2**20:.0f} MB, more than the "
                f"{MAX_NOTEBOOK_BYTES / 2**20:.0f} MB the grader reads. Clear the outputs "
                "(Kernel > Restart Kernel and Clear Outputs), save, and upload again.")
        raw = path.read_bytes()
    except OSError as exc:
        raise SubmissionError(f"{path.name} could not be read: {exc.strerror}.") from None
    if not raw.strip():
        raise SubmissionError(f"{path.name} is an empty file. Save your notebook in Jupyter "
                              "and upload it again.")
    try:
        data = json.loads(raw.decode("utf-8", errors="strict"))
    except UnicodeDecodeError:
        raise SubmissionError(f"{path.name} is not a text file, so it is not a Jupyter "
                              "notebook. Upload the .ipynb file you worked in.") from None
    except json.JSONDecodeError as exc:
        raise SubmissionError(
            f"{path.name} is not valid notebook JSON (line {exc.lineno}, column "
            f"{exc.colno}: {exc.msg}); the file may be damaged or truncated. Download it "
            "again from Jupyter (File > Download) and upload that file.") from None
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        raise SubmissionError(f"{path.name} is JSON but not a Jupyter notebook (it has no "
                              "list of cells). Upload the .ipynb file you worked in.")
    try:
        notebook = notebook_from_json(data)
    except Exception as exc:  # noqa: BLE001 - old-format conversion raises many kinds
        raise SubmissionError(f"{path.name} could not be read as a notebook: {exc}") from None
    if not notebook.cells:
        raise SubmissionError(f"{path.name} has no cells. Upload the notebook you worked "
                              f"in, starting from the released {spec.notebook}.")
    notes = []
    kernelspec = _mapping(notebook.metadata.get("kernelspec"))
    language = kernelspec.get("language") or _mapping(
        notebook.metadata.get("language_info")).get("name")
    kernel = kernelspec.get("name")
    language = language if isinstance(language, str) else None
    kernel = kernel if isinstance(kernel, str) else None
    if language and language.lower() != "python":
        notes.append(f"Your notebook asks for the {kernel or language} kernel; it was run "
                     "with Python 3, the course's kernel.")
    return Submission(path=path, notebook=notebook, notes=notes)
