"""Tests for helpers.testing: call_many (local and batched paths), side effects, streams,
seeds and frequency checks."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from helpers.testing import (
    SEED_BASE_VARIABLE,
    SideEffectError,
    TrackedStream,
    call_many,
    check_frequencies,
    same_value,
    trial_rng,
    trial_seeds,
)


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

    def _call_many_(self, calls: list[Any], **options: Any) -> tuple[list[str], list[Any]]:
        self.batches.append(calls)
        self.options = options
        effects = [{"changed": [], "streams": []} for _ in calls]
        return [f"remote:{call!r}" for call in calls], effects


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


# side effects ------------------------------------------------------------------------------------
def drop_last_column(df: pd.DataFrame) -> pd.DataFrame:
    df["helper"] = 1  # the classic mistake: a helper column added to the caller's table
    return df.drop(columns=["helper"]).iloc[:, :-1]


def drop_last_column_on_a_copy(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["helper"] = 1
    return df.drop(columns=["helper"]).iloc[:, :-1]


def test_a_mutated_argument_is_reported_by_name() -> None:
    table = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
    with pytest.raises(SideEffectError, match="call 1 of 1 changed its argument `df`"):
        call_many(drop_last_column, [{"df": table}], unchanged=True)


def test_a_function_working_on_a_copy_passes_the_check() -> None:
    table = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
    [result] = call_many(drop_last_column_on_a_copy, [{"df": table}], unchanged=["df"])
    assert list(result.columns) == ["a"]
    assert list(table.columns) == ["a", "b"]


def test_only_the_named_arguments_are_compared() -> None:
    def sort_in_place(values: list[int], other: list[int]) -> None:
        values.sort()

    call_many(sort_in_place, [([3, 1], [0])], unchanged=[1])  # position 1 is untouched
    with pytest.raises(SideEffectError, match="argument number 1"):
        call_many(sort_in_place, [([3, 1], [0])], unchanged=[0])
    call_many(sort_in_place, [([3, 1], [0])])  # nothing asked, nothing checked


def test_iterators_are_not_compared() -> None:
    assert call_many(sum, [(iter([1, 2]),)], unchanged=True) == [3]


def test_a_changed_global_random_state_is_reported() -> None:
    def seeded_globally(seed: int) -> float:
        np.random.seed(seed)  # noqa: NPY002 - the mistake under test
        return float(np.random.random())  # noqa: NPY002

    def seeded_locally(seed: int) -> float:
        return float(np.random.default_rng(seed).random())

    call_many(seeded_locally, [(1,), (2,)], watch=["numpy.random", "random"])
    with pytest.raises(SideEffectError, match="NumPy's global random state"):
        call_many(seeded_globally, [(1,)], watch=["numpy.random"])


def test_a_changed_notebook_global_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    main = types.ModuleType("__main__")
    main.settings = {"threshold": 0.5}
    monkeypatch.setitem(sys.modules, "__main__", main)

    def tamper(x: float) -> float:
        main.settings["threshold"] = x
        return x

    call_many(tamper, [(0.5,)], watch=["settings"])  # same value: no change
    with pytest.raises(SideEffectError, match="the notebook's global `settings`"):
        call_many(tamper, [(0.7,)], watch=["settings"])
    with pytest.raises(NameError, match="no global named 'missing'"):
        call_many(tamper, [(0.7,)], watch=["missing"])


def test_options_reach_a_batching_proxy() -> None:
    proxy = BatchingProxy()
    call_many(proxy, [(1,)], unchanged=("df",), watch=["random"])
    assert proxy.options == {"unchanged": ["df"], "watch": ["random"]}


def test_effects_reported_by_a_proxy_are_raised_and_recorded() -> None:
    stream = TrackedStream(10)

    class Proxy:
        def __call__(self, *args: Any) -> None:
            raise AssertionError("not batched")

        def _call_many_(self, calls: list[Any], **options: Any) -> tuple[list[Any], list[Any]]:
            stats = {"items_read": 10, "peak_alive": 10, "reads_after_end": 1}
            return [None], [{"changed": ["its argument `df`"], "streams": [["stream", stats]]}]

    with pytest.raises(SideEffectError, match="changed its argument `df`"):
        call_many(Proxy(), [{"stream": stream}])
    assert (stream.items_read, stream.peak_alive, stream.reads_after_end) == (10, 10, 1)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (pd.DataFrame({"a": [1.0, np.nan]}), pd.DataFrame({"a": [1.0, np.nan]}), True),
        (pd.DataFrame({"a": [1, 2]}), pd.DataFrame({"a": [1, 2]}, index=[1, 0]), False),
        (pd.DataFrame({"a": [1, 2]}), pd.DataFrame({"a": [1.0, 2.0]}), False),
        (pd.Series([1, 2], name="x"), pd.Series([1, 2], name="y"), False),
        (np.array([1.0, np.nan]), np.array([1.0, np.nan]), True),
        (np.array([1, 2]), np.array([1, 2, 3]), False),
        ([1, (2, "a")], [1, (2, "a")], True),
        ([1, 2], (1, 2), False),
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}, False),
        ({"a": [1]}, {"a": [1]}, True),
        (float("nan"), float("nan"), True),
        ({1, 2}, {2, 1}, True),
        (len, len, True),
        (len, abs, False),
    ],
)
def test_same_value(a: Any, b: Any, same: bool) -> None:
    assert same_value(a, b) is same


# tracked streams ---------------------------------------------------------------------------------
def keep_everything(stream: Any, k: int) -> list[int]:
    return list(stream)[:k]


def keep_last_k(stream: Any, k: int) -> list[int]:
    kept: list[int] = []
    for item in stream:
        kept.append(item)
        if len(kept) > k:
            kept.pop(0)
    return kept


def count_then_read_again(stream: Any, k: int) -> list[int]:
    n = sum(1 for _ in stream)
    return [item for item in stream][: min(k, n)]


def test_a_tracked_stream_counts_the_items_its_reader_holds() -> None:
    held, lean, twice = TrackedStream(500), TrackedStream(500), TrackedStream(500)
    call_many(keep_everything, [(held, 5)])
    call_many(keep_last_k, [(lean, 5)])
    assert call_many(count_then_read_again, [(twice, 5)]) == [[]]
    assert held.items_read == lean.items_read == twice.items_read == 500
    assert held.peak_alive == 500
    assert lean.peak_alive <= 7
    assert twice.peak_alive <= 2
    assert lean.reads_after_end == 1 and twice.reads_after_end == 2


def test_a_tracked_stream_has_no_length_and_yields_ints() -> None:
    stream = TrackedStream(3, start=10)
    with pytest.raises(TypeError):
        len(stream)  # type: ignore[arg-type]
    items = list(stream)
    assert items == [10, 11, 12] and all(isinstance(i, int) for i in items)
    assert {items[0]: "hashable"}[10] == "hashable"


def test_a_read_stream_cannot_be_sent_again() -> None:
    stream = TrackedStream(3)
    next(stream)
    with pytest.raises(ValueError, match="fresh TrackedStream"):
        stream.to_spec()


@pytest.mark.parametrize("n", [-1, 1.5, True, "3"])
def test_tracked_stream_bad_length(n: object) -> None:
    with pytest.raises(ValueError, match="n must be a non-negative int"):
        TrackedStream(n)  # type: ignore[arg-type]


# seeds -------------------------------------------------------------------------------------------
def test_trial_seeds_shift_with_the_base(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SEED_BASE_VARIABLE, raising=False)
    base0 = trial_seeds(100)
    assert base0 == trial_seeds(100) and len(set(base0)) == 100
    assert all(0 <= s < 2**32 for s in base0)
    assert not set(base0) & set(trial_seeds(100, key=1))
    rng0 = trial_rng(5).integers(10**9, size=3).tolist()
    monkeypatch.setenv(SEED_BASE_VARIABLE, "7")
    assert not set(base0) & set(trial_seeds(100))
    assert trial_rng(5).integers(10**9, size=3).tolist() != rng0


@pytest.mark.parametrize("value", ["-1", "abc", "1.5"])
def test_a_bad_seed_base_is_refused(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(SEED_BASE_VARIABLE, value)
    with pytest.raises(ValueError, match=SEED_BASE_VARIABLE):
        trial_seeds(3)


# frequency checks --------------------------------------------------------------------------------
def test_check_frequencies_accepts_fair_counts_and_rejects_skewed_ones() -> None:
    rng = np.random.default_rng(0)
    counts = np.bincount(rng.integers(0, 6, size=6_000), minlength=6)
    check_frequencies(counts, 6_000, 1 / 6, alpha=1e-6, message="unfair die")
    with pytest.raises(AssertionError, match="loaded die"):
        check_frequencies([1_300, 900, 1_000, 1_000, 900, 900], 6_000, 1 / 6, alpha=1e-6,
                          message="loaded die")


def test_check_frequencies_false_reject_rate_is_at_most_alpha() -> None:
    # With alpha = 0.2 the exact bound is loose enough to measure: over 2,000 fair
    # experiments the rejections must not exceed 0.2 by more than sampling noise.
    rng = np.random.default_rng(1)
    rejected = 0
    for _ in range(2_000):
        counts = rng.multinomial(300, [0.25] * 4)
        try:
            check_frequencies(counts, 300, 0.25, alpha=0.2, message="")
        except AssertionError:
            rejected += 1
    assert rejected / 2_000 <= 0.2 + 0.03


def test_a_forbidden_change_ends_the_batch_before_a_later_error() -> None:
    calls_made = []

    def mutate_then_fail(values: list[int]) -> int:
        calls_made.append(len(values))
        if not values:
            raise KeyError("empty")
        values.append(0)
        return len(values)

    with pytest.raises(SideEffectError, match="call 1 of 2 changed"):
        call_many(mutate_then_fail, [([1],), ([],)], unchanged=True)
    assert calls_made == [1]
