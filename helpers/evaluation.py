"""Generic summaries used by notebooks and by statistical tests of exercises.

These are building blocks for checking results (class shares, tolerances for
random outcomes, how often items are sampled, bias and spread of repeated
estimates); none of them is an exercise solution.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence

import numpy as np
import pandas as pd

from helpers._validation import check_int, check_real

__all__ = [
    "binomial_interval",
    "binomial_tolerance",
    "class_balance",
    "frequency_table",
    "summarize_estimates",
]


def _as_1d(values: object, name: str) -> np.ndarray:
    """Return ``values`` as a one-dimensional array, or raise a clear error."""
    if isinstance(values, str | bytes) or values is None:
        raise TypeError(f"{name} must be array-like (a list, array or Series), got {values!r}.")
    if isinstance(values, pd.DataFrame):
        raise TypeError(f"{name} must be one-dimensional; pass a single column, e.g. df['col'].")
    if isinstance(values, Iterable) and not isinstance(values, Sequence | np.ndarray | pd.Series):
        values = list(values)
    array = np.asarray(values, dtype=object if isinstance(values, list) else None)
    if array.ndim == 0:
        raise TypeError(f"{name} must be array-like (a list, array or Series), got {values!r}.")
    if array.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {array.shape}.")
    if array.size == 0:
        raise ValueError(f"{name} is empty; pass at least one value.")
    return array


def class_balance(y: Iterable[Hashable]) -> pd.DataFrame:
    """Count the members of each class and their share of the total.

    Parameters
    ----------
    y : array-like of shape (n_samples,)
        Class labels: a list, NumPy array or :class:`pandas.Series`. Missing
        labels are not allowed.

    Returns
    -------
    pandas.DataFrame
        One row per class, indexed by class (index name ``"class"``) and sorted
        by class, with columns ``count`` (int64) and ``proportion`` (float64,
        summing to 1). For a categorical ``y``, every category appears, in
        category order, even with a count of 0.

    Raises
    ------
    TypeError
        If ``y`` is not one-dimensional array-like, or its classes cannot be
        sorted (for example a mix of numbers and strings).
    ValueError
        If ``y`` is empty or contains missing values.

    Examples
    --------
    >>> from helpers.evaluation import class_balance
    >>> class_balance([1, 0, 0, 1, 0])  # doctest: +NORMALIZE_WHITESPACE
           count  proportion
    class
    0          3         0.6
    1          2         0.4

    """
    if isinstance(y, pd.DataFrame):
        raise TypeError("y must be one-dimensional; pass a single column, e.g. df['defaulted'].")
    if isinstance(y, pd.Series | pd.Index | pd.Categorical):
        series = pd.Series(y, copy=False)
        if series.empty:
            raise ValueError("y is empty; pass at least one label.")
    else:
        series = pd.Series(_as_1d(y, "y"))
        if series.dtype == object:
            series = series.infer_objects()
    if series.isna().any():
        raise ValueError(
            f"y contains {int(series.isna().sum())} missing label(s); drop or fill them first."
        )
    counts = series.value_counts(sort=False, dropna=False)
    try:
        counts = counts.sort_index()
    except TypeError as error:
        raise TypeError(
            "The classes in y cannot be sorted (mixed types?); convert them to one type, "
            "e.g. y.astype(str)."
        ) from error
    table = pd.DataFrame(
        {
            "count": counts.to_numpy(dtype=np.int64),
            "proportion": counts.to_numpy(dtype=float) / float(len(series)),
        },
        index=pd.Index(counts.index, name="class"),
    )
    return table


def binomial_tolerance(p: float, n: int, *, z: float = 5.0) -> float:
    """Return ``z`` standard errors of a proportion estimated from ``n`` draws.

    The tolerance is ``z * sqrt(p * (1 - p) / n)``. A statistical test that
    accepts an observed share within this distance of ``p`` wrongly fails with
    probability about ``2 * Phi(-z)`` (about 6e-7 for ``z = 5``), so fixed-seed
    tests stay valid when the seed changes.

    Parameters
    ----------
    p : float
        Expected proportion, ``0 <= p <= 1``.
    n : int
        Number of independent draws, at least 1.
    z : float, default 5.0
        Number of standard errors, > 0.

    Returns
    -------
    float
        The tolerance (0.0 when ``p`` is 0 or 1).

    Raises
    ------
    TypeError
        If an argument has the wrong type.
    ValueError
        If an argument is out of range.

    Examples
    --------
    >>> from helpers.evaluation import binomial_tolerance
    >>> round(binomial_tolerance(0.5, 10_000), 4)
    0.025
    >>> abs(0.512 - 0.5) <= binomial_tolerance(0.5, 10_000)
    True

    """
    p = check_real(p, "p", low=0.0, high=1.0)
    n = check_int(n, "n", minimum=1)
    z = check_real(z, "z", low=0.0, low_inclusive=False)
    return z * math.sqrt(p * (1.0 - p) / n)


def binomial_interval(p: float, n: int, alpha: float) -> tuple[int, int]:
    """Return counts ``(low, high)`` that a Binomial(n, p) count leaves with chance <= alpha.

    ``low`` is the smallest count with ``P(X < low) <= alpha / 2`` and ``high`` the
    smallest with ``P(X > high) <= alpha / 2``, from the exact binomial distribution, so
    a test that accepts counts in ``[low, high]`` rejects a correct answer with
    probability at most ``alpha``, for any ``p`` and ``n`` (no normal approximation).

    Parameters
    ----------
    p : float
        Probability of the outcome in one draw, ``0 <= p <= 1``.
    n : int
        Number of independent draws, at least 1.
    alpha : float
        Largest acceptable chance of a count outside the interval, ``0 < alpha < 1``.

    Returns
    -------
    tuple of int
        ``(low, high)``, inclusive.

    Raises
    ------
    TypeError
        If an argument has the wrong type.
    ValueError
        If an argument is out of range.

    Examples
    --------
    >>> from helpers.evaluation import binomial_interval
    >>> binomial_interval(0.5, 1_000, 1e-6)
    (423, 577)
    >>> binomial_interval(0.0, 50, 1e-6), binomial_interval(1.0, 50, 1e-6)
    ((0, 0), (50, 50))

    """
    from scipy import stats

    p = check_real(p, "p", low=0.0, high=1.0)
    n = check_int(n, "n", minimum=1)
    alpha = check_real(alpha, "alpha", low=0.0, high=1.0, low_inclusive=False,
                       high_inclusive=False)
    distribution = stats.binom(n, p)
    low = int(distribution.ppf(alpha / 2))
    if distribution.cdf(low - 1) > alpha / 2:  # guard against rounding in ppf
        low -= 1
    high = int(distribution.isf(alpha / 2))
    if distribution.sf(high) > alpha / 2:
        high += 1
    return max(low, 0), min(high, n)


def frequency_table(
    samples: Iterable[Iterable[Hashable]],
    population: Sequence[Hashable],
) -> pd.Series:
    """Return the share of samples that contain each item of the population.

    An item counts once per sample however often it appears in that sample.
    Use it to check how often a sampler selects each item over many repeated
    samples.

    Parameters
    ----------
    samples : iterable of iterables of hashable
        The samples, for example a list of lists of ids. May be a generator; it
        is consumed once.
    population : sequence of hashable
        The distinct items that may appear in the samples.

    Returns
    -------
    pandas.Series
        Float shares between 0 and 1, indexed by the population items in their
        original order (index name ``"item"``, series name ``"share"``).

    Raises
    ------
    TypeError
        If a sample is not iterable or contains unhashable items (for example
        dicts: pass their ids instead).
    ValueError
        If there are no samples or no population items, the population has
        duplicates, or a sample contains an item that is not in the population.

    Examples
    --------
    >>> from helpers.evaluation import frequency_table
    >>> frequency_table([["a", "b"], ["a", "c"], ["a", "a"], ["b"]], ["a", "b", "c", "d"])
    item
    a    0.75
    b    0.50
    c    0.25
    d    0.00
    Name: share, dtype: float64

    """
    items = list(population)
    if not items:
        raise ValueError("population is empty; pass the items that samples can contain.")
    try:
        known = set(items)
    except TypeError as error:
        raise TypeError(
            "population items must be hashable (ids, numbers or strings), not records."
        ) from error
    if len(known) != len(items):
        raise ValueError("population has duplicate items; pass each item once.")
    if isinstance(samples, str | bytes):
        raise TypeError("samples must be an iterable of samples, e.g. a list of lists.")

    counts: Counter[Hashable] = Counter()
    n_samples = 0
    for index, sample in enumerate(samples):
        if isinstance(sample, str | bytes) or not isinstance(sample, Iterable):
            raise TypeError(
                f"sample {index} is {type(sample).__name__}, not a collection of items; "
                "each sample must be a list, tuple, set or array of items."
            )
        try:
            members = set(sample.tolist() if isinstance(sample, np.ndarray) else sample)
        except TypeError as error:
            raise TypeError(
                f"sample {index} contains unhashable items; pass ids (numbers or strings) "
                "instead of records."
            ) from error
        unknown = members - known
        if unknown:
            example = next(iter(unknown))
            raise ValueError(
                f"sample {index} contains {example!r}, which is not in the population; "
                f"{len(unknown)} unknown item(s) in that sample."
            )
        counts.update(members)
        n_samples += 1
    if n_samples == 0:
        raise ValueError("samples is empty; pass at least one sample.")
    shares = [counts[item] / n_samples for item in items]
    return pd.Series(shares, index=pd.Index(items, name="item"), name="share", dtype=float)


def summarize_estimates(estimates: Iterable[float], truth: float) -> dict[str, float]:
    """Summarize repeated estimates of a known quantity.

    Parameters
    ----------
    estimates : array-like of float
        Estimates from repeated runs (for example one per seed), all finite.
    truth : float
        The true value being estimated.

    Returns
    -------
    dict
        ``n`` (number of estimates, an int), ``mean``, ``std`` (population
        standard deviation, ``ddof=0``), ``bias`` (``mean - truth``) and
        ``rmse`` (root mean squared error). With ``ddof=0``,
        ``rmse ** 2 == bias ** 2 + std ** 2`` up to rounding.

    Raises
    ------
    TypeError
        If the estimates are not numbers.
    ValueError
        If there are no estimates or any is not finite.

    Examples
    --------
    >>> from helpers.evaluation import summarize_estimates
    >>> summary = summarize_estimates([0.9, 1.1, 1.3], truth=1.0)
    >>> {key: round(value, 4) for key, value in summary.items()}
    {'n': 3, 'mean': 1.1, 'std': 0.1633, 'bias': 0.1, 'rmse': 0.1915}

    """
    array = _as_1d(estimates, "estimates")
    try:
        values = array.astype(float)
    except (TypeError, ValueError) as error:
        raise TypeError("estimates must be numbers (one float per repeated run).") from error
    if not np.all(np.isfinite(values)):
        raise ValueError(
            f"estimates contain {int(np.sum(~np.isfinite(values)))} NaN or infinite value(s); "
            "remove them or fix the runs that produced them."
        )
    truth = check_real(truth, "truth")
    errors = values - truth
    return {
        "n": int(values.size),
        "mean": float(np.mean(values)),
        "std": float(np.std(values)),
        "bias": float(np.mean(errors)),
        "rmse": float(math.sqrt(np.mean(errors**2))),
    }
