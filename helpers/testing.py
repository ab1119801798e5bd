"""Helpers for tests and statistical checks of student functions.

:func:`call_many` calls a function once per argument set. Tests should use it
whenever they call a student's function many times (for example once per seed):
when the course grader runs the tests, the function is a proxy to a sandboxed
kernel, and :func:`call_many` lets the grader send all the calls in one round
trip instead of one round trip per call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["call_many"]


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


def call_many(
    func: Callable[..., Any],
    calls: Iterable[dict[str, Any] | tuple[Any, ...] | list[Any]],
) -> list[Any]:
    """Call ``func`` once per argument set and return the results in order.

    Each element of ``calls`` is one call: a ``dict`` is passed as keyword
    arguments (``func(**call)``) and a ``tuple`` as positional arguments
    (``func(*call)``); a ``list`` is accepted as positional arguments too, as
    the grader does. An exception raised by a call propagates.

    If ``func`` has a callable attribute ``_call_many_`` (the course grader's
    remote-function proxies have one), the whole list is handed to it instead,
    as ``func._call_many_(list(calls))``, so that the grader can run every call
    in a single round trip to the sandboxed kernel; it must return the results
    in the same order. Write tests with :func:`call_many` rather than a loop so
    that they work, and stay fast, both locally and under the grader.

    Parameters
    ----------
    func : callable
        The function to call, or a grader proxy with a ``_call_many_`` method.
    calls : iterable of dict or tuple
        The argument sets, one per call. A generator is consumed once.

    Returns
    -------
    list
        One result per call, in the order of ``calls``.

    Raises
    ------
    TypeError
        If ``func`` is not callable or an element of ``calls`` is neither a dict
        with string keys nor a tuple (or list).

    Examples
    --------
    >>> from helpers.testing import call_many
    >>> call_many(pow, [(2, 3), (10, 2), {"base": 3, "exp": 2}])
    [8, 100, 9]
    >>> class Proxy:
    ...     def __call__(self, x):
    ...         return x + 1
    ...     def _call_many_(self, calls):
    ...         return [("batched", call) for call in calls]
    >>> call_many(Proxy(), [(1,), {"x": 2}])
    [('batched', (1,)), ('batched', {'x': 2})]

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
    batch = list(calls)
    for index, call in enumerate(batch):
        _check_call(index, call)
    batched = getattr(func, "_call_many_", None)
    if callable(batched):
        return batched(batch)
    return [func(**call) if isinstance(call, dict) else func(*call) for call in batch]
