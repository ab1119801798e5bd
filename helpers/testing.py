"""Helpers for the tests of exercises: batched calls, side effects, seeds, streams.

Tests of a student's function check its **contract**: what it returns, and also what it
may change, how it uses randomness and how much of its input it holds in memory. The
course grader runs the student's function in a sandboxed kernel on *copies* of the
arguments, so a test cannot see those effects by looking at its own objects after a
call. The tools here observe them where the function runs, in the same way under the
course grader, under ``nbgrader autograde`` and in a plain notebook:

:func:`call_many`
    Calls a function once per argument set (one round trip to the grader's kernel), and
    on request checks that each call left its arguments, named notebook globals and the
    global random states unchanged (``unchanged=``, ``watch=``).
:class:`TrackedStream`
    A stream of integers that can be read only once and counts how many of its items
    are alive at once: the test of "one pass, at most k items in memory".
:func:`trial_seeds`, :func:`trial_rng`
    Seeds and generators for the test's own random inputs, drawn from one base value
    (``COURSE_SEED_BASE``) that the false-reject check shifts.
:func:`check_frequencies`
    Asserts that observed counts are plausible for given probabilities, with a stated
    chance ``alpha`` of rejecting a correct answer (exact binomial tails, union bound).
"""

from __future__ import annotations

import copy
import math
import os
import random
import sys
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import Any

import numpy as np
import pandas as pd

from helpers.evaluation import binomial_interval

__all__ = [
    "SEED_BASE_VARIABLE",
    "SideEffectError",
    "TrackedStream",
    "call_many",
    "arguments_of",
    "call_with_effects",
    "check_frequencies",
    "record_effect",
    "same_value",
    "seed_base",
    "trial_rng",
    "trial_seeds",
]

#: Environment variable holding the base that shifts every seed of the hidden tests.
SEED_BASE_VARIABLE = "COURSE_SEED_BASE"

#: Global states a test may ask to keep unchanged, by the name used in ``watch=``.
GLOBAL_STATES: dict[str, Callable[[], Any]] = {
    "numpy.random": np.random.get_state,
    "random": random.getstate,
}

_STATE_HINTS = {
    "numpy.random": "NumPy's global random state (np.random.seed or np.random.* functions, "
                    "or a scikit-learn random_state=None); draw from a generator made "
                    "from the seed argument instead, np.random.default_rng(seed)",
    "random": "the global state of Python's random module (random.seed or random.* "
              "functions); use random.Random(seed) or np.random.default_rng(seed) instead",
}


class SideEffectError(AssertionError):
    """A call changed something that its contract says it must leave unchanged."""


# ----------------------------------------------------------------------------- values
def same_value(a: Any, b: Any) -> bool:
    """Whether ``a`` and ``b`` hold the same data: type, shape, dtypes, labels and values.

    Stricter than ``==``: a DataFrame with an extra column, a reordered index, another
    dtype or a changed value differs, and NaN equals NaN. Objects that are not data
    (functions, modules) are the same only if they are the same object.

    Parameters
    ----------
    a, b : object
        The values to compare.

    Returns
    -------
    bool
        ``True`` if nothing tells them apart.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> same_value({"x": [1.0, float("nan")]}, {"x": [1.0, float("nan")]})
    True
    >>> df = pd.DataFrame({"a": [1, 2]})
    >>> same_value(df, df.assign(b=0)), same_value(np.arange(3), np.arange(3.0))
    (False, False)

    """
    if type(a) is not type(b):
        return False
    if isinstance(a, pd.DataFrame | pd.Series | pd.Index):
        return _same_pandas(a, b)
    if isinstance(a, np.ndarray):
        if a.dtype != b.dtype or a.shape != b.shape:
            return False
        if a.dtype.kind == "O":
            return all(same_value(x, y) for x, y in zip(a.ravel(), b.ravel(), strict=True))
        return bool(np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"))
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same_value(a[k], b[k]) for k in a)
    if isinstance(a, float | np.floating):
        return bool(a == b or (math.isnan(a) and math.isnan(b)))
    if isinstance(a, str | bytes | int | bool | complex | set | frozenset | range
                  | np.generic | type(None) | pd.Timestamp | pd.Timedelta):
        try:
            return bool(a == b)
        except (TypeError, ValueError):
            return a is b
    return a is b


def _same_pandas(a: Any, b: Any) -> bool:
    check = {pd.DataFrame: pd.testing.assert_frame_equal,
             pd.Series: pd.testing.assert_series_equal}.get(type(a), pd.testing.assert_index_equal)
    try:
        check(a, b, check_exact=True)
    except AssertionError:
        return False
    return a.attrs == b.attrs if hasattr(a, "attrs") else True


# ----------------------------------------------------------------------------- streams
class _StreamItem(int):
    """An item of a :class:`TrackedStream`: an ``int`` that reports when it is freed."""

    def __del__(self) -> None:
        tracker = self.__dict__.get("tracker")
        if tracker is not None:
            tracker.alive -= 1


class TrackedStream(Iterator[int]):
    """A one-pass stream of the integers ``start, start + 1, ...`` that watches its reader.

    Each item is a fresh ``int`` (a subclass that reports when it is freed), so the
    stream knows how many of its items the reader holds at once. Like a generator it
    has no ``len()`` and can be read only once. Pass it to a student's function through
    :func:`call_many` (the course grader rebuilds it inside the student's kernel and
    brings its statistics back), then read :attr:`peak_alive`, :attr:`items_read` and
    :attr:`reads_after_end`.

    Parameters
    ----------
    n : int
        Number of items, at least 0.
    start : int, default 0
        The first item.

    Attributes
    ----------
    items_read : int
        Items handed out so far.
    peak_alive : int
        Most items alive at the same time while the stream was read: the items the
        reader kept (and the one it was looking at).
    reads_after_end : int
        Requests for an item after the last one: a second pass over the stream.

    Examples
    --------
    >>> stream = TrackedStream(1_000)
    >>> kept = []
    >>> for item in stream:
    ...     kept = kept[-4:] + [item]      # holds at most 5 items
    >>> stream.items_read, stream.peak_alive <= 6, kept[-1]
    (1000, True, 999)
    >>> everything = list(TrackedStream(1_000, start=5))
    >>> len(everything)
    1000

    """

    def __init__(self, n: int, *, start: int = 0) -> None:
        if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 0:
            raise ValueError(f"n must be a non-negative int, got {n!r}")
        if isinstance(start, bool) or not isinstance(start, int | np.integer):
            raise ValueError(f"start must be an int, got {start!r}")
        self.n, self.start = int(n), int(start)
        self.items_read = 0
        self.alive = 0
        self.peak_alive = 0
        self.reads_after_end = 0

    def __iter__(self) -> TrackedStream:
        return self

    def __next__(self) -> int:
        if self.items_read >= self.n:
            self.reads_after_end += 1
            raise StopIteration
        item = _StreamItem(self.start + self.items_read)
        item.tracker = self
        self.items_read += 1
        self.alive += 1
        self.peak_alive = max(self.peak_alive, self.alive)
        return item

    def __repr__(self) -> str:
        return (f"TrackedStream(n={self.n}, start={self.start}; read {self.items_read}, "
                f"peak alive {self.peak_alive})")

    # The course grader sends a stream to the kernel as this spec and copies the
    # statistics back onto the test's own object after the call.
    def to_spec(self) -> dict[str, int]:
        """The arguments that rebuild a fresh copy of this stream."""
        if self.items_read:
            raise ValueError("pass a fresh TrackedStream to a function: this one has been read")
        return {"n": self.n, "start": self.start}

    def statistics(self) -> dict[str, int]:
        """What the reader did: ``items_read``, ``peak_alive`` and ``reads_after_end``."""
        return {"items_read": self.items_read, "peak_alive": self.peak_alive,
                "reads_after_end": self.reads_after_end}

    def record(self, statistics: dict[str, int]) -> None:
        """Take the statistics that a copy of this stream gathered elsewhere."""
        for name in ("items_read", "peak_alive", "reads_after_end"):
            setattr(self, name, int(statistics[name]))


# ----------------------------------------------------------------------------- calls
def _check_call(index: int, call: object) -> None:
    """Raise ``TypeError`` unless ``call`` is a dict of keyword args or a tuple/list."""
    if isinstance(call, dict):
        bad = [key for key in call if not isinstance(key, str)]
        if bad:
            raise TypeError(
                f"call {index} is a dict with non-string key {bad[0]!r}; a dict holds "
                "keyword arguments, so its keys must be parameter names."
            )
    elif not isinstance(call, tuple | list):
        raise TypeError(
            f"call {index} is {type(call).__name__}; each call must be a dict of keyword "
            "arguments or a tuple of positional arguments (wrap a single argument as (x,))."
        )


def arguments_of(args: tuple | list, kwargs: dict[str, Any]) -> list[tuple[str | int, Any]]:
    """``(key, value)`` of each argument of a call: its position, or its name for keywords."""
    return [*enumerate(args), *kwargs.items()]


def _split(call: dict[str, Any] | tuple | list) -> tuple[tuple, dict[str, Any]]:
    return ((), dict(call)) if isinstance(call, dict) else (tuple(call), {})


def _describe_argument(key: str | int) -> str:
    return f"its argument `{key}`" if isinstance(key, str) else f"its argument number {key + 1}"


def _compared(key: str | int, value: Any, unchanged: bool | Collection[str | int]) -> bool:
    """Whether argument ``key`` must come back unchanged (iterators are consumed by design)."""
    if isinstance(value, Iterator) or unchanged is False:
        return False
    return unchanged is True or key in unchanged


def _read_global(name: str) -> Any:
    """The value of a watched name: a global state, or a notebook global (dotted path)."""
    if name in GLOBAL_STATES:
        return GLOBAL_STATES[name]()
    first, *rest = name.split(".")
    namespace = vars(sys.modules["__main__"])
    if first not in namespace:
        raise NameError(f"watch: the notebook defines no global named {first!r}")
    value = namespace[first]
    for attribute in rest:
        value = getattr(value, attribute)
    return value


def _describe_global(name: str) -> str:
    return _STATE_HINTS.get(name, f"the notebook's global `{name}`")


def _snapshot(value: Any) -> Any:
    try:
        return copy.deepcopy(value)
    except Exception:  # noqa: BLE001 - an object that cannot be copied is compared by identity
        return value


def call_with_effects(
    func: Callable[..., Any],
    args: tuple | list,
    kwargs: dict[str, Any],
    *,
    unchanged: bool | Collection[str | int] = False,
    watch: Collection[str] = (),
) -> tuple[Any, dict[str, Any]]:
    """Call ``func(*args, **kwargs)`` and record what the call changed.

    The engine of :func:`call_many`. It runs wherever ``func`` lives: in the test's own
    process, or inside the student's kernel when the course grader forwards the call,
    so that side effects are seen on the objects the function really received.

    Parameters
    ----------
    func : callable
        The function to call.
    args, kwargs : tuple and dict
        Its arguments.
    unchanged : bool or collection of str or int
        Arguments to compare before and after the call: all of them (``True``), none
        (``False``), or those with these names (keywords) or positions (0-based).
        Iterators are never compared: reading them is their purpose.
    watch : collection of str
        Names of notebook globals (dotted paths allowed, e.g. ``"loans"`` or
        ``"settings.threshold"``) and of global states (``"numpy.random"``, ``"random"``)
        that the call must leave unchanged.

    Returns
    -------
    result : object
        What the call returned.
    effect : dict
        ``changed``: descriptions of what changed that had to stay the same; ``streams``:
        ``[key, statistics]`` of each :class:`TrackedStream` argument. Plain data, so the
        grader can send it back from the kernel.

    Raises
    ------
    Exception
        Whatever the call raises propagates.
    """
    arguments = arguments_of(args, kwargs)
    before_args = {key: _snapshot(value) for key, value in arguments
                   if _compared(key, value, unchanged)}
    before_globals = {name: _snapshot(_read_global(name)) for name in watch}
    result = func(*args, **kwargs)
    changed = [_describe_argument(key) for key, value in arguments
               if key in before_args and not same_value(before_args[key], value)]
    changed += [_describe_global(name) for name in watch
                if not same_value(before_globals[name], _read_global(name))]
    streams = [[key, value.statistics()] for key, value in arguments
               if isinstance(value, TrackedStream)]
    return result, {"changed": changed, "streams": streams}


def record_effect(arguments: list[tuple[str | int, Any]], effect: dict[str, Any]) -> None:
    """Copy the statistics of each stream argument onto the caller's own stream objects.

    Used where a call ran on copies of the arguments (the course grader's kernel).
    """
    given = dict(arguments)
    for key, statistics in effect["streams"]:
        stream = given.get(key)
        if isinstance(stream, TrackedStream):
            stream.record(statistics)


def call_many(
    func: Callable[..., Any],
    calls: Iterable[dict[str, Any] | tuple[Any, ...] | list[Any]],
    *,
    unchanged: bool | Collection[str | int] = False,
    watch: Collection[str] = (),
) -> list[Any]:
    """Call ``func`` once per argument set and return the results in order.

    Each element of ``calls`` is one call: a ``dict`` is passed as keyword arguments
    (``func(**call)``) and a ``tuple`` (or ``list``) as positional arguments
    (``func(*call)``). An exception raised by a call propagates.

    If ``func`` has a callable attribute ``_call_many_`` (the course grader's proxies
    for the student's functions have one), the whole batch is handed to it, so that the
    grader runs every call in one round trip to the sandboxed kernel. Write tests with
    :func:`call_many` rather than a loop so that they work, and stay fast, both locally
    and under the grader.

    Side effects are checked where the function runs (see :func:`call_with_effects`), so the
    checks behave the same everywhere. A call that changes what it must not raises
    :class:`SideEffectError` (an ``AssertionError``) naming what changed, and no later
    call of the batch is made (so a later call's error cannot hide it). After the calls,
    each :class:`TrackedStream` argument holds the statistics of its reading.

    Parameters
    ----------
    func : callable
        The function to call, or a grader proxy with a ``_call_many_`` method.
    calls : iterable of dict or tuple
        The argument sets, one per call. A generator is consumed once.
    unchanged : bool or collection of str or int, default False
        Arguments each call must leave unchanged: ``True`` for all of them, or their
        names (keyword calls) or positions (positional calls). Use it whenever the
        contract says "do not modify".
    watch : collection of str, default ()
        Notebook globals (``"loans"``) and global random states (``"numpy.random"``,
        ``"random"``) each call must leave unchanged.

    Returns
    -------
    list
        One result per call, in the order of ``calls``.

    Raises
    ------
    TypeError
        If ``func`` is not callable or an element of ``calls`` is neither a dict with
        string keys nor a tuple (or list).
    SideEffectError
        If a call changed an argument, a global or a random state it had to keep.

    Examples
    --------
    >>> from helpers.testing import call_many
    >>> call_many(pow, [(2, 3), (10, 2), {"base": 3, "exp": 2}])
    [8, 100, 9]
    >>> def normalise(values):
    ...     total = sum(values)
    ...     for i, v in enumerate(values):
    ...         values[i] = v / total          # modifies its argument
    ...     return values
    >>> call_many(normalise, [([1, 3],)], unchanged=True)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    helpers.testing.SideEffectError: call 1 of 1 changed its argument number 1, which ...

    """
    if not callable(func):
        raise TypeError(f"func must be callable, got {type(func).__name__}.")
    if isinstance(calls, dict | str | bytes):
        raise TypeError(
            "calls must be a collection of calls, e.g. a list of tuples or dicts; "
            "for a single call use [(x,)] or [{'name': x}]."
        )
    if not isinstance(calls, Iterable):
        raise TypeError(f"calls must be iterable, got {type(calls).__name__}.")
    if isinstance(watch, str):
        raise TypeError("watch must be a collection of names, e.g. ['numpy.random'].")
    batch = list(calls)
    for index, call in enumerate(batch):
        _check_call(index, call)
    options = {"unchanged": unchanged if isinstance(unchanged, bool) else list(unchanged),
               "watch": list(watch)}
    batched = getattr(func, "_call_many_", None)
    if callable(batched):
        results, effects = batched(batch, **options)
        for call, effect in zip(batch[:len(effects)], effects, strict=True):
            record_effect(arguments_of(*_split(call)), effect)
    else:
        results, effects = [], []
        for call in batch:
            result, effect = call_with_effects(func, *_split(call), **options)
            results.append(result)
            effects.append(effect)
            if effect["changed"]:
                break  # as in the kernel: the first forbidden change ends the batch
    for number, effect in enumerate(effects, start=1):
        if effect["changed"]:
            what = ", ".join(effect["changed"])
            hint = ("" if not any(c.startswith("its argument") for c in effect["changed"])
                    else " (work on a copy, e.g. df.copy() or list(values))")
            raise SideEffectError(
                f"call {number} of {len(batch)} changed {what}, which the contract says "
                f"to leave unchanged{hint}")
    return results


# ----------------------------------------------------------------------------- seeds
def seed_base() -> int:
    """The base of the hidden tests' seeds: ``COURSE_SEED_BASE``, 0 when unset.

    Raises
    ------
    ValueError
        If the variable is set to something other than a non-negative integer.
    """
    text = os.environ.get(SEED_BASE_VARIABLE, "").strip() or "0"
    if not text.isdigit():
        raise ValueError(f"{SEED_BASE_VARIABLE} must be a non-negative integer, got {text!r}")
    return int(text)


def trial_seeds(n: int, *, key: int = 0) -> list[int]:
    """``n`` distinct seeds for a test's calls, shifted by :func:`seed_base`.

    Seeds are consecutive integers from a start that depends on ``key`` and on the
    base, below 2**32 (valid for NumPy, ``random`` and scikit-learn). Use a different
    ``key`` for each independent batch in a test cell.

    Examples
    --------
    >>> seeds = trial_seeds(3)
    >>> len(seeds), seeds[1] - seeds[0], trial_seeds(3) == seeds, trial_seeds(3, key=1) == seeds
    (3, 1, True, False)

    """
    if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= 2**31:
        raise ValueError(f"n must be an int between 0 and 2**31, got {n!r}")
    start = int(np.random.SeedSequence([seed_base(), key]).generate_state(1)[0]) % 2**31
    return list(range(start, start + n))


def trial_rng(key: int = 0) -> np.random.Generator:
    """A generator for a test's own random inputs, shifted by :func:`seed_base`.

    Examples
    --------
    >>> int(trial_rng(7).integers(1_000)) == int(trial_rng(7).integers(1_000))
    True

    """
    return np.random.default_rng(np.random.SeedSequence([seed_base(), key, 1]))


# ----------------------------------------------------------------------------- statistics
def check_frequencies(
    counts: Any, trials: int, probabilities: Any, *, alpha: float, message: str
) -> None:
    """Assert that every count is a plausible outcome of ``trials`` independent draws.

    Count ``i`` must lie in :func:`helpers.evaluation.binomial_interval` of
    ``probabilities[i]`` at level ``alpha / len(counts)``. By the union bound a correct
    answer fails this check with probability at most ``alpha``, however the counts
    depend on each other; state that ``alpha`` in the test.

    Parameters
    ----------
    counts : array-like of int
        How often each outcome happened.
    trials : int
        Number of independent draws behind each count.
    probabilities : float or array-like of float
        Each outcome's probability under the contract (one value for all).
    alpha : float
        The chance, at most, of rejecting a correct answer.
    message : str
        The assertion message, in terms of the contract.

    Raises
    ------
    AssertionError
        With ``message``, if some count is implausible.

    Examples
    --------
    >>> check_frequencies([98, 103, 99], 300, 1 / 3, alpha=1e-7, message="uneven")
    >>> check_frequencies([150, 150, 0], 300, 1 / 3, alpha=1e-7, message="uneven")
    Traceback (most recent call last):
    ...
    AssertionError: uneven

    """
    observed = np.asarray(counts, dtype=float).ravel()
    expected = np.broadcast_to(np.asarray(probabilities, dtype=float), observed.shape)
    level = alpha / max(1, observed.size)
    for count, p in zip(observed, expected, strict=True):
        low, high = binomial_interval(float(p), trials, level)
        if not low <= count <= high:
            raise AssertionError(message)
