"""Experiment tracking that stays on this machine: MLflow on a SQLite file, offline.

The course installs ``mlflow-skinny``: MLflow's tracking client without its web UI.
Runs are written to a SQLite database and an artifact folder, both under one folder
of the notebook's working directory (``output/mlflow`` by default), so nothing is
written elsewhere and no server is needed:

:func:`keep_mlflow_offline`
    Switch off MLflow's usage telemetry (it would otherwise send anonymous usage
    events over the network). Call it before ``import mlflow``.
:func:`local_tracking`
    Point MLflow at ``<folder>/mlflow.db`` and ``<folder>/artifacts`` and select an
    experiment; returns a :class:`LocalTracker` that also knows the command that
    opens the UI (which needs the full ``mlflow`` package).
:func:`environment_record`, :func:`json_fingerprint`
    What a run ran on (Python, platform, package versions) and a stable hash of it.

Notes
-----
MLflow 3.17's file store (``./mlruns``) is in maintenance mode: it raises unless
``MLFLOW_ALLOW_FILE_STORE=true`` is set. The SQLite store needs SQLAlchemy and
alembic, which ``mlflow-skinny`` does not install itself; the course's environment
has them (nbgrader depends on both).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import platform
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from helpers._validation import check_int, check_text

__all__ = [
    "DEFAULT_PACKAGES",
    "OFFLINE_SETTINGS",
    "LocalTracker",
    "environment_record",
    "json_fingerprint",
    "keep_mlflow_offline",
    "local_tracking",
]

OFFLINE_SETTINGS: dict[str, str] = {
    "MLFLOW_DISABLE_TELEMETRY": "true",  # MLflow's own switch for usage telemetry
    "DO_NOT_TRACK": "true",  # the cross-tool convention, which MLflow also honours
}
"""Environment variables that keep MLflow from sending usage telemetry."""

DEFAULT_PACKAGES: tuple[str, ...] = (
    "numpy", "pandas", "scipy", "scikit-learn", "mlflow-skinny", "skops",
)
"""Distributions whose versions :func:`environment_record` records by default."""

_QUIET_LOGGERS = ("mlflow.store.db.utils", "alembic.runtime.migration", "alembic")
_QUIET_SETTINGS = {"MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR": "false"}  # no tqdm bars in notebooks

# SQLite files whose connections skip fsync (see ``local_tracking(fast_writes=True)``).
_FAST_SQLITE_FILES: set[str] = set()
_fast_listener_installed = False


def _skip_fsync_for(db_file: Path) -> None:
    """Open future SQLAlchemy connections to ``db_file`` with ``PRAGMA synchronous = OFF``."""
    global _fast_listener_installed
    _FAST_SQLITE_FILES.add(os.path.realpath(db_file))
    if _fast_listener_installed:
        return
    import sqlite3

    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "connect")
    def _relax_sync(dbapi_connection: Any, _record: Any) -> None:
        if not isinstance(dbapi_connection, sqlite3.Connection):
            return
        files = {os.path.realpath(row[2]) for row in
                 dbapi_connection.execute("PRAGMA database_list").fetchall() if row[2]}
        if files & _FAST_SQLITE_FILES:
            dbapi_connection.execute("PRAGMA synchronous = OFF")

    _fast_listener_installed = True


def keep_mlflow_offline() -> dict[str, str]:
    """Switch off MLflow's usage telemetry for this process and its children.

    MLflow decides whether to send anonymous usage events when it is imported, so
    call this first. If ``mlflow`` was already imported, its telemetry client is
    re-initialised, which turns it off.

    Returns
    -------
    dict of str to str
        The environment variables that were set (:data:`OFFLINE_SETTINGS`).

    Examples
    --------
    >>> import os
    >>> from helpers.tracking import keep_mlflow_offline
    >>> settings = keep_mlflow_offline()
    >>> os.environ["MLFLOW_DISABLE_TELEMETRY"]
    'true'

    """
    os.environ.update(OFFLINE_SETTINGS)
    if "mlflow" in sys.modules:
        try:
            from mlflow.telemetry import set_telemetry_client

            set_telemetry_client()  # sees the variables and installs no client
        except Exception:  # noqa: BLE001 - best effort: older or newer MLflow layouts
            pass
    return dict(OFFLINE_SETTINGS)


@dataclass(frozen=True)
class LocalTracker:
    """Where an MLflow experiment lives on this machine.

    Attributes
    ----------
    folder : pathlib.Path
        The folder that holds everything: ``mlflow.db`` and ``artifacts/``.
    tracking_uri : str
        ``sqlite:///<folder>/mlflow.db``, the backend store.
    artifact_location : str
        ``file://<folder>/artifacts``, where runs' files are copied.
    experiment_id : str
        The experiment's id in the store.
    experiment_name : str
        The experiment's name.
    """

    folder: Path
    tracking_uri: str
    artifact_location: str
    experiment_id: str
    experiment_name: str

    def ui_command(self, port: int = 5000) -> str:
        """The shell command that serves MLflow's UI for this store on 127.0.0.1.

        The UI is not part of ``mlflow-skinny``: it needs the full ``mlflow`` package
        (``pip install mlflow==<the same version>``), ideally in its own environment.

        Parameters
        ----------
        port : int, default 5000
            The local port, 1024-65535.

        Returns
        -------
        str
            The command, with telemetry switched off.
        """
        port = check_int(port, "port", minimum=1024, maximum=65_535)
        return (f"MLFLOW_DISABLE_TELEMETRY=true mlflow ui --backend-store-uri "
                f"{self.tracking_uri} --host 127.0.0.1 --port {port}")


def _require_sqlite_support() -> None:
    missing = [name for name in ("sqlalchemy", "alembic") if importlib.util.find_spec(name) is None]
    if missing:
        raise ImportError(
            f"MLflow's SQLite store needs {' and '.join(missing)}, which mlflow-skinny does not "
            "install: pip install sqlalchemy alembic (the course's environment has them)."
        )


def local_tracking(
    folder: str | os.PathLike[str] = "output/mlflow",
    *,
    experiment: str = "risknet-lifecycle",
    fast_writes: bool = True,
) -> LocalTracker:
    """Send MLflow's runs to a SQLite file under ``folder`` and select an experiment.

    Telemetry is switched off first (:func:`keep_mlflow_offline`). The store is
    ``<folder>/mlflow.db`` and the experiment's artifacts go to ``<folder>/artifacts``,
    so MLflow writes nothing outside ``folder`` (no ``./mlruns``, no ``./mlflow.db``).
    Calling it again with the same folder reuses the store and the experiment, so
    runs accumulate across sessions.

    Parameters
    ----------
    folder : str or path-like, default "output/mlflow"
        The tracker's folder, relative to the working directory or absolute;
        created if missing.
    experiment : str, default "risknet-lifecycle"
        The experiment's name; created if missing (restored if it was deleted).
    fast_writes : bool, default True
        Open the SQLite file with ``PRAGMA synchronous = OFF``: SQLite hands its writes
        to the operating system without waiting for the disk. Creating a new store runs
        some sixty schema migrations, each of which would otherwise wait for the disk
        (seconds on a busy machine). An operating-system crash or power cut can then
        lose the last writes or corrupt the file: fine for a notebook's scratch store,
        not for a tracker a team relies on.

    Returns
    -------
    LocalTracker
        The store's URIs and the experiment's id; the experiment is also made
        MLflow's active experiment.

    Raises
    ------
    TypeError
        If ``folder`` is not a path or ``experiment`` not a string.
    ValueError
        If ``experiment`` is blank or ``folder`` is an existing file.
    ImportError
        If SQLAlchemy or alembic is missing (see the module notes).

    Examples
    --------
    >>> import tempfile
    >>> from helpers.tracking import local_tracking
    >>> with tempfile.TemporaryDirectory() as scratch:
    ...     tracker = local_tracking(scratch, experiment="demo")
    ...     again = local_tracking(scratch, experiment="demo")
    ...     print(tracker.tracking_uri.startswith("sqlite:///"), again == tracker)
    True True

    """
    if not isinstance(folder, str | os.PathLike):
        raise TypeError(f"folder must be a path such as 'output/mlflow', got {folder!r}.")
    check_text(experiment, "experiment")
    root = Path(folder).resolve()
    if root.exists() and not root.is_dir():
        raise ValueError(f"folder {str(root)!r} is a file; pass a folder for the tracker.")
    keep_mlflow_offline()
    os.environ.update(_QUIET_SETTINGS)
    _require_sqlite_support()
    root.mkdir(parents=True, exist_ok=True)
    if fast_writes:
        _skip_fsync_for(root / "mlflow.db")
    for name in _QUIET_LOGGERS:  # creating the tables logs a few INFO lines
        logging.getLogger(name).setLevel(logging.WARNING)

    import mlflow

    tracking_uri = f"sqlite:///{(root / 'mlflow.db').as_posix()}"
    artifact_location = (root / "artifacts").as_uri()
    mlflow.set_tracking_uri(tracking_uri)
    client = mlflow.MlflowClient(tracking_uri)
    found = client.get_experiment_by_name(experiment)
    if found is None:
        experiment_id = client.create_experiment(experiment, artifact_location=artifact_location)
    else:
        experiment_id = found.experiment_id
        if found.lifecycle_stage == "deleted":
            client.restore_experiment(experiment_id)
        artifact_location = found.artifact_location
    mlflow.set_experiment(experiment_id=experiment_id)
    return LocalTracker(root, tracking_uri, artifact_location, str(experiment_id), experiment)


def environment_record(packages: tuple[str, ...] | list[str] = DEFAULT_PACKAGES) -> dict[str, Any]:
    """Describe the software a run used: Python, the platform and package versions.

    Parameters
    ----------
    packages : sequence of str, default :data:`DEFAULT_PACKAGES`
        Distribution names as pip knows them (``"scikit-learn"``, not ``"sklearn"``).

    Returns
    -------
    dict
        ``python`` (version), ``implementation``, ``system``, ``machine`` and
        ``packages``: name -> installed version, or None when not installed. Plain
        JSON-compatible data, ready to log or to fingerprint.

    Raises
    ------
    TypeError
        If ``packages`` is a single string or holds something other than strings.

    Examples
    --------
    >>> from helpers.tracking import environment_record
    >>> record = environment_record(["numpy", "no-such-package"])
    >>> sorted(record)
    ['implementation', 'machine', 'packages', 'python', 'system']
    >>> record["packages"]["no-such-package"] is None
    True

    """
    if isinstance(packages, str) or not all(isinstance(p, str) for p in packages):
        raise TypeError("packages must be a list of distribution names, e.g. ['numpy'].")
    versions: dict[str, str | None] = {}
    for name in packages:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "system": platform.system(),
        "machine": platform.machine(),
        "packages": versions,
    }


def json_fingerprint(value: Any) -> str:
    """Return the SHA-256 of ``value`` written as canonical JSON.

    Keys are sorted and whitespace is fixed, so equal data gives the same
    fingerprint in any process, on any machine, whatever the order of a dict's keys.

    Parameters
    ----------
    value : JSON-compatible data
        Dicts with string keys, lists, strings, numbers, booleans and None.

    Returns
    -------
    str
        64 hexadecimal characters.

    Raises
    ------
    TypeError
        If ``value`` holds something JSON cannot represent (a set, a DataFrame...).

    Examples
    --------
    >>> from helpers.tracking import json_fingerprint
    >>> json_fingerprint({"b": 1, "a": [1, 2]}) == json_fingerprint({"a": [1, 2], "b": 1})
    True
    >>> len(json_fingerprint({"a": 1}))
    64

    """
    try:
        text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True,
                          allow_nan=True)
    except TypeError as error:
        raise TypeError(
            f"value must be JSON-compatible data (dicts, lists, strings, numbers, None): {error}"
        ) from None
    return hashlib.sha256(text.encode("ascii")).hexdigest()
