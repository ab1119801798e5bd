"""Features and costs for the class-imbalance lessons on RiskNet's loans table.

Two small building blocks that the imbalance week uses in many cells, so that the
notebook shows the ideas and not the plumbing:

:data:`LOAN_FEATURES`
    The names of the model features, in order.
:func:`loan_features`
    The feature table ``X`` and the label ``y`` of a loans table from
    :func:`helpers.data.make_loans`: numeric application features only, with the
    missing values left in place (impute them inside a pipeline) and without the
    ``recovery_amount`` column, which is recorded only after a loan defaults.
:func:`expected_cost`
    The average cost per application of a set of flags under a cost matrix.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers._validation import check_real

__all__ = ["LOAN_FEATURES", "expected_cost", "loan_features"]

LOAN_FEATURES: tuple[str, ...] = (
    "credit_score",
    "debt_to_income",
    "log_income",
    "log_loan_amount",
    "past_delinquencies",
    "long_term",
    "age",
    "employment_years",
    "open_accounts",
)
"""Columns of the feature table returned by :func:`loan_features`, in order."""

_NEEDED_COLUMNS = (
    "credit_score",
    "debt_to_income",
    "annual_income",
    "loan_amount",
    "past_delinquencies",
    "term_months",
    "age",
    "employment_years",
    "open_accounts",
    "defaulted",
)


def loan_features(loans: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """Return the model features and the label of a loans table.

    The features are the numeric facts known when an application arrives:
    ``credit_score``, ``debt_to_income``, ``log_income`` (natural log of
    ``annual_income``), ``log_loan_amount`` (natural log of ``loan_amount``),
    ``past_delinquencies``, ``long_term`` (1.0 for a 60-month term, else 0.0),
    ``age``, ``employment_years`` and ``open_accounts``. Missing incomes and
    employment years stay NaN, so that imputation can be fitted on training rows
    only. ``recovery_amount`` is left out: it is recorded after a default and would
    leak the label. ``loans`` is not modified.

    Parameters
    ----------
    loans : pandas.DataFrame
        A table with the columns of :func:`helpers.data.make_loans` (at least those
        named above and ``defaulted``).

    Returns
    -------
    X : pandas.DataFrame
        Float features, columns :data:`LOAN_FEATURES`, same index as ``loans``.
    y : numpy.ndarray
        The ``defaulted`` label as int64, one per row.

    Raises
    ------
    TypeError
        If ``loans`` is not a DataFrame.
    ValueError
        If a needed column is missing, or an income or loan amount is not positive.

    Examples
    --------
    >>> from helpers.data import make_loans
    >>> from helpers.imbalance import LOAN_FEATURES, loan_features
    >>> X, y = loan_features(make_loans(1_000, seed=3))
    >>> X.shape, y.shape, list(X.columns) == list(LOAN_FEATURES)
    ((1000, 9), (1000,), True)
    >>> sorted(set(X["long_term"].tolist())), int(y.sum()) < 100
    ([0.0, 1.0], True)

    """
    if not isinstance(loans, pd.DataFrame):
        raise TypeError(f"loans must be a pandas DataFrame, got {type(loans).__name__}.")
    missing = [column for column in _NEEDED_COLUMNS if column not in loans.columns]
    if missing:
        raise ValueError(
            f"loans is missing the column(s) {missing}; pass a table from "
            "helpers.data.make_loans."
        )
    income = loans["annual_income"].to_numpy(dtype=float)
    amount = loans["loan_amount"].to_numpy(dtype=float)
    if np.any(income <= 0) or np.any(amount <= 0):
        raise ValueError("annual_income and loan_amount must be positive (NaN is allowed).")
    features = pd.DataFrame(
        {
            "credit_score": loans["credit_score"].to_numpy(dtype=float),
            "debt_to_income": loans["debt_to_income"].to_numpy(dtype=float),
            "log_income": np.log(income),
            "log_loan_amount": np.log(amount),
            "past_delinquencies": loans["past_delinquencies"].to_numpy(dtype=float),
            "long_term": (loans["term_months"].to_numpy() == 60).astype(float),
            "age": loans["age"].to_numpy(dtype=float),
            "employment_years": loans["employment_years"].to_numpy(dtype=float),
            "open_accounts": loans["open_accounts"].to_numpy(dtype=float),
        },
        index=loans.index,
        columns=list(LOAN_FEATURES),
    )
    return features, loans["defaulted"].to_numpy(dtype=np.int64)


def expected_cost(y_true: object, flagged: object, *, cost_fp: float, cost_fn: float) -> float:
    """Return the average cost per row of binary flags under a cost matrix.

    A flagged row whose label is 0 is a false positive and costs ``cost_fp``; a row
    that is not flagged but whose label is 1 is a false negative and costs
    ``cost_fn``; correct decisions cost nothing. The result is
    ``(cost_fp * FP + cost_fn * FN) / n``. Rows are matched by position.

    Parameters
    ----------
    y_true : array-like of shape (n,)
        True labels, 0/1 or booleans.
    flagged : array-like of shape (n,)
        The decisions, 0/1 or booleans (1 = flagged as a likely default).
    cost_fp, cost_fn : float
        Non-negative costs of a false positive and of a false negative.

    Returns
    -------
    float
        The average cost per row, in the units of the costs.

    Raises
    ------
    ValueError
        If the arrays are empty, differ in length, hold values other than 0/1, or a
        cost is negative or not finite.

    Examples
    --------
    >>> from helpers.imbalance import expected_cost
    >>> expected_cost([0, 0, 1, 1], [1, 0, 0, 1], cost_fp=1.0, cost_fn=10.0)
    2.75
    >>> expected_cost([0, 1], [False, False], cost_fp=1_000, cost_fn=10_000)
    5000.0

    """
    truth = _as_binary(y_true, "y_true")
    decision = _as_binary(flagged, "flagged")
    if truth.shape != decision.shape:
        raise ValueError(
            f"y_true and flagged must have the same length, got {truth.size} and "
            f"{decision.size}."
        )
    cost_fp = check_real(cost_fp, "cost_fp", low=0.0)
    cost_fn = check_real(cost_fn, "cost_fn", low=0.0)
    false_positives = int(np.sum(decision & ~truth))
    false_negatives = int(np.sum(~decision & truth))
    return (cost_fp * false_positives + cost_fn * false_negatives) / truth.size


def _as_binary(values: object, name: str) -> np.ndarray:
    """Return ``values`` as a 1-D boolean array, or raise a ValueError naming ``name``."""
    array = np.asarray(values.to_numpy() if isinstance(values, pd.Series) else values)
    if array.ndim != 1 or array.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D array of 0/1 values.")
    if array.dtype.kind not in "biuf" or not np.isin(array, (0, 1)).all():
        raise ValueError(f"{name} must hold only 0/1 values (or booleans).")
    return array.astype(bool)
