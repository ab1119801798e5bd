"""Tests for helpers.testing.call_many: the local path and the grader's batched path."""

from __future__ import annotations

from typing import Any

import pytest

from helpers.testing import call_many


def add(a: int, b: int = 10) -> int:
    return a + b


class BatchingProxy:
    """Stands in for the grader's remote-function proxy."""

    def __init__(self) -> None:
        self.batches: list[list[Any]] = []
        self.direct_calls = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.direct_calls += 1
        raise AssertionError("call_many must not call the proxy once per call")

    def _call_many_(self, calls: list[Any]) -> list[str]:
        self.batches.append(calls)
        return [f"remote:{call!r}" for call in calls]


# local path --------------------------------------------------------------------------------------
def test_tuples_are_positional_and_dicts_are_keyword_arguments() -> None:
    assert call_many(add, [(1,), (1, 2), {"a": 5}, {"a": 5, "b": 0}]) == [11, 3, 15, 5]


def test_lists_are_positional_arguments_like_in_the_grader() -> None:
    assert call_many(add, [[1, 2]]) == [3]


def test_results_keep_the_order_of_calls_and_generators_work() -> None:
    seen = []

    def record(x: int) -> int:
        seen.append(x)
        return x * x

    assert call_many(record, ((x,) for x in range(5))) == [0, 1, 4, 9, 16]
    assert seen == [0, 1, 2, 3, 4]


def test_a_tuple_of_calls_works() -> None:
    assert call_many(add, ((1,), (2,))) == [11, 12]


def test_no_calls_give_no_results() -> None:
    assert call_many(add, []) == []


def test_exceptions_from_the_function_propagate() -> None:
    def fail(x: int) -> int:
        raise ZeroDivisionError(f"bad {x}")

    with pytest.raises(ZeroDivisionError, match="bad 1"):
        call_many(fail, [(1,)])


def test_a_non_callable_batch_attribute_is_ignored() -> None:
    def func(x: int) -> int:
        return -x

    func._call_many_ = "not callable"  # type: ignore[attr-defined]
    assert call_many(func, [(1,), (2,)]) == [-1, -2]


# batched path ------------------------------------------------------------------------------------
def test_proxies_receive_all_calls_in_one_batch() -> None:
    proxy = BatchingProxy()
    calls = [(1,), {"a": 2}, (3, 4)]
    results = call_many(proxy, (call for call in calls))
    assert proxy.batches == [calls]
    assert isinstance(proxy.batches[0], list)
    assert proxy.direct_calls == 0
    assert results == ["remote:(1,)", "remote:{'a': 2}", "remote:(3, 4)"]


def test_proxies_get_an_empty_batch() -> None:
    proxy = BatchingProxy()
    assert call_many(proxy, []) == []
    assert proxy.batches == [[]]


# bad input ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("func", "calls", "error", "message"),
    [
        (5, [(1,)], TypeError, "func must be callable"),
        (add, [1, 2], TypeError, "call 0 is int.*wrap a single argument as \\(x,\\)"),
        (add, [(1,), "a"], TypeError, "call 1 is str"),
        (add, [{1: "a"}], TypeError, "non-string key 1"),
        (add, {"a": 1}, TypeError, "calls must be a collection of calls"),
        (add, "abc", TypeError, "calls must be a collection of calls"),
        (add, 3, TypeError, "calls must be iterable"),
    ],
)
def test_bad_input(func: object, calls: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call_many(func, calls)  # type: ignore[arg-type]


def test_bad_calls_are_rejected_before_a_batch_is_sent() -> None:
    proxy = BatchingProxy()
    with pytest.raises(TypeError, match="call 1 is int"):
        call_many(proxy, [(1,), 2])
    assert proxy.batches == []
