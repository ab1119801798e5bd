"""Monitoring RiskNet's model over time: a shock scenario, a model, monthly scores.

RiskNet's loans table (:func:`helpers.data.make_loans`) drifts slowly: loan amounts,
incomes and debt-to-income ratios creep up over the two years, while the way defaults
depend on the applicant stays the same. A model trained on the first months therefore
keeps ranking applicants about as well as on its first day. Real portfolios also meet
sudden changes of the relationship itself (**concept drift**). This module simulates one,
so that the monitoring lesson has something to detect and repair:

:func:`apply_rate_shock`
    From a given date on, an interest-rate rise raises the debt-to-income ratio of
    mortgage holders and pushes some of them into default: a feature shift *and* a
    change of who defaults.
:func:`make_risk_model`
    The model being monitored: median imputation, scaling, one-hot housing status and a
    logistic regression.
:func:`month_labels`
    ``"YYYY-MM"`` labels of dates, the monitoring period.
:func:`monthly_performance`
    Per month: applications, defaults, default rate, mean predicted probability and AUC.

The drift statistics themselves (PSI, the Kolmogorov-Smirnov distance) and the retraining
rule are the notebook's exercises, so they are not here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from helpers._validation import check_real, check_seed

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

__all__ = [
    "MONITORED_FEATURES",
    "NUMERIC_FEATURES",
    "SHOCK_START",
    "apply_rate_shock",
    "make_risk_model",
    "month_labels",
    "monthly_performance",
]

#: Numeric inputs of the monitored model (and the features whose drift is watched).
NUMERIC_FEATURES: tuple[str, ...] = (
    "credit_score", "debt_to_income", "loan_amount", "annual_income", "employment_years",
    "past_delinquencies", "open_accounts", "term_months", "age",
)
#: Every input of :func:`make_risk_model`: the numeric features and the housing status.
MONITORED_FEATURES: tuple[str, ...] = (*NUMERIC_FEATURES, "home_ownership")
#: First day of the simulated rate shock in the course's two-year table.
SHOCK_START = "2024-04-01"

# Extra default hazard of a mortgage holder after the shock:
# sigmoid(_SHOCK_INTERCEPT + _SHOCK_SLOPE * (debt_to_income - 0.3)).
_SHOCK_INTERCEPT = -3.5
_SHOCK_SLOPE = 8.0
_REQUIRED = ("application_date", "home_ownership", "debt_to_income", "defaulted",
             "loan_amount", "recovery_amount")


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def apply_rate_shock(loans: pd.DataFrame, *, start: str = SHOCK_START,
                     dti_increase: float = 0.14, seed: int = 0) -> pd.DataFrame:
    """Simulate an interest-rate shock on a copy of RiskNet's loans table.

    For applications received on or after ``start`` by **mortgage holders**
    (``home_ownership == "MORTGAGE"``), whose variable-rate payments go up:

    1. ``debt_to_income`` rises by ``dti_increase`` (clipped to 0-0.95, three decimals);
    2. on top of the defaults the table already has, each such loan also defaults with
       probability ``sigmoid(-3.5 + 8 * (debt_to_income - 0.3))``, using the raised
       ratio (a mortgage holder at 0.3 has about a 3 % extra chance, at 0.5 about 13 %);
    3. ``recovery_amount`` is filled for the new defaults as in :func:`make_loans`
       (``loan_amount * (0.05 + 0.55 Beta(2, 3))``, rounded to cents).

    Nothing changes before ``start`` or for renters and owners. Before the shock,
    mortgage holders default less often than renters; afterwards they are the riskiest
    group, so a model trained before the shock ranks them wrongly.

    Parameters
    ----------
    loans : pandas.DataFrame
        A table from :func:`helpers.data.make_loans` (not modified).
    start : str, default :data:`SHOCK_START`
        First day of the shock, anything :class:`pandas.Timestamp` parses.
    dti_increase : float, default 0.14
        Rise of the debt-to-income ratio of the mortgage holders affected, 0 to 0.5.
    seed : int, default 0
        Seed of the generator that draws the extra defaults.

    Returns
    -------
    pandas.DataFrame
        A new table with the same columns, index and dtypes.

    Raises
    ------
    ValueError
        If ``loans`` lacks a column the shock needs, ``start`` is not a date, or
        ``dti_increase`` is out of range.

    Examples
    --------
    >>> from helpers.data import make_loans
    >>> loans = make_loans(20_000, seed=1)
    >>> shocked = apply_rate_shock(loans, seed=1)
    >>> after = shocked["application_date"] >= SHOCK_START
    >>> bool(shocked.loc[~after].equals(loans.loc[~after]))
    True
    >>> rate = shocked.groupby(after)["defaulted"].mean()
    >>> bool(rate[True] > 1.5 * rate[False])
    True

    """
    if not isinstance(loans, pd.DataFrame):
        raise TypeError(f"loans must be a DataFrame from make_loans, got {type(loans).__name__}")
    missing = [column for column in _REQUIRED if column not in loans.columns]
    if missing:
        raise ValueError(f"loans lacks the column(s) {missing}; pass a table from make_loans")
    try:
        first = pd.Timestamp(start)
    except (TypeError, ValueError) as error:
        raise ValueError(f"start must be a date such as '2024-04-01', got {start!r}") from error
    increase = check_real(dti_increase, "dti_increase", low=0.0, high=0.5)
    rng = np.random.default_rng(check_seed(seed))

    shocked = loans.copy()
    hit = ((shocked["application_date"] >= first)
           & (shocked["home_ownership"] == "MORTGAGE")).to_numpy()
    ratio = shocked["debt_to_income"].to_numpy(dtype=float, copy=True)
    ratio[hit] = np.round(np.clip(ratio[hit] + increase, 0.0, 0.95), 3)
    extra = np.where(hit, _sigmoid(_SHOCK_INTERCEPT + _SHOCK_SLOPE * (ratio - 0.3)), 0.0)
    draws = rng.random(len(shocked))
    recovery_share = 0.05 + 0.55 * rng.beta(2.0, 3.0, len(shocked))
    old_default = shocked["defaulted"].to_numpy()
    new_default = (draws < extra) & (old_default == 0)
    amounts = shocked["loan_amount"].to_numpy(dtype=float)
    recovery = shocked["recovery_amount"].to_numpy(dtype=float, copy=True)
    recovery[new_default] = np.round(amounts[new_default] * recovery_share[new_default], 2)

    shocked["debt_to_income"] = ratio
    shocked["defaulted"] = np.where(new_default, 1, old_default).astype(
        shocked["defaulted"].dtype)
    shocked["recovery_amount"] = recovery
    return shocked


def make_risk_model() -> Pipeline:
    """The monitored model: imputation, scaling, one-hot housing, logistic regression.

    Its inputs are the columns :data:`MONITORED_FEATURES` of the loans table.

    Returns
    -------
    sklearn.pipeline.Pipeline
        An unfitted pipeline; ``fit(loans, loans["defaulted"])`` and
        ``predict_proba(loans)[:, 1]`` work on the loans table directly.

    Examples
    --------
    >>> from helpers.data import make_loans
    >>> loans = make_loans(3_000, seed=2)
    >>> model = make_risk_model().fit(loans, loans["defaulted"])
    >>> model.predict_proba(loans.head(3))[:, 1].shape
    (3,)

    """
    from sklearn.compose import make_column_transformer
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    columns = make_column_transformer(
        (make_pipeline(SimpleImputer(strategy="median"), StandardScaler()),
         list(NUMERIC_FEATURES)),
        (OneHotEncoder(handle_unknown="ignore"), ["home_ownership"]),
    )
    return make_pipeline(columns, LogisticRegression(max_iter=1_000))


def month_labels(dates: pd.Series | Sequence[object]) -> pd.Series:
    """The calendar month of each date, as ``"YYYY-MM"`` text (sorts like time).

    Parameters
    ----------
    dates : Series or sequence of dates
        For example ``loans["application_date"]``.

    Returns
    -------
    pandas.Series
        One label per date, with the Series' index when ``dates`` is a Series.

    Examples
    --------
    >>> month_labels(pd.Series(pd.to_datetime(["2023-01-31", "2023-02-01"]))).tolist()
    ['2023-01', '2023-02']

    """
    series = dates if isinstance(dates, pd.Series) else pd.Series(dates)
    try:
        stamps = pd.to_datetime(series)
    except (TypeError, ValueError) as error:
        raise ValueError("dates must be dates or date strings") from error
    return stamps.dt.strftime("%Y-%m").rename("month")


def monthly_performance(y_true: Sequence[int] | np.ndarray | pd.Series,
                        y_score: Sequence[float] | np.ndarray | pd.Series,
                        months: Sequence[str] | np.ndarray | pd.Series) -> pd.DataFrame:
    """Score predictions month by month.

    Parameters
    ----------
    y_true : array-like of 0/1
        Observed labels (1 = defaulted).
    y_score : array-like of float
        Predicted default probabilities (or any score: only the AUC needs a ranking).
    months : array-like of str
        The month of each row, e.g. from :func:`month_labels`.

    Returns
    -------
    pandas.DataFrame
        Indexed by month (sorted), with columns ``applications``, ``defaults``,
        ``default_rate``, ``mean_predicted`` and ``auc`` (the ROC AUC; NaN for a month
        with only one class).

    Raises
    ------
    ValueError
        If the three inputs do not have the same length.

    Examples
    --------
    >>> table = monthly_performance([0, 1, 0, 1, 0], [0.1, 0.8, 0.3, 0.2, 0.4],
    ...                             ["2024-01", "2024-01", "2024-02", "2024-02", "2024-02"])
    >>> table["auc"].tolist()
    [1.0, 0.0]
    >>> table["defaults"].tolist()
    [1, 1]

    """
    from sklearn.metrics import roc_auc_score

    truth = np.asarray(y_true)
    score = np.asarray(y_score, dtype=float)
    month = np.asarray(months)
    if not len(truth) == len(score) == len(month):
        raise ValueError(f"y_true, y_score and months must have the same length, got "
                         f"{len(truth)}, {len(score)} and {len(month)}")
    rows = {}
    for label in sorted(set(month.tolist())):
        inside = month == label
        labels, scores = truth[inside], score[inside]
        both = 0 < labels.sum() < len(labels)
        rows[label] = {
            "applications": int(inside.sum()),
            "defaults": int(labels.sum()),
            "default_rate": float(labels.mean()),
            "mean_predicted": float(scores.mean()),
            "auc": float(roc_auc_score(labels, scores)) if both else float("nan"),
        }
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("month")
