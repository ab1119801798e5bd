"""Read notebook JSON into light cell records, without importing nbformat.

``nbformat`` takes seconds to import (its JSON-schema validator), which every Gradescope
run and every grading worker would pay; the grader needs only each cell's type, source
and metadata. Notebooks older than format 4 are converted with nbformat, imported then.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Cell:
    """One notebook cell: its type, source text and metadata."""

    cell_type: str
    source: str
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def nbgrader(self) -> dict[str, Any]:
        """The cell's nbgrader metadata (empty if none)."""
        meta = self.metadata.get("nbgrader")
        return meta if isinstance(meta, dict) else {}

    @property
    def grade_id(self) -> str | None:
        """The cell's nbgrader ``grade_id`` if it is a string, else ``None``."""
        grade_id = self.nbgrader.get("grade_id")
        return grade_id if isinstance(grade_id, str) else None

    @property
    def tags(self) -> list[str]:
        """The cell's tags."""
        tags = self.metadata.get("tags")
        return [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else []


@dataclass
class Notebook:
    """The cells and metadata of a notebook."""

    cells: list[Cell]
    metadata: dict[str, Any] = field(default_factory=dict)


def _text(value: Any) -> str:
    if isinstance(value, list):
        return "".join(v for v in value if isinstance(v, str))
    return value if isinstance(value, str) else ""


def notebook_from_json(data: dict[str, Any]) -> Notebook:
    r"""Build a :class:`Notebook` from parsed notebook JSON.

    Raises
    ------
    ValueError
        If ``data`` is not a notebook (no list of cells, cells without a type).

    Examples
    --------
    >>> nb = notebook_from_json({"nbformat": 4, "metadata": {},
    ...     "cells": [{"cell_type": "code", "source": ["x = 1\\n", "y = 2"], "metadata": {}}]})
    >>> nb.cells[0].source
    'x = 1\\ny = 2'
    """
    if not isinstance(data, dict):
        raise ValueError("not a notebook: the file holds no JSON object")
    if isinstance(data.get("nbformat"), int) and data["nbformat"] < 4:
        import nbformat  # old formats only: worth the import time

        data = nbformat.convert(nbformat.from_dict(data), 4)
    cells = data.get("cells")
    if not isinstance(cells, list):
        raise ValueError("not a notebook: it has no list of cells")
    out = []
    for index, cell in enumerate(cells):
        if not isinstance(cell, dict) or not isinstance(cell.get("cell_type"), str):
            raise ValueError(f"cell {index + 1} is not a notebook cell")
        metadata = cell.get("metadata")
        out.append(Cell(cell["cell_type"], _text(cell.get("source", "")),
                        metadata if isinstance(metadata, dict) else {}))
    metadata = data.get("metadata")
    return Notebook(out, metadata if isinstance(metadata, dict) else {})
