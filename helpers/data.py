"""The course's running example: synthetic, offline and deterministic loan data.

"RiskNet" is a fictional lender that predicts whether a loan application will
default. Every week of the course uses the same data, generated here without any
download, so that a given seed always gives byte-identical results:

:func:`make_loans`
    The loan-applications table (one row per application, a rare ``defaulted``
    label, realistic missing values, drift over time and one column recorded
    only after the outcome).
:func:`record_stream`
    A lazily produced stream of application records whose length the consumer
    does not know in advance, for the streaming lessons.
:func:`rare_class_population`
    A population with an exact number of members of a rare class.

The column meanings are in :data:`LOAN_COLUMNS`.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd

from helpers._validation import check_int, check_real, check_seed

__all__ = [
    "HOME_OWNERSHIP_CATEGORIES",
    "LOAN_COLUMNS",
    "PURPOSE_CATEGORIES",
    "REGION_CATEGORIES",
    "make_loans",
    "rare_class_population",
    "record_stream",
]

LOAN_COLUMNS: dict[str, str] = {
    "application_id": "Identifier of the application, 1..n in order of application_date (int64).",
    "application_date": (
        "Date and time the application was received (datetime64[ns]); volume grows over the period."
    ),
    "age": "Applicant's age in whole years, 21-75 (int64).",
    "annual_income": (
        "Applicant's stated gross annual income in USD (float64, lognormal); "
        "about 2% missing (NaN)."
    ),
    "employment_years": (
        "Years with the current employer, one decimal (float64); about 5% missing (NaN)."
    ),
    "home_ownership": "Housing status: RENT, MORTGAGE or OWN (category).",
    "purpose": (
        "Stated purpose of the loan: debt_consolidation, credit_card, home_improvement, "
        "car, medical or small_business (category)."
    ),
    "region": (
        "Sales region: North, South, East, West or Islands; Islands is rare, about 1% "
        "of applications (category)."
    ),
    "loan_amount": "Amount requested in USD, a multiple of 25 between 1,000 and 40,000 (float64).",
    "term_months": "Repayment term in months: 36 or 60 (int64).",
    "credit_score": "Credit bureau score at application, 300-850 (int64).",
    "debt_to_income": (
        "Monthly payments on existing debt divided by monthly income, a ratio "
        "between 0 and 0.95, three decimals (float64)."
    ),
    "open_accounts": "Number of open credit lines at application, at least 1 (int64).",
    "past_delinquencies": "Number of payments 30+ days late in the past two years (int64).",
    "defaulted": "Label: 1 if the loan was later charged off, 0 if it was repaid (int64).",
    "recovery_amount": (
        "USD recovered by collections after a charge-off, recorded after the outcome; "
        "0.0 for loans that were repaid (float64)."
    ),
}
"""Column name -> description of every column returned by :func:`make_loans`."""

HOME_OWNERSHIP_CATEGORIES: tuple[str, ...] = ("RENT", "MORTGAGE", "OWN")
"""Categories of the ``home_ownership`` column, in category order."""

PURPOSE_CATEGORIES: tuple[str, ...] = (
    "debt_consolidation",
    "credit_card",
    "home_improvement",
    "car",
    "medical",
    "small_business",
)
"""Categories of the ``purpose`` column, in category order."""

REGION_CATEGORIES: tuple[str, ...] = ("North", "South", "East", "West", "Islands")
"""Categories of the ``region`` column, in category order; ``Islands`` is rare."""

_PURPOSE_SHARES = np.array([0.45, 0.22, 0.11, 0.09, 0.06, 0.07])
_PURPOSE_LOAN_EFFECT = np.array([0.10, -0.25, 0.25, 0.0, -0.50, 0.50])
_PURPOSE_RISK = np.array([0.10, 0.0, -0.20, -0.30, 0.30, 0.70])
_HOME_RISK = np.array([0.25, 0.0, -0.10])
_REGION_SHARES = np.array([0.30, 0.27, 0.22, 0.20, 0.01])
_REGION_RISK = np.array([0.0, 0.05, -0.05, 0.0, 0.40])

_MEDIAN_INCOME = 52_000.0
_MEDIAN_LOAN = 12_000.0
_VOLUME_GROWTH = 1.0  # application rate at the end of the period is (1 + this) x the start
_STREAM_CHUNK = 1_024
_STREAM_START = pd.Timestamp("2023-01-01")
_STREAM_MEAN_GAP_MS = 45_000.0


def _sigmoid(x: np.ndarray | float) -> np.ndarray:
    """Return the logistic function of ``x`` without overflow warnings."""
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(x, dtype=float)))


def _calibrate_intercept(linear_predictor: np.ndarray, target_rate: float) -> float:
    """Return ``b`` such that ``mean(sigmoid(b + linear_predictor)) == target_rate``.

    A safeguarded Newton iteration: the mean is increasing in ``b``, so a bracket
    ``[lo, hi]`` is kept and bisection is used whenever a Newton step leaves it.
    """
    lo, hi = -60.0, 60.0
    b = math.log(target_rate / (1.0 - target_rate)) - float(np.mean(linear_predictor))
    b = min(max(b, lo), hi)
    for _ in range(200):
        p = _sigmoid(b + linear_predictor)
        gap = float(np.mean(p)) - target_rate
        if abs(gap) < 1e-12:
            break
        if gap > 0:
            hi = b
        else:
            lo = b
        slope = float(np.mean(p * (1.0 - p)))
        step = b - gap / slope if slope > 0 else math.nan
        b = step if lo < step < hi else 0.5 * (lo + hi)
    return b


def _parse_start(start: object) -> pd.Timestamp:
    """Return ``start`` as a timezone-naive nanosecond :class:`pandas.Timestamp`."""
    try:
        stamp = pd.Timestamp(start)  # type: ignore[arg-type]
    except (TypeError, ValueError) as error:
        raise ValueError(f"start must be a date such as '2023-01-01', got {start!r}.") from error
    if stamp is pd.NaT or pd.isna(stamp):
        raise ValueError(f"start must be a date such as '2023-01-01', got {start!r}.")
    if stamp.tzinfo is not None:
        raise ValueError(
            f"start must be timezone-naive, got {stamp}; drop the timezone, e.g. '2023-01-01'."
        )
    try:
        return stamp.as_unit("ns")
    except (OverflowError, ValueError) as error:
        raise ValueError(
            f"start {stamp} is outside the supported range (years 1678-2261)."
        ) from error


def _categorical(codes: np.ndarray, categories: tuple[str, ...]) -> pd.Categorical:
    """Return an unordered categorical with all ``categories``, observed or not."""
    return pd.Categorical.from_codes(codes.astype(np.int8), categories=list(categories))


def make_loans(
    n_rows: int = 5_000,
    *,
    seed: int = 0,
    default_rate: float = 0.03,
    start: str = "2023-01-01",
    months: int = 24,
) -> pd.DataFrame:
    """Generate RiskNet's loan-applications table, the course's running example.

    The table is synthetic, generated offline from ``seed`` alone: the same
    arguments always give byte-identical results (``df.to_csv()`` is equal) and
    different seeds give different tables. The columns are described in
    :data:`LOAN_COLUMNS`.

    Parameters
    ----------
    n_rows : int, default 5_000
        Number of applications (rows), at least 1.
    seed : int, default 0
        Seed for :func:`numpy.random.default_rng`; a non-negative integer.
    default_rate : float, default 0.03
        Target share of defaulted loans, ``0 < default_rate < 0.5``. The realised
        share is a binomial draw around it, so it is close but not exact.
    start : str, default "2023-01-01"
        First day of the application period (anything :class:`pandas.Timestamp`
        parses, timezone-naive).
    months : int, default 24
        Length of the application period in calendar months, at least 1.

    Returns
    -------
    pandas.DataFrame
        One row per application, sorted by ``application_date``, with the columns
        of :data:`LOAN_COLUMNS` in that order and a default ``RangeIndex``.

    Raises
    ------
    TypeError
        If an argument has the wrong type (for example ``n_rows=5e3``).
    ValueError
        If an argument is out of range or ``start`` is not a date.

    See Also
    --------
    record_stream : The same kind of applications, as a stream.

    Notes
    -----
    The generating process, row by row (``log`` is the natural logarithm,
    ``years`` is the time since ``start`` in years and ``N``, ``Beta``,
    ``Gamma``, ``Poisson`` are independent draws):

    1. **Time.** ``application_date`` is spread over ``[start, start + months)``
       with an application rate that grows linearly, ending at twice the starting
       rate (density ``(1 + u) / 1.5`` at the fraction ``u`` of the period), so
       later months have more applications. Rows are sorted by date and
       ``application_id`` is 1..n in that order.
    2. **Applicant.** ``age = 21 + round(54 * Beta(2, 3.2))``. A latent credit
       quality ``q ~ N(0, 1)`` drives the credit history.
       ``log(annual_income) = log(52,000) + 0.01 (age - 42) + 0.15 q +
       0.07 years + N(0, 0.45^2)``, rounded to whole dollars.
       ``employment_years = min(Gamma(1.6, scale=4), age - 18)``, one decimal.
       ``home_ownership`` shifts from RENT towards MORTGAGE and OWN with age:
       ``P(RENT) = clip(0.70 - 0.012 (age - 21), 0.15, 0.70)``,
       ``P(OWN) = clip(0.03 + 0.006 (age - 21), 0.03, 0.35)``, MORTGAGE otherwise.
    3. **Loan.** ``purpose`` is drawn with shares debt_consolidation 45%,
       credit_card 22%, home_improvement 11%, car 9%, medical 6%,
       small_business 7%, and ``region`` with shares North 30%, South 27%,
       East 22%, West 20%, Islands 1%.
       ``log(loan_amount) = log(12,000) + 0.45 log(income / 52,000) +
       purpose effect + 0.10 years + N(0, 0.5^2)`` with purpose effects
       debt_consolidation +0.1, credit_card -0.25, home_improvement +0.25, car 0,
       medical -0.5, small_business +0.5; then rounded to a multiple of 25 and
       clipped to 1,000-40,000. ``term_months`` is 60 with probability
       ``sigmoid(2 log(loan_amount / 15,000) - 0.8)``, else 36.
    4. **Credit history.** ``credit_score = 690 + 55 q + 1.2 (age - 42) +
       N(0, 25^2)``, rounded and clipped to 300-850.
       ``past_delinquencies ~ Poisson(0.3 exp(-0.9 q))``;
       ``open_accounts = 1 + Poisson(2 + 0.08 (age - 21) + 0.5 [not RENT])``;
       ``debt_to_income = Gamma(3, scale=0.06) + 0.04 [MORTGAGE] +
       0.01 years``, clipped to 0-0.95.
    5. **Label.** ``defaulted ~ Bernoulli(sigmoid(b0 + s))`` with the linear
       predictor::

           s = -0.9 (credit_score - 690) / 60 + 3.0 (debt_to_income - 0.2)
               - 0.6 log(annual_income / 52,000) + 0.5 log(loan_amount / 12,000)
               + 0.3 past_delinquencies + 0.35 [term_months == 60]
               - 0.03 (min(employment_years, 20) - 5) - 0.01 (age - 42)
               + purpose effect + home_ownership effect + region effect

       with purpose effects debt_consolidation +0.1, credit_card 0,
       home_improvement -0.2, car -0.3, medical +0.3, small_business +0.7;
       home_ownership effects RENT +0.25, MORTGAGE 0, OWN -0.1; and region
       effects North 0, South +0.05, East -0.05, West 0, Islands +0.4. The
       intercept ``b0`` is solved numerically so that the mean default
       probability over the generated rows equals ``default_rate``.
    6. **After the outcome.** ``recovery_amount = loan_amount * (0.05 + 0.55
       Beta(2, 3))``, rounded to cents, for defaulted loans and 0.0 otherwise.
    7. **Missing values.** ``annual_income`` (about 2%) and ``employment_years``
       (about 5%) are set to NaN completely at random, after the label is drawn
       from the true values.

    Because incomes, loan amounts and debt-to-income ratios rise with ``years``
    while the intercept is fixed, both the feature distributions and the default
    rate drift slowly over the period.

    Examples
    --------
    >>> from helpers.data import make_loans
    >>> loans = make_loans(1_000, seed=7)
    >>> loans.shape
    (1000, 16)
    >>> loans["application_id"].is_monotonic_increasing
    True
    >>> sorted(loans["term_months"].unique().tolist())
    [36, 60]
    >>> make_loans(500, seed=1).equals(make_loans(500, seed=1))
    True

    """
    n = check_int(n_rows, "n_rows", minimum=1)
    seed = check_seed(seed)
    rate = check_real(
        default_rate, "default_rate", low=0.0, high=0.5, low_inclusive=False, high_inclusive=False
    )
    months = check_int(months, "months", minimum=1)
    first = _parse_start(start)
    try:
        end = (first + pd.DateOffset(months=months)).as_unit("ns")
    except (OverflowError, ValueError) as error:
        raise ValueError(
            f"start + months ({first} + {months} months) is past the supported range "
            "(the year 2261); use an earlier start or fewer months."
        ) from error
    span_seconds = int((end - first) // pd.Timedelta(seconds=1))

    rng = np.random.default_rng(seed)

    # 1. Time: inverse CDF of the linear density (1 + g t) / (1 + g / 2) on [0, 1].
    g = _VOLUME_GROWTH
    u = rng.random(n)
    t = np.sort((np.sqrt(1.0 + 2.0 * g * (1.0 + g / 2.0) * u) - 1.0) / g)
    offsets = np.minimum((t * span_seconds).astype(np.int64), span_seconds - 1)
    dates = np.datetime64(first.to_datetime64(), "ns") + offsets.astype("timedelta64[s]")
    years = t * (span_seconds / (365.25 * 86_400.0))

    # 2. Applicant.
    age = 21 + np.rint(54.0 * rng.beta(2.0, 3.2, n)).astype(np.int64)
    quality = rng.standard_normal(n)
    log_income = (
        math.log(_MEDIAN_INCOME)
        + 0.01 * (age - 42)
        + 0.15 * quality
        + 0.07 * years
        + 0.45 * rng.standard_normal(n)
    )
    income = np.rint(np.exp(log_income))
    employment = np.round(np.minimum(rng.gamma(1.6, 4.0, n), age - 18.0), 1)
    p_rent = np.clip(0.70 - 0.012 * (age - 21), 0.15, 0.70)
    p_own = np.clip(0.03 + 0.006 * (age - 21), 0.03, 0.35)
    u_home = rng.random(n)
    home = (u_home >= p_rent).astype(np.int8) + (u_home >= 1.0 - p_own).astype(np.int8)

    # 3. Loan.
    purpose = np.searchsorted(np.cumsum(_PURPOSE_SHARES)[:-1], rng.random(n), side="right")
    region = np.searchsorted(np.cumsum(_REGION_SHARES)[:-1], rng.random(n), side="right")
    log_loan = (
        math.log(_MEDIAN_LOAN)
        + 0.45 * np.log(income / _MEDIAN_INCOME)
        + _PURPOSE_LOAN_EFFECT[purpose]
        + 0.10 * years
        + 0.5 * rng.standard_normal(n)
    )
    loan = np.clip(25.0 * np.rint(np.exp(log_loan) / 25.0), 1_000.0, 40_000.0)
    p_long = _sigmoid(2.0 * np.log(loan / 15_000.0) - 0.8)
    term = np.where(rng.random(n) < p_long, 60, 36).astype(np.int64)

    # 4. Credit history.
    score_noise = 25.0 * rng.standard_normal(n)
    credit_score = np.clip(
        np.rint(690.0 + 55.0 * quality + 1.2 * (age - 42) + score_noise), 300, 850
    ).astype(np.int64)
    dti = np.round(
        np.clip(rng.gamma(3.0, 0.06, n) + 0.04 * (home == 1) + 0.01 * years, 0.0, 0.95), 3
    )
    open_accounts = 1 + rng.poisson(2.0 + 0.08 * (age - 21) + 0.5 * (home != 0)).astype(np.int64)
    delinquencies = rng.poisson(0.3 * np.exp(-0.9 * quality)).astype(np.int64)

    # 5. Label from a logistic model with a calibrated intercept.
    linear_predictor = (
        -0.9 * (credit_score - 690) / 60.0
        + 3.0 * (dti - 0.2)
        - 0.6 * np.log(income / _MEDIAN_INCOME)
        + 0.5 * np.log(loan / _MEDIAN_LOAN)
        + 0.3 * delinquencies
        + 0.35 * (term == 60)
        - 0.03 * (np.minimum(employment, 20.0) - 5.0)
        - 0.01 * (age - 42)
        + _PURPOSE_RISK[purpose]
        + _HOME_RISK[home]
        + _REGION_RISK[region]
    )
    intercept = _calibrate_intercept(linear_predictor, rate)
    defaulted = (rng.random(n) < _sigmoid(intercept + linear_predictor)).astype(np.int64)

    # 6. Recorded after the outcome.
    recovery_share = 0.05 + 0.55 * rng.beta(2.0, 3.0, n)
    recovery = np.where(defaulted == 1, np.round(loan * recovery_share, 2), 0.0)

    # 7. Missing completely at random.
    income[rng.random(n) < 0.02] = np.nan
    employment[rng.random(n) < 0.05] = np.nan

    columns: dict[str, Any] = {
        "application_id": np.arange(1, n + 1, dtype=np.int64),
        "application_date": dates,
        "age": age,
        "annual_income": income,
        "employment_years": employment,
        "home_ownership": _categorical(home, HOME_OWNERSHIP_CATEGORIES),
        "purpose": _categorical(purpose, PURPOSE_CATEGORIES),
        "region": _categorical(region, REGION_CATEGORIES),
        "loan_amount": loan,
        "term_months": term,
        "credit_score": credit_score,
        "debt_to_income": dti,
        "open_accounts": open_accounts,
        "past_delinquencies": delinquencies,
        "defaulted": defaulted,
        "recovery_amount": recovery,
    }
    return pd.DataFrame(columns, columns=list(LOAN_COLUMNS))


def record_stream(
    *,
    seed: int = 0,
    n_records: int | None = None,
    mean_length: int = 10_000,
) -> Iterator[dict[str, Any]]:
    """Return a lazily produced stream of loan-application records.

    The stream is a true generator: it has no ``len()``, records are produced a
    small chunk at a time as they are consumed, and it can be iterated only
    once. Unless ``n_records`` is given, its length is drawn from ``seed``, so
    the consumer cannot know it in advance, as in the streaming lessons.

    Parameters
    ----------
    seed : int, default 0
        Seed for :func:`numpy.random.default_rng`; a non-negative integer. The
        same seed always gives the same records.
    n_records : int or None, default None
        Number of records to produce (0 gives an empty stream). If None, the
        length is drawn uniformly from ``mean_length // 2`` to
        ``3 * mean_length // 2`` inclusive.
    mean_length : int, default 10_000
        Mean length when ``n_records`` is None, at least 2; ignored otherwise.

    Returns
    -------
    Iterator[dict]
        A generator of records, each a dict with keys

        - ``record_id`` (int): 1, 2, 3, ... in stream order;
        - ``timestamp`` (:class:`pandas.Timestamp`): strictly increasing, from
          2023-01-01 with on average 45 s between records;
        - ``amount`` (float): loan amount in USD, a multiple of 25 between
          1,000 and 40,000;
        - ``region`` (str): one of :data:`REGION_CATEGORIES`, "Islands" for
          about 1% of records;
        - ``defaulted`` (int): 1 for about 3% of records (more often for large
          amounts and in the Islands), else 0.

    Raises
    ------
    TypeError
        If an argument is not an integer.
    ValueError
        If ``n_records`` is negative or ``mean_length`` is below 2.

    See Also
    --------
    make_loans : The full applications table.

    Notes
    -----
    The records do not depend on ``n_records``: a stream with
    ``n_records=k`` is exactly the first ``k`` records of any longer stream
    with the same seed.

    Examples
    --------
    >>> from itertools import islice
    >>> from helpers.data import record_stream
    >>> stream = record_stream(seed=3)
    >>> hasattr(stream, "__len__")
    False
    >>> first = next(stream)
    >>> sorted(first)
    ['amount', 'defaulted', 'record_id', 'region', 'timestamp']
    >>> first["record_id"]
    1
    >>> [r["record_id"] for r in islice(record_stream(seed=3, n_records=10**9), 3)]
    [1, 2, 3]
    >>> sum(1 for _ in record_stream(seed=3, n_records=25))
    25

    """
    seed = check_seed(seed)
    mean_length = check_int(mean_length, "mean_length", minimum=2)
    length_seed, records_seed = np.random.SeedSequence(seed).spawn(2)
    if n_records is None:
        length_rng = np.random.default_rng(length_seed)
        length = int(length_rng.integers(mean_length // 2, 3 * mean_length // 2, endpoint=True))
    else:
        length = check_int(n_records, "n_records", minimum=0)
    # Validate eagerly above; produce lazily below.
    return _generate_records(np.random.default_rng(records_seed), length)


def _generate_records(rng: np.random.Generator, length: int) -> Iterator[dict[str, Any]]:
    """Yield ``length`` records, drawing them ``_STREAM_CHUNK`` at a time."""
    cumulative_region = np.cumsum(_REGION_SHARES)[:-1]
    last_ms = np.int64(0)
    produced = 0
    while produced < length:
        size = _STREAM_CHUNK  # always a full chunk, so records do not depend on length
        gaps = 1 + np.floor(rng.exponential(_STREAM_MEAN_GAP_MS, size)).astype(np.int64)
        elapsed_ms = last_ms + np.cumsum(gaps)
        last_ms = elapsed_ms[-1]
        log_amount = math.log(_MEDIAN_LOAN) + 0.55 * rng.standard_normal(size)
        amounts = np.clip(25.0 * np.rint(np.exp(log_amount) / 25.0), 1_000.0, 40_000.0)
        regions = np.searchsorted(cumulative_region, rng.random(size), side="right")
        p_default = _sigmoid(-3.55 + 0.5 * np.log(amounts / _MEDIAN_LOAN) + 0.5 * (regions == 4))
        defaulted = (rng.random(size) < p_default).astype(np.int64)

        take = min(size, length - produced)
        timestamps = _STREAM_START + pd.to_timedelta(elapsed_ms[:take], unit="ms")
        region_names = [REGION_CATEGORIES[code] for code in regions[:take].tolist()]
        rows = zip(
            range(produced + 1, produced + take + 1),
            timestamps,
            amounts[:take].tolist(),
            region_names,
            defaulted[:take].tolist(),
            strict=True,
        )
        for record_id, timestamp, amount, region, label in rows:
            yield {
                "record_id": record_id,
                "timestamp": timestamp,
                "amount": amount,
                "region": region,
                "defaulted": label,
            }
        produced += take


def rare_class_population(n: int, *, rare_fraction: float, seed: int = 0) -> pd.DataFrame:
    """Generate a population with an exact number of members of a rare class.

    Parameters
    ----------
    n : int
        Population size, at least 1.
    rare_fraction : float
        Share of the rare class, ``0 < rare_fraction < 1``. The population has
        exactly ``round(n * rare_fraction)`` rare members (Python's ``round``),
        which must be at least 1.
    seed : int, default 0
        Seed for :func:`numpy.random.default_rng`; a non-negative integer.

    Returns
    -------
    pandas.DataFrame
        ``n`` rows with columns

        - ``id`` (int64): 1..n;
        - ``label`` (int64): 1 for the rare class, 0 otherwise, in shuffled
          positions;
        - ``value`` (float64): a measurement whose distribution differs by
          class, ``N(100, 15^2)`` for label 0 and ``N(250, 40^2)`` for label 1,
          so an estimate of its mean is biased when the rare class is missed.

    Raises
    ------
    TypeError
        If an argument has the wrong type.
    ValueError
        If ``n`` or ``rare_fraction`` is out of range, or ``n * rare_fraction``
        rounds to zero rare members.

    Examples
    --------
    >>> from helpers.data import rare_class_population
    >>> population = rare_class_population(1_000_000, rare_fraction=0.0001, seed=0)
    >>> len(population), int(population["label"].sum())
    (1000000, 100)
    >>> list(population.columns)
    ['id', 'label', 'value']

    """
    n = check_int(n, "n", minimum=1)
    fraction = check_real(
        rare_fraction,
        "rare_fraction",
        low=0.0,
        high=1.0,
        low_inclusive=False,
        high_inclusive=False,
    )
    seed = check_seed(seed)
    n_rare = round(n * fraction)
    if n_rare < 1:
        raise ValueError(
            f"n * rare_fraction = {n * fraction:g} rounds to 0 rare members; increase n "
            f"(at least {math.floor(0.5 / fraction) + 1}) or rare_fraction."
        )
    rng = np.random.default_rng(seed)
    labels = np.zeros(n, dtype=np.int64)
    labels[:n_rare] = 1
    rng.shuffle(labels)
    noise = rng.standard_normal(n)
    values = np.where(labels == 1, 250.0 + 40.0 * noise, 100.0 + 15.0 * noise)
    return pd.DataFrame(
        {"id": np.arange(1, n + 1, dtype=np.int64), "label": labels, "value": values}
    )
