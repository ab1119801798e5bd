"""Between JSON requests and the model's DataFrame.

:func:`application_payloads`
    JSON-ready request bodies for rows of a loans table (for demos, tests and load
    measurements).
:func:`applications_to_frame`
    Validated applications as the DataFrame the pipeline expects: the one conversion
    the service makes before it calls the model.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from pydantic import BaseModel

from helpers.serving.schema import (
    CATEGORICAL_FEATURES,
    FEATURES,
    INTEGER_FEATURES,
    NUMERIC_FEATURES,
    LoanApplication,
)

__all__ = ["application_payloads", "applications_to_frame"]


def applications_to_frame(applications: Sequence[LoanApplication | Mapping[str, Any]]
                          ) -> pd.DataFrame:
    """Turn validated applications into the DataFrame the pipeline expects.

    Parameters
    ----------
    applications : sequence of LoanApplication or mapping
        Applications already validated against :class:`LoanApplication`.

    Returns
    -------
    pandas.DataFrame
        One row per application and the columns :data:`FEATURES`: floats (``None``
        becomes NaN) for the numeric features, Python strings for the categorical ones.

    Examples
    --------
    >>> from helpers.serving.schema import EXAMPLE_APPLICATION
    >>> frame = applications_to_frame([EXAMPLE_APPLICATION, {**EXAMPLE_APPLICATION,
    ...                                                       "annual_income": None}])
    >>> frame.shape, float(frame["annual_income"].isna().sum())
    ((2, 12), 1.0)

    """
    rows = [a.model_dump() if isinstance(a, BaseModel) else a for a in applications]
    columns: dict[str, np.ndarray] = {}
    for name in NUMERIC_FEATURES:
        columns[name] = np.array([row[name] for row in rows], dtype=float)
    for name in CATEGORICAL_FEATURES:
        columns[name] = np.array([row[name] for row in rows], dtype=object)
    return pd.DataFrame(columns, columns=list(FEATURES))


def application_payloads(loans: pd.DataFrame) -> list[dict[str, Any]]:
    """JSON-ready request bodies for the rows of a loans table.

    Parameters
    ----------
    loans : pandas.DataFrame
        Rows with the columns :data:`FEATURES` (e.g. from :func:`helpers.data.make_loans`).

    Returns
    -------
    list of dict
        One :class:`LoanApplication`-shaped dict per row, with plain Python values:
        ``int`` for :data:`INTEGER_FEATURES`, ``float`` or ``None`` (missing) for the
        other numbers, ``str`` for the categories.

    Examples
    --------
    >>> from helpers.data import make_loans
    >>> payload = application_payloads(make_loans(3, seed=1))[0]
    >>> type(payload["credit_score"]).__name__, type(payload["region"]).__name__
    ('int', 'str')
    >>> LoanApplication(**payload).credit_score == payload["credit_score"]
    True

    """
    if not isinstance(loans, pd.DataFrame):
        raise TypeError(f"loans must be a pandas DataFrame, got {type(loans).__name__}")
    missing = [c for c in FEATURES if c not in loans.columns]
    if missing:
        raise ValueError(f"loans lacks the column(s) {missing}")
    columns: dict[str, list[Any]] = {}
    for name in FEATURES:
        values = loans[name]
        if name in INTEGER_FEATURES:
            columns[name] = [int(v) for v in values.to_numpy()]
        elif name in NUMERIC_FEATURES:
            columns[name] = [None if np.isnan(v) else float(v)
                             for v in values.to_numpy(dtype=float)]
        else:
            columns[name] = [str(v) for v in values.astype(object)]
    return [dict(zip(FEATURES, row, strict=True))
            for row in zip(*(columns[name] for name in FEATURES), strict=True)]
