"""Run nbgrader's converters in this Python process, with the course's configuration.

``nbgrader generate_assignment`` and ``nbgrader autograde`` are thin apps around the
converters :class:`nbgrader.converters.GenerateAssignment` and
:class:`nbgrader.converters.Autograde`; ``NbGraderAPI`` wraps the same converters
but also starts an exchange lister that looks for ``/srv/nbgrader/exchange``.
Calling the converters directly skips both the app start-up and the exchange, and
lets one call process many assignments and students.
"""

from __future__ import annotations

import functools
import io
import logging
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from traitlets.config import Config, PyFileConfigLoader

from coursebuild.layout import NBGRADER_CONFIG_FILENAME


class NbGraderError(RuntimeError):
    """An nbgrader step failed; the message carries nbgrader's own error lines."""


def load_course_config(repo_root: Path) -> Config:
    """Load ``<repo_root>/nbgrader_config.py`` if it exists.

    Parameters
    ----------
    repo_root : Path
        The course repository root.

    Returns
    -------
    traitlets.config.Config
        The configuration; empty when the repository has no ``nbgrader_config.py``.

    """
    path = Path(repo_root) / NBGRADER_CONFIG_FILENAME
    if not path.is_file():
        return Config()
    return PyFileConfigLoader(path.name, path=str(path.parent)).load_config()


def sqlite_url(path: Path) -> str:
    """Return the SQLAlchemy URL of an sqlite file.

    Parameters
    ----------
    path : Path
        The database file.

    Returns
    -------
    str
        ``sqlite:////absolute/path``.

    """
    return f"sqlite:///{Path(path).resolve()}"


@contextmanager
def environment_for_nbgrader() -> Iterator[None]:
    """Prepare this process for nbgrader and undo it afterwards.

    * nbgrader 0.9.6 runs ``alembic heads`` in a subprocess each time it creates a
      gradebook, to stamp its schema version.  That subprocess re-imports nbgrader
      (about 4 s) and needs the ``alembic`` script on ``PATH`` (missing from an
      unactivated virtualenv, which leaves a half-created database behind).  The
      same answer is read in-process from nbgrader's migration scripts instead.
    * The SQLAlchemy "not in session" warnings that nbgrader's gradebook emits on
      every autograde are harmless and silenced.

    Yields
    ------
    None

    """
    import nbgrader.api

    original = nbgrader.api.get_alembic_version
    nbgrader.api.get_alembic_version = _alembic_head_or(original)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r".*not in session.*")
            yield
    finally:
        nbgrader.api.get_alembic_version = original


@functools.cache
def _alembic_head() -> str:
    """Return the newest revision of nbgrader's gradebook schema, read in-process."""
    import nbgrader
    from alembic.config import Config as AlembicConfig
    from alembic.script import ScriptDirectory

    alembic_config = AlembicConfig()
    alembic_config.set_main_option(
        "script_location", str(Path(nbgrader.__file__).parent / "alembic")
    )
    head = ScriptDirectory.from_config(alembic_config).get_current_head()
    if not head:
        raise RuntimeError("nbgrader's alembic scripts have no head revision")
    return head


def _alembic_head_or(fallback: Callable[[], str]) -> Callable[[], str]:
    def get_alembic_version() -> str:
        try:
            return _alembic_head()
        except Exception:  # noqa: BLE001 -- nbgrader's own way still works
            return fallback()

    return get_alembic_version


def run_converter(converter: Any, action: str) -> str:
    """Run an nbgrader converter and return its log.

    Parameters
    ----------
    converter : nbgrader.converters.BaseConverter
        A configured converter, e.g. ``GenerateAssignment``.
    action : str
        What it does, for the error message (``"generate_assignment"``).

    Returns
    -------
    str
        nbgrader's log lines (INFO and above).

    Raises
    ------
    NbGraderError
        If the converter fails; the message has nbgrader's error lines.

    """
    buffer = io.StringIO()
    text_handler = logging.StreamHandler(buffer)
    text_handler.setFormatter(logging.Formatter("[%(levelname)s] %(message)s"))
    errors = _ErrorCollector()
    log = converter.log
    old_level, old_propagate = log.level, log.propagate
    for handler in (text_handler, errors):
        log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    try:
        with environment_for_nbgrader():
            converter.start()
    except Exception as error:
        details = "\n".join(errors.summaries()) or f"{type(error).__name__}: {error}"
        raise NbGraderError(f"nbgrader {action} failed:\n{details}") from error
    finally:
        for handler in (text_handler, errors):
            log.removeHandler(handler)
        log.setLevel(old_level)
        log.propagate = old_propagate
    return buffer.getvalue()


class _ErrorCollector(logging.Handler):
    """Keep nbgrader's ERROR messages, tracebacks cut to their last lines."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    def summaries(self, max_lines: int = 12) -> list[str]:
        """Return the messages, each cut to its last ``max_lines`` lines."""
        out = []
        for message in self.messages:
            lines = message.rstrip().splitlines()
            if len(lines) > max_lines:
                lines = ["  ..."] + lines[-max_lines:]
            out.append("\n".join(lines))
        return out
