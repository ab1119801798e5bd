"""Helpers for the ``coursebuild`` tests: a throwaway course repository.

The toy course (``tests/fixtures/toy/``) has one assignment, ``00-toy``: a
``parameters`` cell, an answer cell with a solution region, a test cell with
visible and hidden tests worth 2 points, and a manually graded written answer.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from coursebuild.layout import NBGRADER_CONFIG_FILENAME

REPO_ROOT = Path(__file__).resolve().parents[1]
TOY_FIXTURE = REPO_ROOT / "tests" / "fixtures" / "toy"
TOY_ASSIGNMENT = "00-toy"


def make_toy_repo(dest: Path) -> Path:
    """Copy the toy course and the repository's ``nbgrader_config.py`` into ``dest``.

    Parameters
    ----------
    dest : Path
        An empty or missing folder; it becomes the toy repository root.

    Returns
    -------
    Path
        ``dest``, holding ``solutions/00-toy/`` and ``nbgrader_config.py``.

    """
    dest = Path(dest)
    shutil.copytree(TOY_FIXTURE, dest, dirs_exist_ok=True)
    shutil.copy(REPO_ROOT / NBGRADER_CONFIG_FILENAME, dest / NBGRADER_CONFIG_FILENAME)
    return dest
