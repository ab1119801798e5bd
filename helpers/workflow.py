"""Workflows as task graphs: run them on Dask, time them, make tasks flaky, retry them.

The infrastructure week writes RiskNet's nightly training job as a **directed acyclic
graph** of tasks (extract, validate, build features, train, evaluate, report) and runs it
on Dask's threaded scheduler, which starts each task as soon as its inputs are ready.
This module holds the plumbing around that lesson; it deliberately holds no graph
algorithm (ordering, levels), which the notebook's exercises ask for.

:func:`to_dask_graph`
    Turn ``{name: (function, [dependencies])}`` into a Dask graph dict whose tasks
    record when they ran, on which thread, in a :class:`TaskLog`.
:func:`dependencies_of`
    The same workflow as plain data, ``{name: [dependencies]}``.
:func:`plot_gantt`
    A Gantt chart of a :class:`TaskLog`: one bar per task, coloured by worker thread.
:class:`FlakyTask`
    Wrap a function so that each call fails (raises) with a given probability, drawn
    from its own seeded generator: a reproducible failure injector.
:func:`call_with_retries`
    Call a function again after each retryable failure, waiting the given delays.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from helpers._validation import check_real, check_seed

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "FlakyTask",
    "TaskLog",
    "call_with_retries",
    "dependencies_of",
    "plot_gantt",
    "to_dask_graph",
]


@dataclass
class TaskLog:
    """A thread-safe record of task runs: name, worker thread, start and end times.

    Times are seconds on :func:`time.perf_counter`'s clock; :meth:`frame` shifts them so
    that the first task starts at 0.

    Examples
    --------
    >>> log = TaskLog()
    >>> with log.timing("load"):
    ...     pass
    >>> frame = log.frame()
    >>> list(frame.columns), frame.loc[0, "task"], float(frame.loc[0, "start"])
    (['task', 'worker', 'start', 'end', 'seconds'], 'load', 0.0)

    """

    records: list[dict[str, Any]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def timing(self, name: str) -> _Timing:
        """A context manager that records one run of task ``name``."""
        if not isinstance(name, str) or not name:
            raise ValueError(f"name must be a non-empty string, got {name!r}")
        return _Timing(self, name)

    def add(self, name: str, worker: str, start: float, end: float) -> None:
        """Record that ``name`` ran on thread ``worker`` from ``start`` to ``end``."""
        with self._lock:
            self.records.append({"task": name, "worker": worker, "start": start, "end": end})

    def frame(self) -> pd.DataFrame:
        """The runs as a DataFrame sorted by start time, times relative to the first start.

        Returns
        -------
        pandas.DataFrame
            Columns ``task``, ``worker``, ``start``, ``end`` and ``seconds``.
        """
        with self._lock:
            table = pd.DataFrame(self.records, columns=["task", "worker", "start", "end"])
        if table.empty:
            return table.assign(seconds=pd.Series(dtype=float))
        origin = table["start"].min()
        table[["start", "end"]] = table[["start", "end"]] - origin
        table["seconds"] = table["end"] - table["start"]
        return table.sort_values("start", ignore_index=True)


class _Timing:
    """Context manager behind :meth:`TaskLog.timing`."""

    def __init__(self, log: TaskLog, name: str) -> None:
        self.log, self.name = log, name

    def __enter__(self) -> _Timing:
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.log.add(self.name, threading.current_thread().name, self.start,
                     time.perf_counter())


def _check_tasks(tasks: object) -> dict[str, tuple[Callable[..., Any], list[str]]]:
    if not isinstance(tasks, Mapping):
        raise TypeError("tasks must be a dict {name: (function, [dependency names])}, "
                        f"got {type(tasks).__name__}")
    checked = {}
    for name, spec in tasks.items():
        if not isinstance(name, str) or not name:
            raise ValueError(f"task names must be non-empty strings, got {name!r}")
        if not (isinstance(spec, tuple | list) and len(spec) == 2 and callable(spec[0])):
            raise ValueError(f"tasks[{name!r}] must be (function, [dependency names])")
        function, dependencies = spec
        if isinstance(dependencies, str) or not isinstance(dependencies, Sequence):
            raise ValueError(f"the dependencies of {name!r} must be a list of task names")
        unknown = [d for d in dependencies if d not in tasks]
        if unknown:
            raise ValueError(f"task {name!r} depends on {unknown[0]!r}, which is not a task")
        checked[name] = (function, list(dependencies))
    return checked


def dependencies_of(tasks: Mapping[str, tuple[Callable[..., Any], Sequence[str]]]
                    ) -> dict[str, list[str]]:
    """The workflow's structure as plain data: ``{name: [dependency names]}``.

    Parameters
    ----------
    tasks : dict
        ``{name: (function, [dependency names])}``.

    Returns
    -------
    dict of str to list of str
        The same names, in the same order, with copies of the dependency lists.

    Raises
    ------
    TypeError, ValueError
        If ``tasks`` is not such a dict, or names a dependency that is not a task.

    Examples
    --------
    >>> dependencies_of({"load": (len, []), "clean": (len, ["load"])})
    {'load': [], 'clean': ['load']}

    """
    return {name: list(dependencies) for name, (_, dependencies) in _check_tasks(tasks).items()}


def _timed(name: str, function: Callable[..., Any], log: TaskLog) -> Callable[..., Any]:
    def run(*inputs: Any) -> Any:
        with log.timing(name):
            return function(*inputs)

    run.__name__ = name  # Dask labels a task by its function's name
    return run


def to_dask_graph(tasks: Mapping[str, tuple[Callable[..., Any], Sequence[str]]],
                  log: TaskLog | None = None) -> dict[str, tuple[Any, ...]]:
    """Build a Dask graph dict that runs ``tasks`` and records each run in ``log``.

    Each task becomes ``name: (function, *dependencies)``: Dask passes the results of
    the dependencies, in the listed order, as the function's positional arguments.

    Parameters
    ----------
    tasks : dict
        ``{name: (function, [dependency names])}``; every dependency must be a task.
    log : TaskLog or None, default None
        Where to record when each task ran and on which thread; None records nothing.

    Returns
    -------
    dict
        A graph for ``dask.threaded.get(graph, keys)`` or ``dask.get``.

    Raises
    ------
    TypeError, ValueError
        If ``tasks`` is malformed or names an unknown dependency.

    Examples
    --------
    >>> import dask
    >>> log = TaskLog()
    >>> graph = to_dask_graph({"two": (lambda: 2, []), "three": (lambda: 3, []),
    ...                        "product": (lambda a, b: a * b, ["two", "three"])}, log)
    >>> dask.get(graph, "product")
    6
    >>> sorted(log.frame()["task"])
    ['product', 'three', 'two']

    """
    checked = _check_tasks(tasks)
    graph: dict[str, tuple[Any, ...]] = {}
    for name, (function, dependencies) in checked.items():
        run = function if log is None else _timed(name, function, log)
        graph[name] = (run, *dependencies)
    return graph


def plot_gantt(log: TaskLog | pd.DataFrame, *, title: str, ax: Axes | None = None) -> Axes:
    """Draw a Gantt chart of task runs: one bar per run, one colour per worker thread.

    Parameters
    ----------
    log : TaskLog or DataFrame
        The runs (a :class:`TaskLog` or its :meth:`TaskLog.frame`).
    title : str
        The chart's title.
    ax : matplotlib Axes or None, default None
        Where to draw; a new figure if None.

    Returns
    -------
    matplotlib.axes.Axes
        Titled, with labelled axes (seconds since the first task started; task).

    Raises
    ------
    ValueError
        If there are no runs to draw.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> log = TaskLog()
    >>> log.add("load", "worker-1", 0.0, 0.5)
    >>> log.add("train", "worker-2", 0.5, 1.5)
    >>> ax = plot_gantt(log, title="Two tasks")
    >>> [label.get_text() for label in ax.get_yticklabels()]
    ['load', 'train']
    >>> plt.close(ax.figure)

    """
    from matplotlib.patches import Patch

    from helpers.plotting import new_axes

    table = log.frame() if isinstance(log, TaskLog) else log
    if table.empty:
        raise ValueError("there are no task runs to draw: run the graph first")
    ax = new_axes(title, "Time since the first task started (s)", "Task", ax=ax,
                  figsize=(9, 0.35 * len(table) + 1.5))
    workers = list(dict.fromkeys(table["worker"]))
    colours = ["tab:blue", "tab:orange", "tab:green", "tab:red", "tab:purple", "tab:brown"]
    order = list(dict.fromkeys(table["task"]))
    shortest = 0.004 * max(float(table["end"].max() - table["start"].min()), 1e-9)
    for row in table.itertuples(index=False):
        number = workers.index(row.worker)
        ax.barh(order.index(row.task), max(row.end - row.start, shortest), left=row.start,
                height=0.6, color=colours[number % len(colours)])
    ax.set_yticks(range(len(order)), order)
    ax.invert_yaxis()  # the first task on top
    ax.legend(handles=[Patch(color=colours[number % len(colours)],
                             label=f"worker thread {number + 1}")
                       for number in range(len(workers))],
              loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")  # off the bars
    return ax


class FlakyTask:
    """A function that sometimes fails: each call raises with probability ``failure_rate``.

    The failures come from the object's own generator, seeded by ``seed``, so a run of
    calls fails at the same calls every time (a reproducible failure injector). Use it
    to test that a workflow survives transient errors.

    Parameters
    ----------
    function : callable
        What a successful call runs.
    failure_rate : float
        Chance, between 0 and 1, that a call raises instead of running ``function``.
    seed : int
        Seed of the generator that decides which calls fail.
    error : type of Exception, default TimeoutError
        What a failing call raises.

    Attributes
    ----------
    calls : int
        Calls so far, failed or not.
    failures : int
        Calls that raised.

    Examples
    --------
    >>> task = FlakyTask(lambda x: 2 * x, failure_rate=0.5, seed=1)
    >>> outcomes = []
    >>> for _ in range(6):
    ...     try:
    ...         outcomes.append(task(21))
    ...     except TimeoutError:
    ...         outcomes.append("timeout")
    >>> len(outcomes), task.calls, task.failures == outcomes.count("timeout")
    (6, 6, True)
    >>> again = FlakyTask(lambda x: 2 * x, failure_rate=0.5, seed=1)
    >>> [again.fails_next() for _ in range(6)] == [o == "timeout" for o in outcomes]
    True

    """

    def __init__(self, function: Callable[..., Any], failure_rate: float, *, seed: int,
                 error: type[Exception] = TimeoutError) -> None:
        if not callable(function):
            raise TypeError(f"function must be callable, got {type(function).__name__}")
        self.function = function
        self.failure_rate = check_real(failure_rate, "failure_rate", low=0.0, high=1.0)
        self.rng = np.random.default_rng(check_seed(seed))
        if not (isinstance(error, type) and issubclass(error, Exception)):
            raise TypeError(f"error must be an exception class, got {error!r}")
        self.error = error
        self.calls = 0
        self.failures = 0

    def fails_next(self) -> bool:
        """Draw whether the next call fails (and count it as a call)."""
        self.calls += 1
        failed = bool(self.rng.random() < self.failure_rate)
        self.failures += failed
        return failed

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Run ``function(*args, **kwargs)``, unless this call is drawn to fail."""
        if self.fails_next():
            name = getattr(self.function, "__name__", "task")
            raise self.error(f"{name}: injected failure on call {self.calls}")
        return self.function(*args, **kwargs)

    def __repr__(self) -> str:
        return (f"FlakyTask(failure_rate={self.failure_rate}, calls={self.calls}, "
                f"failures={self.failures})")


def call_with_retries(function: Callable[..., Any], *args: Any, waits: Sequence[float],
                      retry_on: tuple[type[BaseException], ...] = (Exception,),
                      sleep: Callable[[float], Any] = time.sleep, **kwargs: Any) -> Any:
    """Call ``function(*args, **kwargs)``; after a retryable failure wait, then try again.

    There are at most ``len(waits) + 1`` attempts: attempt ``k + 1`` starts after
    ``sleep(waits[k])``. An error that is not an instance of ``retry_on`` is raised at
    once; when the attempts run out, the last error is raised.

    Parameters
    ----------
    function : callable
        The task to run.
    *args, **kwargs
        Its arguments.
    waits : sequence of float
        Seconds to wait before each retry, e.g. ``[1, 2, 4]`` (exponential backoff).
    retry_on : tuple of exception classes, default (Exception,)
        The errors worth retrying (transient ones: timeouts, lost connections).
    sleep : callable, default time.sleep
        How to wait; pass a function that only records the waits to simulate them.

    Returns
    -------
    object
        What the first successful attempt returned.

    Raises
    ------
    Exception
        The first non-retryable error, or the last error when every attempt failed.
    ValueError
        If a wait is negative.

    Examples
    --------
    >>> task = FlakyTask(lambda: "done", failure_rate=0.6, seed=3)
    >>> waited = []
    >>> call_with_retries(task, waits=[1, 2, 4, 8], retry_on=(TimeoutError,),
    ...                   sleep=waited.append)
    'done'
    >>> len(waited) == task.calls - 1
    True

    """
    delays = [check_real(w, "each wait", low=0.0) for w in waits]
    for attempt in range(len(delays) + 1):
        try:
            return function(*args, **kwargs)
        except retry_on:
            if attempt == len(delays):
                raise
            sleep(delays[attempt])
    raise AssertionError("unreachable")  # pragma: no cover
