"""Measure how long code takes and print durations readably.

Use :class:`Timer` around a block, :func:`time_call` to time a call several
times, and :func:`format_seconds` to show a duration with sensible units.
All timing uses :func:`time.perf_counter`.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from helpers._validation import check_int, check_real

__all__ = ["Timer", "TimingResult", "format_seconds", "time_call"]


class Timer:
    """Context manager that measures the wall-clock time of a block.

    Attributes
    ----------
    seconds : float
        Elapsed time in seconds: frozen when the block exits, or the time so far
        while the block is still running.

    Raises
    ------
    RuntimeError
        When ``seconds`` is read before the timer was started.

    Examples
    --------
    >>> from helpers.timing import Timer
    >>> with Timer() as timer:
    ...     total = sum(range(1_000))
    >>> timer.seconds >= 0.0
    True

    """

    def __init__(self) -> None:
        self._start: float | None = None
        self._seconds: float | None = None

    def __enter__(self) -> Timer:
        self._seconds = None
        self._start = time.perf_counter()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._start is not None:
            self._seconds = time.perf_counter() - self._start

    @property
    def seconds(self) -> float:
        """Elapsed seconds: final after the block, running total inside it."""
        if self._seconds is not None:
            return self._seconds
        if self._start is None:
            raise RuntimeError("The timer has not started; use it as `with Timer() as timer:`.")
        return time.perf_counter() - self._start

    def __repr__(self) -> str:
        if self._start is None:
            return "Timer(not started)"
        state = "" if self._seconds is not None else ", running"
        return f"Timer({format_seconds(self.seconds)}{state})"


@dataclass(frozen=True)
class TimingResult:
    """Timings of repeated calls, as returned by :func:`time_call`.

    Attributes
    ----------
    best : float
        Fastest run in seconds (the least disturbed by other activity).
    median : float
        Median run in seconds.
    runs : tuple of float
        Every run in seconds, in the order they ran.

    Examples
    --------
    >>> from helpers.timing import TimingResult
    >>> print(TimingResult(best=0.0123, median=0.015, runs=(0.015, 0.0123, 0.02)))
    best 12.3 ms, median 15.0 ms over 3 runs

    """

    best: float
    median: float
    runs: tuple[float, ...]

    def __str__(self) -> str:
        return (
            f"best {format_seconds(self.best)}, median {format_seconds(self.median)} "
            f"over {len(self.runs)} runs"
        )


def time_call(func: Callable[..., Any], *args: Any, repeat: int = 5, **kwargs: Any) -> TimingResult:
    """Call ``func(*args, **kwargs)`` ``repeat`` times and time each call.

    Parameters
    ----------
    func : callable
        The function to time. Its result is discarded.
    *args
        Positional arguments for ``func``.
    repeat : int, default 5
        Number of calls, at least 1. (``repeat`` is taken by ``time_call``
        itself; to pass an argument called ``repeat`` to ``func``, wrap it in a
        ``functools.partial``.)
    **kwargs
        Keyword arguments for ``func``.

    Returns
    -------
    TimingResult
        The best and median time and every run, in seconds.

    Raises
    ------
    TypeError
        If ``func`` is not callable or ``repeat`` is not an integer.
    ValueError
        If ``repeat`` is below 1.

    Examples
    --------
    >>> from helpers.timing import time_call
    >>> result = time_call(sorted, [3, 1, 2], repeat=3)
    >>> len(result.runs)
    3
    >>> result.best <= result.median
    True

    """
    if not callable(func):
        raise TypeError(f"func must be callable, got {type(func).__name__}.")
    repeat = check_int(repeat, "repeat", minimum=1)
    runs = []
    for _ in range(repeat):
        begin = time.perf_counter()
        func(*args, **kwargs)
        runs.append(time.perf_counter() - begin)
    return TimingResult(best=min(runs), median=statistics.median(runs), runs=tuple(runs))


_UNITS = (("ns", 1e-9), ("µs", 1e-6), ("ms", 1e-3), ("s", 1.0))


def format_seconds(seconds: float) -> str:
    """Format a duration with three significant digits and a fitting unit.

    Parameters
    ----------
    seconds : float
        A non-negative, finite duration in seconds.

    Returns
    -------
    str
        For example ``"12.3 ms"``, ``"1.20 s"``, ``"850 µs"``; durations of
        1,000 s and more are shown as whole seconds.

    Raises
    ------
    TypeError
        If ``seconds`` is not a number.
    ValueError
        If ``seconds`` is negative or not finite.

    Examples
    --------
    >>> from helpers.timing import format_seconds
    >>> format_seconds(0.0123)
    '12.3 ms'
    >>> format_seconds(1.2)
    '1.20 s'
    >>> format_seconds(0.00085)
    '850 µs'
    >>> format_seconds(0.0)
    '0 s'

    """
    seconds = check_real(seconds, "seconds", low=0.0)
    if seconds == 0.0:
        return "0 s"
    for index, (unit, scale) in enumerate(_UNITS):
        is_last = index == len(_UNITS) - 1
        value = seconds / scale
        if value >= 1000.0 and not is_last:
            continue
        digits = max(0, 2 - math.floor(math.log10(value))) if value >= 1.0 else 2
        text = f"{value:.{digits}f}"
        if float(text) >= 1000.0 and not is_last:
            continue  # rounding reached 1000, e.g. 999.96 ms: use the next unit
        if float(text) >= 10 ** (3 - digits) and digits > 0:
            digits -= 1  # rounding added a digit, e.g. 9.996 -> 10.00: keep 3 significant
            text = f"{value:.{digits}f}"
        return f"{text} {unit}"
    raise AssertionError("unreachable")  # pragma: no cover
