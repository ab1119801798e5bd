"""Tests for helpers.evaluation."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from helpers.evaluation import (
    binomial_tolerance,
    class_balance,
    frequency_table,
    summarize_estimates,
)


# class_balance -----------------------------------------------------------------------------------
def test_class_balance_counts_and_proportions_sorted_by_class() -> None:
    table = class_balance([2, 0, 2, 1, 2, 0])
    assert list(table.columns) == ["count", "proportion"]
    assert table.index.name == "class"
    assert table.index.tolist() == [0, 1, 2]
    assert table["count"].tolist() == [2, 1, 3]
    assert str(table["count"].dtype) == "int64"
    assert table["proportion"].tolist() == pytest.approx([2 / 6, 1 / 6, 3 / 6])
    assert table["proportion"].sum() == pytest.approx(1.0)


@pytest.mark.parametrize(
    "labels",
    [
        ["b", "a", "b"],
        np.array(["b", "a", "b"]),
        pd.Series(["b", "a", "b"]),
        (label for label in ["b", "a", "b"]),
    ],
)
def test_class_balance_accepts_array_likes(labels: object) -> None:
    table = class_balance(labels)  # type: ignore[arg-type]
    assert table.index.tolist() == ["a", "b"]
    assert table["count"].tolist() == [1, 2]


def test_class_balance_keeps_all_categories_in_category_order() -> None:
    labels = pd.Series(pd.Categorical(["OWN", "RENT"], categories=["RENT", "MORTGAGE", "OWN"]))
    table = class_balance(labels)
    assert table.index.tolist() == ["RENT", "MORTGAGE", "OWN"]
    assert table["count"].tolist() == [1, 0, 1]


def test_class_balance_of_a_rare_label() -> None:
    labels = np.r_[np.zeros(997, dtype=int), np.ones(3, dtype=int)]
    table = class_balance(labels)
    assert table.loc[1, "count"] == 3
    assert table.loc[1, "proportion"] == pytest.approx(0.003)


@pytest.mark.parametrize(
    ("labels", "error", "message"),
    [
        ([], ValueError, "empty"),
        (pd.Series([], dtype="int64"), ValueError, "empty"),
        ([1, None, 0], ValueError, "missing label"),
        (pd.Series([1.0, np.nan]), ValueError, "missing label"),
        ([[0, 1], [1, 0]], ValueError, "one-dimensional"),
        (pd.DataFrame({"a": [0, 1]}), TypeError, "single column"),
        ("0101", TypeError, "array-like"),
        (5, TypeError, "array-like"),
        ([1, "a"], TypeError, "cannot be sorted"),
    ],
)
def test_class_balance_bad_input(labels: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        class_balance(labels)  # type: ignore[arg-type]


# binomial_tolerance ------------------------------------------------------------------------------
def test_binomial_tolerance_formula() -> None:
    assert binomial_tolerance(0.5, 10_000) == pytest.approx(5 * 0.005)
    assert binomial_tolerance(0.03, 100_000, z=3) == pytest.approx(3 * math.sqrt(0.03 * 0.97 / 1e5))
    assert binomial_tolerance(0.0, 10) == 0.0
    assert binomial_tolerance(1.0, 10) == 0.0


def test_binomial_tolerance_covers_simulated_proportions() -> None:
    rng = np.random.default_rng(0)
    shares = rng.binomial(2_000, 0.1, size=2_000) / 2_000
    assert np.all(np.abs(shares - 0.1) <= binomial_tolerance(0.1, 2_000))


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "message"),
    [
        ((1.5, 10), {}, ValueError, "p must be >= 0 and <= 1"),
        ((-0.1, 10), {}, ValueError, "p must be >= 0 and <= 1"),
        ((0.5, 0), {}, ValueError, "n must be >= 1"),
        ((0.5, 10.0), {}, TypeError, "n must be an integer"),
        ((0.5, 10), {"z": 0}, ValueError, "z must be > 0"),
        (("0.5", 10), {}, TypeError, "p must be a real number"),
    ],
)
def test_binomial_tolerance_bad_input(
    args: tuple[object, ...], kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        binomial_tolerance(*args, **kwargs)  # type: ignore[arg-type]


# frequency_table ---------------------------------------------------------------------------------
def test_frequency_table_counts_each_item_once_per_sample() -> None:
    shares = frequency_table([[1, 2, 2], [2, 3], [2]], population=[1, 2, 3, 4])
    assert shares.name == "share"
    assert shares.index.name == "item"
    assert shares.index.tolist() == [1, 2, 3, 4]
    assert shares.tolist() == pytest.approx([1 / 3, 1.0, 1 / 3, 0.0])
    assert str(shares.dtype) == "float64"


def test_frequency_table_accepts_generators_and_arrays() -> None:
    rng = np.random.default_rng(1)
    population = list(range(20))
    samples = (rng.choice(20, size=5, replace=False) for _ in range(4_000))
    shares = frequency_table(samples, population)
    # Each item is in a sample of 5 out of 20 with probability 1/4.
    assert np.all(np.abs(shares.to_numpy() - 0.25) < 0.05)


def test_frequency_table_keeps_population_order() -> None:
    shares = frequency_table([("c",), ("a", "c")], population=["c", "b", "a"])
    assert shares.to_dict() == {"c": 1.0, "b": 0.0, "a": 0.5}


@pytest.mark.parametrize(
    ("samples", "population", "error", "message"),
    [
        ([], [1, 2], ValueError, "samples is empty"),
        ([[1]], [], ValueError, "population is empty"),
        ([[1]], [1, 1, 2], ValueError, "duplicate"),
        ([[1, 9]], [1, 2], ValueError, "sample 0 contains 9, which is not in the population"),
        ([[1], 2], [1, 2], TypeError, "sample 1 is int"),
        ([[{"id": 1}]], [1], TypeError, "unhashable"),
        ([[1]], [[1]], TypeError, "hashable"),
    ],
)
def test_frequency_table_bad_input(
    samples: object, population: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        frequency_table(samples, population)  # type: ignore[arg-type]


# summarize_estimates -----------------------------------------------------------------------------
def test_summarize_estimates_values() -> None:
    summary = summarize_estimates([1.0, 2.0, 3.0, 6.0], truth=2.0)
    assert set(summary) == {"n", "mean", "std", "bias", "rmse"}
    assert summary["n"] == 4
    assert summary["mean"] == pytest.approx(3.0)
    assert summary["std"] == pytest.approx(np.std([1.0, 2.0, 3.0, 6.0]))
    assert summary["bias"] == pytest.approx(1.0)
    assert summary["rmse"] == pytest.approx(math.sqrt((1 + 0 + 1 + 16) / 4))
    assert all(isinstance(value, int | float) for value in summary.values())


def test_summarize_estimates_decomposition() -> None:
    estimates = np.random.default_rng(2).normal(10.5, 2.0, size=1_000)
    summary = summarize_estimates(estimates, truth=10.0)
    assert summary["rmse"] ** 2 == pytest.approx(summary["bias"] ** 2 + summary["std"] ** 2)


def test_summarize_a_single_estimate() -> None:
    summary = summarize_estimates(pd.Series([0.25]), truth=0.5)
    assert summary["std"] == 0.0
    assert summary["bias"] == pytest.approx(-0.25)
    assert summary["rmse"] == pytest.approx(0.25)


@pytest.mark.parametrize(
    ("estimates", "truth", "error", "message"),
    [
        ([], 1.0, ValueError, "empty"),
        ([1.0, float("nan")], 1.0, ValueError, "NaN or infinite"),
        ([1.0, float("inf")], 1.0, ValueError, "NaN or infinite"),
        (["a", "b"], 1.0, TypeError, "must be numbers"),
        ([[1.0, 2.0]], 1.0, ValueError, "one-dimensional"),
        ([1.0], "one", TypeError, "truth must be a real number"),
        ([1.0], float("nan"), ValueError, "truth must be a finite number"),
    ],
)
def test_summarize_estimates_bad_input(
    estimates: object, truth: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        summarize_estimates(estimates, truth)  # type: ignore[arg-type]
