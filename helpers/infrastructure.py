"""The environment a notebook runs in: pinned versions, a lock, and resource limits.

Everything here reads the *installed* environment (``importlib.metadata``, the
``resource`` module, ``/proc`` and ``/sys/fs/cgroup``), so it works wherever the course
package is installed, with or without the repository's files next to the notebook:

:func:`find_repository_root`
    The course repository's root folder, if the working folder is inside it.
:func:`course_distribution`, :func:`pinned_versus_installed`
    The course's declared pins (from the installed package's metadata) next to the
    versions actually installed.
:func:`requirement_closure`
    Distributions and everything they require, recursively, as installed here (also
    used by :mod:`helpers.packaging`).
:func:`lock_lines`, :func:`environment_fingerprint`
    Every installed distribution as ``name==version`` (what a lock file records), and
    one hash of that list.
:func:`resource_limits`
    The limits the current process runs under: address space, CPU time, processes,
    CPUs it may use, and the cgroup (container) limits when visible.
:func:`run_limited`
    Run Python code in a child process with an address-space cap and a CPU-time limit,
    and report how it ended (a safe way to watch a limit bite).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

import pandas as pd

from helpers._validation import check_int, check_real

__all__ = [
    "COURSE_DISTRIBUTION",
    "course_distribution",
    "environment_fingerprint",
    "find_repository_root",
    "lock_lines",
    "pinned_versus_installed",
    "requirement_closure",
    "resource_limits",
    "run_limited",
]

#: The course's own distribution name (pyproject.toml ``[project] name``).
COURSE_DISTRIBUTION = "mlops-course"


def _normalise(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


@functools.cache
def _requires(name: str) -> tuple[str, ...]:
    """``Requires-Dist`` lines of an installed distribution (cached for the process)."""
    return tuple(metadata.requires(name) or ())


def find_repository_root(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The course repository's root: the nearest folder with the course's pyproject.toml.

    Parameters
    ----------
    start : path or None, default None
        Where to start looking (the current working folder if None); its parents are
        searched too.

    Returns
    -------
    pathlib.Path or None
        The folder holding a ``pyproject.toml`` whose project is ``mlops-course``, or
        None (for example when the grader runs the notebook in a scratch folder).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     print(find_repository_root(folder))
    None

    """
    here = Path(start if start is not None else Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        try:
            project = tomllib.loads(candidate.read_text(encoding="utf-8")).get("project", {})
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        if project.get("name") == COURSE_DISTRIBUTION:
            return folder
    return None


def course_distribution() -> str:
    """The name of the installed distribution that provides the ``helpers`` package.

    The course's repository installs it as ``mlops-course``; a copy of the course may
    install it under another name.

    Returns
    -------
    str
        The distribution's name, or :data:`COURSE_DISTRIBUTION` if none is recorded.

    Examples
    --------
    >>> course_distribution()
    'mlops-course'

    """
    providers = metadata.packages_distributions().get("helpers") or [COURSE_DISTRIBUTION]
    return providers[0]


def pinned_versus_installed(distribution: str | None = None) -> pd.DataFrame:
    """The exact pins a distribution declares, next to the versions installed here.

    Reads the installed package's metadata (its ``Requires-Dist`` lines), not a file,
    so it works without the repository. Only requirements pinned with ``==`` are listed;
    requirements behind an extra (``[dev]``) are marked as such.

    Parameters
    ----------
    distribution : str or None, default None
        The installed distribution whose requirements to read; None means the one that
        provides the ``helpers`` package (:func:`course_distribution`).

    Returns
    -------
    pandas.DataFrame
        One row per pin: ``package``, ``requirement`` (the name with the extras it asks
        for, e.g. ``dask[dataframe,distributed]``), ``extra`` (``""``, or the name of the
        course's extra that needs it, e.g. ``dev``), ``pinned``, ``installed`` (None if
        absent) and ``matches`` (bool).

    Raises
    ------
    ValueError
        If ``distribution`` is not installed.

    Examples
    --------
    >>> table = pinned_versus_installed()
    >>> bool(table.loc[table["package"] == "numpy", "matches"].item())
    True

    """
    from packaging.requirements import Requirement

    distribution = course_distribution() if distribution is None else distribution
    try:
        requires = metadata.requires(distribution) or []
    except metadata.PackageNotFoundError as error:
        raise ValueError(f"distribution {distribution!r} is not installed") from error
    rows = []
    for text in requires:
        requirement = Requirement(text)
        pins = [spec.version for spec in requirement.specifier if spec.operator == "=="]
        if not pins:
            continue
        extra = ""
        if requirement.marker is not None and "extra" in str(requirement.marker):
            extra = str(requirement.marker).split("==")[-1].strip().strip("\"'")
        try:
            installed = metadata.version(requirement.name)
        except metadata.PackageNotFoundError:
            installed = None
        extras = f"[{','.join(sorted(requirement.extras))}]" if requirement.extras else ""
        rows.append({"package": requirement.name, "requirement": requirement.name + extras,
                     "extra": extra, "pinned": pins[0], "installed": installed,
                     "matches": installed == pins[0]})
    return pd.DataFrame(rows, columns=["package", "requirement", "extra", "pinned", "installed",
                                       "matches"])


def requirement_closure(requirements: str | Iterable[str]) -> list[str]:
    """Installed distributions and everything they require, recursively, as installed here.

    The one implementation of the course: :func:`helpers.packaging.requirement_closure`
    (the deployment week's list-only form) calls it. Requirements behind an extra are
    skipped, except the extras a requirement asks for by name (``dask[dataframe]`` brings
    pandas); environment markers are evaluated for this interpreter; a requirement that
    is not installed here (an optional one) is skipped. The metadata read is cached for
    the life of the process.

    Parameters
    ----------
    requirements : str or iterable of str
        One requirement or several, each an installed distribution's name that may ask
        for extras: ``"scikit-learn"``, ``"dask[dataframe]"``, ``["fastapi", "uvicorn"]``.

    Returns
    -------
    list of str
        Sorted, normalised names, the requested distributions included.

    Raises
    ------
    ValueError
        If a requested distribution is not installed, or a requirement cannot be parsed.

    Examples
    --------
    >>> closure = requirement_closure("scikit-learn")
    >>> {"scikit-learn", "numpy", "scipy", "joblib", "threadpoolctl"} <= set(closure)
    True
    >>> "pandas" in requirement_closure("dask"), "pandas" in requirement_closure("dask[dataframe]")
    (False, True)
    >>> requirement_closure(["numpy", "scipy"])
    ['numpy', 'scipy']

    """
    from packaging.requirements import InvalidRequirement, Requirement

    texts = [requirements] if isinstance(requirements, str) else list(requirements)
    queue: list[tuple[str, frozenset[str], bool]] = []
    for text in texts:
        try:
            root = Requirement(str(text))
        except InvalidRequirement as error:
            raise ValueError(f"{text!r} is not a requirement such as 'numpy' or "
                             "'dask[dataframe]'") from error
        queue.append((root.name, frozenset(root.extras), True))
    seen: set[str] = set()
    expanded: set[tuple[str, frozenset[str]]] = set()
    while queue:
        name, extras, requested = queue.pop()
        key = (_normalise(name), extras)
        if key in expanded:
            continue
        expanded.add(key)
        try:
            requires = _requires(name)
        except metadata.PackageNotFoundError as error:
            if requested:
                raise ValueError(f"distribution {name!r} is not installed") from error
            continue  # an optional dependency that is not installed here
        seen.add(_normalise(name))
        for text in requires:
            requirement = Requirement(text)
            marker = requirement.marker
            if marker is not None and not any(marker.evaluate({"extra": e})
                                              for e in (extras or {""})):
                continue
            queue.append((requirement.name, frozenset(requirement.extras), False))
    return sorted(seen)


def lock_lines() -> list[str]:
    """Every installed distribution as ``name==version``, sorted: a lock file's content.

    Returns
    -------
    list of str
        Normalised names; each distribution once.

    Examples
    --------
    >>> lines = lock_lines()
    >>> any(line.startswith("numpy==") for line in lines), lines == sorted(lines)
    (True, True)

    """
    found = {}
    for dist in metadata.distributions():
        name = dist.metadata["Name"]
        if name:
            found.setdefault(_normalise(name), dist.version)
    return sorted(f"{name}=={version}" for name, version in found.items())


def environment_fingerprint(lines: list[str] | None = None) -> str:
    """SHA-256 of the lock lines (and the Python version): one name for an environment.

    Two environments with the same fingerprint run the same Python with the same
    versions of every distribution.

    Parameters
    ----------
    lines : list of str or None, default None
        ``name==version`` lines; :func:`lock_lines` of this environment if None.

    Returns
    -------
    str
        64 hexadecimal characters.

    Examples
    --------
    >>> environment_fingerprint(["numpy==2.4.6"]) == environment_fingerprint(["numpy==2.4.6"])
    True
    >>> environment_fingerprint(["numpy==2.4.6"]) == environment_fingerprint(["numpy==2.4.5"])
    False

    """
    entries = lock_lines() if lines is None else sorted(lines)
    payload = json.dumps({"python": sys.version.split()[0], "distributions": entries})
    return hashlib.sha256(payload.encode()).hexdigest()


def _limit_text(value: int, unit: str) -> str:
    if value == resource.RLIM_INFINITY:
        return "unlimited"
    if unit == "MB":
        return f"{value / 2**20:,.0f} MB"
    return f"{value:,} {unit}".strip()


def _cgroup_value(name: str) -> str | None:
    try:
        return Path("/sys/fs/cgroup", name).read_text().strip()
    except OSError:
        return None


def resource_limits() -> pd.DataFrame:
    """The limits this process runs under, as a small table.

    Returns
    -------
    pandas.DataFrame
        Columns ``limit``, ``value`` and ``meaning``: the address-space, CPU-time,
        process and open-file limits (soft values, from :mod:`resource`), the CPUs the
        process may run on, and the cgroup v2 CPU and memory limits when the files are
        readable ("not visible" otherwise).

    Examples
    --------
    >>> table = resource_limits()
    >>> "RLIMIT_AS" in set(table["limit"])
    True

    """
    rows = []
    for name, unit, meaning in [
        ("RLIMIT_AS", "MB", "address space (virtual memory) of one process"),
        ("RLIMIT_CPU", "s", "CPU seconds one process may use"),
        ("RLIMIT_NPROC", "", "processes (and threads) of this user"),
        ("RLIMIT_NOFILE", "", "open files of one process"),
    ]:
        soft, _ = resource.getrlimit(getattr(resource, name))
        rows.append({"limit": name, "value": _limit_text(soft, unit), "meaning": meaning})
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    rows.append({"limit": "CPUs (os.cpu_count)", "value": str(os.cpu_count()),
                 "meaning": "CPUs of the machine"})
    rows.append({"limit": "CPUs this process may use", "value": str(usable),
                 "meaning": "scheduler affinity (taskset, container cpusets)"})
    for name, meaning in [("cpu.max", "cgroup CPU quota: microseconds per period"),
                          ("memory.max", "cgroup memory limit in bytes (RAM actually used)")]:
        value = _cgroup_value(name)
        rows.append({"limit": f"cgroup {name}", "value": value if value else "not visible",
                     "meaning": meaning})
    return pd.DataFrame(rows, columns=["limit", "value", "meaning"])


def _prelude(memory: int | None, cpu: int | None) -> str:
    """Lines that lower the child's own limits before its code runs."""
    lines = ["import resource"]
    if memory is not None:
        lines.append(f"resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))")
    if cpu is not None:
        lines.append(f"resource.setrlimit(resource.RLIMIT_CPU, ({cpu}, {cpu + 1}))")
    return "\n".join(lines) + "\n"


def run_limited(code: str, *, memory_mb: float | None = None, cpu_seconds: int | None = None,
                timeout: float = 60.0) -> dict[str, object]:
    r"""Run Python ``code`` in a child process under resource limits, and report the end.

    The child is the same interpreter started in isolated mode (``python -I -c``); it
    lowers its own limits before running ``code``, so the notebook's process is never
    limited. ``RLIMIT_AS`` caps its address space (an allocation beyond it raises
    ``MemoryError``); ``RLIMIT_CPU`` caps its CPU time (the kernel then sends
    ``SIGXCPU``, which ends it). ``timeout`` is a wall-clock deadline on top. Several
    calls may run at once in threads (each waits for its own child only).

    Parameters
    ----------
    code : str
        Python source to run in the child.
    memory_mb : float or None, default None
        Address-space cap in MB (2**20 bytes), at least 64; None for no cap.
    cpu_seconds : int or None, default None
        CPU-time limit in whole seconds, at least 1; None for no limit.
    timeout : float, default 60
        Seconds before the child is killed if it is still running.

    Returns
    -------
    dict
        ``returncode`` (negative: the signal that ended it), ``signal`` (its name or
        None), ``stdout`` and ``stderr`` (text), ``timed_out`` (bool) and
        ``cpu_seconds`` (CPU time the child used).

    Raises
    ------
    ValueError
        If a limit is out of range or ``code`` is not a string.

    Examples
    --------
    >>> run_limited("print(2 + 2)")["stdout"]
    '4\n'
    >>> ended = run_limited("x = bytearray(512 * 2**20)", memory_mb=256)
    >>> ended["returncode"], "MemoryError" in ended["stderr"]
    (1, True)

    """
    if not isinstance(code, str):
        raise ValueError(f"code must be Python source text, got {type(code).__name__}")
    memory = None if memory_mb is None else int(
        check_real(memory_mb, "memory_mb", low=64.0) * 2**20)
    cpu = None if cpu_seconds is None else check_int(cpu_seconds, "cpu_seconds", minimum=1)
    deadline = check_real(timeout, "timeout", low=0.0, low_inclusive=False)
    program = _prelude(memory, cpu) + code
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen([sys.executable, "-I", "-c", program], stdout=out, stderr=err,
                                 stdin=subprocess.DEVNULL,
                                 env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")})
        # os.wait4 reaps this child only and returns its own resource usage, so several
        # run_limited calls may run at the same time (in threads) without mixing their CPU.
        stop_at = time.monotonic() + deadline
        timed_out = False
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() >= stop_at:
                child.kill()
                pid, status, usage = os.wait4(child.pid, 0)
                timed_out = True
                break
            time.sleep(0.005)
        child.returncode = os.waitstatus_to_exitcode(status)  # already reaped
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    returncode = child.returncode
    name = signal.Signals(-returncode).name if returncode < 0 else None
    return {"returncode": returncode, "signal": name, "stdout": stdout, "stderr": stderr,
            "timed_out": timed_out, "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3)}
