"""RiskNet's credit-risk pipeline at any size: a naive teaching baseline, and the fixes.

The pipeline reads RiskNet's loans table (:func:`helpers.data.make_loans`), cleans it,
engineers a few features, and cross-validates a logistic regression that predicts
``defaulted``. It exists twice:

**The teaching baseline** (every function whose name starts with ``naive_``) is written
the way real first-version student code is written, and it is *deliberately slow*:

* it reads the raw CSV export, every column, with default dtypes (text stays text,
  numbers stay int64/float64);
* it loops over rows (``iterrows``) and applies Python functions element by element;
* it recomputes the same values inside loops (the annuity factor of every loan, the
  feature engineering of every cross-validation fold);
* it fits the cross-validation folds one after another.

Do not copy it: it is here to be profiled and fixed (Week 05-06, Team Scalable).

**The fixes** are switched on one at a time by :class:`PipelineConfig` and run by
:func:`run_pipeline`, so that each step's speed-up can be measured against the baseline
in the same run: vectorised cleaning and one-hot encoding, compact dtypes, Parquet with
column pruning instead of CSV, computing the features once instead of once per fold, and
cross-validation folds in parallel (joblib). The feature function itself is an argument:
the notebook passes :func:`naive_loan_features` or the student's vectorised version, so
that this module holds no exercise solution.

For the distributed part, :func:`write_partitions` writes the table as Parquet
partitions, :func:`dask_client` opens a Dask client (a ``LocalCluster`` bound to
127.0.0.1, or an existing scheduler) and closes everything on exit, and
:func:`pandas_group_rates` / :func:`dask_group_rates` run the same aggregation with
pandas (everything in memory) and with Dask (one partition at a time).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from helpers._validation import check_int, check_seed

__all__ = [
    "ANNUAL_RATE",
    "CATEGORICAL_INPUTS",
    "COMPACT_DTYPES",
    "CREDIT_BANDS",
    "FEATURE_COLUMNS",
    "FEATURE_SOURCES",
    "GROUP_RATE_COLUMNS",
    "HIGH_DTI",
    "MODEL_COLUMNS",
    "NUMERIC_INPUTS",
    "STAGES",
    "TARGET",
    "PipelineConfig",
    "PipelineResult",
    "annuity_factor",
    "clean",
    "convert_csv_to_parquet",
    "credit_band",
    "dask_client",
    "dask_group_rates",
    "design_matrix",
    "fit_and_score",
    "load",
    "naive_clean",
    "naive_design_matrix",
    "naive_load",
    "naive_loan_features",
    "pandas_group_rates",
    "run_pipeline",
    "write_partitions",
    "write_raw_csv",
]

#: Yearly interest rate assumed for every loan when computing its monthly installment.
ANNUAL_RATE = 0.12
#: Debt-to-income ratio above which an applicant counts as highly indebted.
HIGH_DTI = 0.43
#: Credit-score bands: (name, upper bound, exclusive), in increasing order (FICO's ranges).
CREDIT_BANDS: tuple[tuple[str, float], ...] = (
    ("poor", 580), ("fair", 670), ("good", 740), ("very good", 800), ("excellent", math.inf))
#: Columns returned by :func:`naive_loan_features`, in this order.
FEATURE_COLUMNS: tuple[str, ...] = (
    "loan_to_income", "installment", "payment_to_income", "credit_band", "high_dti",
    "income_missing")
#: Raw columns each engineered feature is computed from.
FEATURE_SOURCES: dict[str, list[str]] = {
    "loan_to_income": ["loan_amount", "annual_income"],
    "installment": ["loan_amount", "term_months"],
    "payment_to_income": ["loan_amount", "term_months", "annual_income"],
    "credit_band": ["credit_score"],
    "high_dti": ["debt_to_income"],
    "income_missing": ["annual_income"],
}
#: Raw numeric columns the model uses as they are.
NUMERIC_INPUTS: tuple[str, ...] = (
    "age", "annual_income", "employment_years", "loan_amount", "term_months", "credit_score",
    "debt_to_income", "open_accounts", "past_delinquencies")
#: Raw text columns the model one-hot encodes (``credit_band`` is added to them).
CATEGORICAL_INPUTS: tuple[str, ...] = ("home_ownership", "purpose", "region")
#: The label.
TARGET = "defaulted"
#: Every raw column the pipeline needs, in the file's column order.
MODEL_COLUMNS: tuple[str, ...] = (
    "age", "annual_income", "employment_years", "home_ownership", "purpose", "region",
    "loan_amount", "term_months", "credit_score", "debt_to_income", "open_accounts",
    "past_delinquencies", "defaulted")
#: dtypes that hold every value of the raw export exactly, in less memory (for read_csv).
#: ``annual_income`` and ``loan_amount`` stay float64 although float32 holds their values:
#: they feed arithmetic (``loan_amount / annual_income``), which float32 would round sooner.
COMPACT_DTYPES: dict[str, str] = {
    "application_id": "int32", "age": "int8", "annual_income": "float64",
    "employment_years": "float64", "home_ownership": "category", "purpose": "category",
    "region": "category", "loan_amount": "float64", "term_months": "int8",
    "credit_score": "int16", "debt_to_income": "float64", "open_accounts": "int8",
    "past_delinquencies": "int8", "defaulted": "int8", "recovery_amount": "float64",
}
#: Names of the timed stages of :func:`run_pipeline`, in order.
STAGES: tuple[str, ...] = ("load", "clean", "features", "design matrix", "fit and score")

PREFER = "threads"
_TEXT_STYLE = {"home_ownership": str.upper, "purpose": str.lower, "region": str.title}
_LEAKY_OR_ID = ["recovery_amount", "application_id"]


# ----------------------------------------------------------------------------- small pieces
def annuity_factor(term_months: float, annual_rate: float = ANNUAL_RATE) -> float:
    """Monthly installment per USD borrowed, for a loan repaid in equal monthly payments.

    ``r / (1 - (1 + r) ** -term_months)`` with the monthly rate ``r = annual_rate / 12``:
    the standard annuity formula. Multiply by the loan amount to get the installment.

    Parameters
    ----------
    term_months : int or float
        Number of monthly payments, > 0.
    annual_rate : float, default ANNUAL_RATE
        Yearly interest rate, > 0 (0.12 is 12 %).

    Returns
    -------
    float
        The installment per USD borrowed.

    Raises
    ------
    ValueError
        If ``term_months`` or ``annual_rate`` is not positive.

    Examples
    --------
    >>> round(annuity_factor(36), 6)
    0.033214
    >>> round(12_000 * annuity_factor(60), 2)
    266.93
    """
    if not term_months > 0:
        raise ValueError(f"term_months must be > 0, got {term_months!r}.")
    if not annual_rate > 0:
        raise ValueError(f"annual_rate must be > 0, got {annual_rate!r}.")
    monthly = float(annual_rate) / 12
    # Python floats throughout, so that every caller (int, NumPy scalar) gets the same bits.
    return monthly / (1 - (1 + monthly) ** -float(term_months))


def credit_band(score: float) -> str:
    """The credit band of a credit score: poor, fair, good, very good or excellent.

    Bands follow FICO's ranges: below 580 poor, 580-669 fair, 670-739 good, 740-799 very
    good, 800 and above excellent (the lower bound of each band is included in it).

    Examples
    --------
    >>> [credit_band(s) for s in (579, 580, 669, 670, 799, 800)]
    ['poor', 'fair', 'fair', 'good', 'very good', 'excellent']
    """
    for name, upper in CREDIT_BANDS:
        if score < upper:
            return name
    raise ValueError(f"score must be a number, got {score!r}.")  # NaN compares False


def _check_frame(df: object, name: str, columns: Sequence[str]) -> pd.DataFrame:
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, got {type(df).__name__}.")
    missing = [column for column in columns if column not in df.columns]
    if missing:
        raise ValueError(f"{name} has no column(s) {missing}; pass the loans table.")
    return df


def _check_path(path: object, name: str) -> Path:
    if not isinstance(path, str | Path):
        raise TypeError(f"{name} must be a path (str or pathlib.Path), got {type(path).__name__}.")
    return Path(path)


# ----------------------------------------------------------------------------- files
def write_raw_csv(loans: pd.DataFrame, path: str | Path, *, seed: int = 0,
                  messy_share: float = 0.1) -> Path:
    """Write the loans table as RiskNet's raw CSV export, with messy text.

    The export is what the pipeline starts from: a CSV file with every column, dates as
    ISO text, and text categories typed in by hand, so that ``messy_share`` of the
    ``home_ownership``, ``purpose`` and ``region`` cells get stray spaces or another
    letter case (``" rent"``, ``"Car "``, ``"NORTH"``). Cleaning undoes that.

    Parameters
    ----------
    loans : DataFrame
        A table from :func:`helpers.data.make_loans`.
    path : str or Path
        The file to write (its folder must exist).
    seed : int, default 0
        Seed of the messy cells.
    messy_share : float, default 0.1
        Share of text cells made messy, between 0 and 1.

    Returns
    -------
    Path
        ``path``.

    Examples
    --------
    >>> import tempfile
    >>> from helpers.data import make_loans
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = write_raw_csv(make_loans(200, seed=1), Path(folder) / "loans.csv")
    ...     raw = pd.read_csv(path)
    >>> raw.shape, raw["region"].nunique() > 5
    ((200, 16), True)
    """
    _check_frame(loans, "loans", list(_TEXT_STYLE))
    path = _check_path(path, "path")
    seed = check_seed(seed)
    if not 0 <= messy_share <= 1:
        raise ValueError(f"messy_share must be between 0 and 1, got {messy_share!r}.")
    rng = np.random.default_rng(seed)
    raw = loans.copy()
    for column in _TEXT_STYLE:
        text = raw[column].astype(str).to_numpy(dtype=object)
        messy = np.flatnonzero(rng.random(len(text)) < messy_share)
        styles = rng.integers(4, size=len(messy))
        for position, style in zip(messy, styles, strict=True):
            value = text[position]
            text[position] = (f" {value}", f"{value} ", value.upper(), value.lower())[style]
        raw[column] = text
    raw.to_csv(path, index=False)
    return path


def convert_csv_to_parquet(csv_path: str | Path, parquet_path: str | Path) -> Path:
    """Convert the raw CSV export to one Parquet file with compact dtypes (done once).

    Text columns become categoricals, integers and whole-number floats are downcast
    (:data:`COMPACT_DTYPES`, no value changes) and ``application_date`` becomes a
    datetime. Parquet stores each column separately, typed and compressed, so a reader
    can load only the columns it needs.

    Examples
    --------
    >>> import tempfile
    >>> from helpers.data import make_loans
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     csv = write_raw_csv(make_loans(100, seed=1), Path(folder) / "loans.csv")
    ...     parquet = convert_csv_to_parquet(csv, Path(folder) / "loans.parquet")
    ...     back = pd.read_parquet(parquet, columns=["age", "region"])
    >>> [str(dtype) for dtype in back.dtypes]
    ['int8', 'category']
    """
    csv_path = _check_path(csv_path, "csv_path")
    parquet_path = _check_path(parquet_path, "parquet_path")
    table = pd.read_csv(csv_path, dtype=COMPACT_DTYPES, parse_dates=["application_date"])
    table.to_parquet(parquet_path, index=False)
    return parquet_path


def write_partitions(loans: pd.DataFrame, folder: str | Path, *, n_partitions: int) -> list[Path]:
    """Write the loans table as ``n_partitions`` Parquet files of consecutive rows.

    Each file (``part-000.parquet``, ...) is one partition for
    ``dask.dataframe.read_parquet(folder)``. Text columns are stored as categoricals.

    Returns
    -------
    list of Path
        The files, in row order.

    Examples
    --------
    >>> import tempfile
    >>> from helpers.data import make_loans
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     files = write_partitions(make_loans(1_000, seed=1), folder, n_partitions=4)
    ...     sizes = [len(pd.read_parquet(file)) for file in files]
    >>> sizes
    [250, 250, 250, 250]
    """
    _check_frame(loans, "loans", [])
    folder = _check_path(folder, "folder")
    n_partitions = check_int(n_partitions, "n_partitions", minimum=1, maximum=max(1, len(loans)))
    folder.mkdir(parents=True, exist_ok=True)
    bounds = np.linspace(0, len(loans), n_partitions + 1).round().astype(int)
    files = []
    for number, (start, stop) in enumerate(zip(bounds[:-1], bounds[1:], strict=True)):
        file = folder / f"part-{number:03d}.parquet"
        loans.iloc[start:stop].to_parquet(file, index=False)
        files.append(file)
    return files


# ----------------------------------------------------------------------------- naive baseline
def naive_load(path: str | Path) -> pd.DataFrame:
    """TEACHING BASELINE: read the raw CSV export, every column, default dtypes.

    Examples
    --------
    >>> import tempfile
    >>> from helpers.data import make_loans
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     raw = naive_load(write_raw_csv(make_loans(50, seed=1), Path(folder) / "l.csv"))
    >>> raw.shape, str(raw["region"].dtype), str(raw["age"].dtype)
    ((50, 16), 'str', 'int64')
    """
    return pd.read_csv(_check_path(path, "path"))


def naive_clean(raw: pd.DataFrame) -> pd.DataFrame:
    """TEACHING BASELINE: clean the raw table row by row.

    Normalises the text columns (``home_ownership`` upper case, ``purpose`` lower case,
    ``region`` title case, no surrounding spaces), parses ``application_date`` one value
    at a time, and drops ``recovery_amount`` (recorded after the outcome: a leak) and
    ``application_id``. Returns a new table.

    Examples
    --------
    >>> raw = pd.DataFrame({"home_ownership": [" rent"], "purpose": ["Car "],
    ...                     "region": ["NORTH"], "application_date": ["2023-01-05"],
    ...                     "recovery_amount": [0.0], "application_id": [1]})
    >>> naive_clean(raw).iloc[0].tolist()
    ['RENT', 'car', 'North', Timestamp('2023-01-05 00:00:00')]
    """
    _check_frame(raw, "raw", [*_TEXT_STYLE, "application_date"])
    df = raw.copy()
    cleaned: dict[str, list[str]] = {column: [] for column in _TEXT_STYLE}
    for _, row in df.iterrows():  # one Python iteration (and one Series) per row
        for column, style in _TEXT_STYLE.items():
            cleaned[column].append(style(str(row[column]).strip()))
    for column, values in cleaned.items():
        df[column] = values
    df["application_date"] = df["application_date"].apply(pd.Timestamp)  # one parse per value
    return df.drop(columns=[c for c in _LEAKY_OR_ID if c in df.columns])


def naive_loan_features(df: pd.DataFrame) -> pd.DataFrame:
    """TEACHING BASELINE: engineer six loan features, one row at a time.

    For every row, with Python arithmetic in this order:

    * ``loan_to_income = loan_amount / annual_income`` (NaN when the income is missing);
    * ``installment = loan_amount * annuity_factor(term_months)``, the monthly payment
      (:func:`annuity_factor`, recomputed for every row);
    * ``payment_to_income = 12 * installment / annual_income``, the share of the yearly
      income that goes to this loan (NaN when the income is missing);
    * ``credit_band = credit_band(credit_score)`` (a string, :func:`credit_band`);
    * ``high_dti = debt_to_income > HIGH_DTI`` (bool);
    * ``income_missing``: whether ``annual_income`` is missing (bool).

    Returns a new DataFrame with these columns (float64, float64, float64, str, bool,
    bool) and the same index as ``df``; ``df`` is not modified.

    Examples
    --------
    >>> df = pd.DataFrame({"loan_amount": [12_000.0, 5_000.0], "annual_income": [60_000.0, None],
    ...                    "term_months": [36, 60], "credit_score": [700, 560],
    ...                    "debt_to_income": [0.2, 0.5]}, index=[10, 11])
    >>> features = naive_loan_features(df)
    >>> features.iloc[:, :3].round(4)
        loan_to_income  installment  payment_to_income
    10             0.2     398.5717             0.0797
    11             NaN     111.2222                NaN
    >>> features.iloc[:, 3:]
       credit_band  high_dti  income_missing
    10        good     False           False
    11        poor      True            True
    """
    _check_frame(df, "df", ["loan_amount", "annual_income", "term_months", "credit_score",
                            "debt_to_income"])
    rows: dict[str, list[Any]] = {column: [] for column in FEATURE_COLUMNS}
    for _, row in df.iterrows():
        income = row["annual_income"]
        installment = row["loan_amount"] * annuity_factor(row["term_months"])
        rows["loan_to_income"].append(row["loan_amount"] / income)
        rows["installment"].append(installment)
        rows["payment_to_income"].append(12 * installment / income)
        rows["credit_band"].append(credit_band(row["credit_score"]))
        rows["high_dti"].append(bool(row["debt_to_income"] > HIGH_DTI))
        rows["income_missing"].append(bool(pd.isna(income)))
    dtypes = ["float64", "float64", "float64", "str", "bool", "bool"]
    return pd.DataFrame({column: pd.Series(values, index=df.index, dtype=dtype)
                         for (column, values), dtype in zip(rows.items(), dtypes, strict=True)},
                        index=df.index)


def naive_design_matrix(df: pd.DataFrame, features: pd.DataFrame,
                        ) -> tuple[pd.DataFrame, np.ndarray]:
    """TEACHING BASELINE: the model's inputs, one-hot encoded element by element.

    Returns ``(X, y)``: ``X`` holds the numeric inputs, the numeric features and one
    float64 column ``"<column>=<category>"`` per category of ``home_ownership``,
    ``purpose``, ``region`` and ``credit_band`` (categories sorted), all float64;
    ``y`` is ``defaulted`` as an int array.
    """
    table = pd.concat([df, features], axis=1)
    X = pd.DataFrame(index=table.index)
    for column in [*NUMERIC_INPUTS, "loan_to_income", "installment", "payment_to_income",
                   "high_dti", "income_missing"]:
        X[column] = table[column].apply(float)
    for column in [*CATEGORICAL_INPUTS, "credit_band"]:
        for category in sorted(table[column].dropna().unique()):
            X[f"{column}={category}"] = table[column].apply(
                lambda value, category=category: 1.0 if value == category else 0.0)
    return X, table[TARGET].to_numpy(dtype=int)


# ----------------------------------------------------------------------------- the fixes
def load(path: str | Path, *, compact_dtypes: bool = False, columns: Sequence[str] | None = None,
         ) -> pd.DataFrame:
    """Read the loans table: CSV or Parquet (by suffix), optionally compact and pruned.

    Parameters
    ----------
    path : str or Path
        ``.csv`` (the raw export) or ``.parquet`` (see :func:`convert_csv_to_parquet`).
    compact_dtypes : bool, default False
        For a CSV: read with :data:`COMPACT_DTYPES` (Parquet keeps the dtypes it was
        written with).
    columns : sequence of str or None
        Read only these columns (column pruning); ``None`` reads all.

    Examples
    --------
    >>> import tempfile
    >>> from helpers.data import make_loans
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     csv = write_raw_csv(make_loans(50, seed=1), Path(folder) / "loans.csv")
    ...     table = load(csv, compact_dtypes=True, columns=["age", "purpose"])
    >>> [str(dtype) for dtype in table.dtypes]
    ['int8', 'category']
    """
    path = _check_path(path, "path")
    columns = None if columns is None else list(columns)
    if path.suffix == ".parquet":
        return pd.read_parquet(path, columns=columns)
    if path.suffix != ".csv":
        raise ValueError(f"path must end in .csv or .parquet, got {path.name!r}.")
    dtypes = COMPACT_DTYPES if compact_dtypes else None
    if dtypes is not None and columns is not None:
        dtypes = {name: dtype for name, dtype in dtypes.items() if name in columns}
    return pd.read_csv(path, usecols=columns, dtype=dtypes)


def _normalise_text(column: pd.Series, style: Callable[[str], str]) -> pd.Series:
    if isinstance(column.dtype, pd.CategoricalDtype):  # clean the few categories, not the rows
        mapping = {category: style(str(category).strip()) for category in column.cat.categories}
        cleaned = column.cat.rename_categories(mapping) if len(set(mapping.values())) == len(
            mapping) else column.map(mapping).astype("category")
        return cleaned.cat.reorder_categories(sorted(cleaned.cat.categories))
    text = column.astype(str).str.strip()
    vectorised = {str.upper: text.str.upper, str.lower: text.str.lower, str.title: text.str.title}
    return vectorised[style]()


def clean(raw: pd.DataFrame) -> pd.DataFrame:
    """The vectorised version of :func:`naive_clean` (same result, whole columns at once).

    Text columns that are categoricals are cleaned through their categories. Columns
    that are absent (pruned at load time) are skipped.

    Examples
    --------
    >>> raw = pd.DataFrame({"home_ownership": [" rent"], "purpose": ["Car "],
    ...                     "region": ["NORTH"], "application_date": ["2023-01-05"],
    ...                     "recovery_amount": [0.0], "application_id": [1]})
    >>> clean(raw).iloc[0].tolist()
    ['RENT', 'car', 'North', Timestamp('2023-01-05 00:00:00')]
    """
    if not isinstance(raw, pd.DataFrame):
        raise TypeError(f"raw must be a pandas DataFrame, got {type(raw).__name__}.")
    df = raw.drop(columns=[c for c in _LEAKY_OR_ID if c in raw.columns])
    for column, style in _TEXT_STYLE.items():
        if column in df.columns:
            df[column] = _normalise_text(df[column], style)
    if "application_date" in df.columns and not pd.api.types.is_datetime64_any_dtype(
            df["application_date"]):
        df["application_date"] = pd.to_datetime(df["application_date"], format="ISO8601")
    return df


def design_matrix(df: pd.DataFrame, features: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """The vectorised version of :func:`naive_design_matrix`: the same ``X`` and ``y``."""
    table = pd.concat([df, features], axis=1)
    parts = [table[list(NUMERIC_INPUTS)].astype("float64"),
             table[["loan_to_income", "installment", "payment_to_income", "high_dti",
                    "income_missing"]].astype("float64")]
    for column in [*CATEGORICAL_INPUTS, "credit_band"]:
        values = table[column].astype(str) if not isinstance(
            table[column].dtype, pd.CategoricalDtype) else table[column]
        categories = sorted(str(c) for c in pd.unique(values.dropna()))
        codes = pd.Categorical(values.astype(str), categories=categories)
        onehot = pd.get_dummies(codes, dtype="float64")
        onehot.columns = [f"{column}={category}" for category in categories]
        onehot.index = table.index
        parts.append(onehot)
    return pd.concat(parts, axis=1), table[TARGET].to_numpy(dtype=int)


def fit_and_score(X: pd.DataFrame | np.ndarray, y: np.ndarray, train: np.ndarray,
                  test: np.ndarray) -> float:
    """Fit the course's model on the rows ``train`` and return its ROC AUC on ``test``.

    The model is mean imputation, standardisation and a logistic regression, fitted on
    the training rows only (so nothing of the test fold leaks into it).
    """
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X = np.asarray(X, dtype="float64")
    model = make_pipeline(SimpleImputer(strategy="mean"), StandardScaler(),
                          LogisticRegression(max_iter=1_000))
    model.fit(X[train], y[train])
    return float(roc_auc_score(y[test], model.predict_proba(X[test])[:, 1]))


@dataclass(frozen=True)
class PipelineConfig:
    """Which fixes :func:`run_pipeline` applies; the default is the naive baseline.

    Attributes
    ----------
    vectorised : bool
        Clean and one-hot encode whole columns (:func:`clean`, :func:`design_matrix`)
        instead of looping over rows. The feature function is passed separately.
    compact_dtypes : bool
        Read the CSV with :data:`COMPACT_DTYPES` (categoricals, downcast numbers).
    parquet : bool
        Read the Parquet copy, only the columns in :data:`MODEL_COLUMNS`.
    compute_once : bool
        Load, clean and engineer features once, not once per cross-validation fold.
    n_jobs : int
        Folds fitted in parallel (joblib threads); 1 fits them one after another.
    """

    vectorised: bool = False
    compact_dtypes: bool = False
    parquet: bool = False
    compute_once: bool = False
    n_jobs: int = 1


@dataclass
class PipelineResult:
    """What :func:`run_pipeline` measured.

    Attributes
    ----------
    seconds : dict of str to float
        Wall-clock seconds per stage (:data:`STAGES`), summed over folds.
    auc : list of float
        ROC AUC of each cross-validation fold.
    n_rows : int
        Rows of the table.
    memory_bytes : int
        Memory of the loaded table (``memory_usage(deep=True)``).
    """

    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    auc: list[float] = field(default_factory=list)
    n_rows: int = 0
    memory_bytes: int = 0

    @property
    def total_seconds(self) -> float:
        """Seconds of all stages together."""
        return float(sum(self.seconds.values()))

    @property
    def mean_auc(self) -> float:
        """Mean ROC AUC over the folds."""
        return float(np.mean(self.auc))


def run_pipeline(csv_path: str | Path, *, config: PipelineConfig = PipelineConfig(),
                 features: Callable[[pd.DataFrame], pd.DataFrame] = naive_loan_features,
                 parquet_path: str | Path | None = None, n_folds: int = 5, seed: int = 0,
                 ) -> PipelineResult:
    """Run the credit-risk pipeline with the fixes that ``config`` switches on.

    Stages: load, clean, features (``features(df)``), design matrix, then a stratified
    ``n_folds``-fold cross-validation of :func:`fit_and_score`. With
    ``config.compute_once`` false (the baseline), load to design matrix run again for
    every fold, the way a pipeline function called inside the fold loop does.

    Parameters
    ----------
    csv_path : str or Path
        The raw CSV export (:func:`write_raw_csv`).
    config : PipelineConfig
        The fixes to apply; the default is the naive baseline.
    features : callable
        ``features(df) -> DataFrame`` with the columns of :data:`FEATURE_COLUMNS`.
    parquet_path : str or Path or None
        The Parquet copy (:func:`convert_csv_to_parquet`); required with ``config.parquet``.
    n_folds : int, default 5
        Cross-validation folds, at least 2.
    seed : int, default 0
        Seed of the fold split.

    Returns
    -------
    PipelineResult

    Examples
    --------
    >>> import tempfile
    >>> from helpers.data import make_loans
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     csv = write_raw_csv(make_loans(600, seed=3), Path(folder) / "loans.csv")
    ...     naive = run_pipeline(csv, n_folds=3)
    ...     fixed = run_pipeline(csv, config=PipelineConfig(vectorised=True,
    ...                          compute_once=True), n_folds=3)
    >>> naive.auc == fixed.auc, list(naive.seconds) == list(STAGES)
    (True, True)
    """
    from sklearn.model_selection import StratifiedKFold

    if not isinstance(config, PipelineConfig):
        raise TypeError(f"config must be a PipelineConfig, got {type(config).__name__}.")
    if not callable(features):
        raise TypeError("features must be a function: features(df) -> DataFrame.")
    n_folds = check_int(n_folds, "n_folds", minimum=2)
    seed = check_seed(seed)
    n_jobs = check_int(config.n_jobs, "config.n_jobs", minimum=1)
    if config.parquet and parquet_path is None:
        raise ValueError("config.parquet is set: pass parquet_path (convert_csv_to_parquet).")
    source = _check_path(parquet_path if config.parquet else csv_path, "path")
    result = PipelineResult()

    def timed(stage: str, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        value = func(*args, **kwargs)
        result.seconds[stage] += time.perf_counter() - start
        return value

    def prepare() -> tuple[pd.DataFrame, np.ndarray]:
        if config.parquet:
            raw = timed("load", load, source, columns=MODEL_COLUMNS)
        elif config.vectorised or config.compact_dtypes:
            raw = timed("load", load, source, compact_dtypes=config.compact_dtypes)
        else:
            raw = timed("load", naive_load, source)
        result.memory_bytes = int(raw.memory_usage(deep=True).sum())
        df = timed("clean", clean if config.vectorised else naive_clean, raw)
        engineered = timed("features", features, df)
        build = design_matrix if config.vectorised else naive_design_matrix
        return timed("design matrix", build, df, engineered)

    X, y = prepare()
    result.n_rows = len(X)
    folds = list(StratifiedKFold(n_folds, shuffle=True, random_state=seed).split(X, y))
    if n_jobs == 1:
        for number, (train, test) in enumerate(folds):
            if number and not config.compute_once:
                X, y = prepare()  # the baseline rebuilds everything for every fold
            result.auc.append(timed("fit and score", fit_and_score, X, y, train, test))
    else:
        from joblib import Parallel, delayed

        tasks = []
        for number, (train, test) in enumerate(folds):
            if number and not config.compute_once:
                X, y = prepare()
            tasks.append(delayed(fit_and_score)(X, y, train, test))
        start = time.perf_counter()
        result.auc = list(Parallel(n_jobs=n_jobs, prefer=PREFER)(tasks))
        result.seconds["fit and score"] += time.perf_counter() - start
    return result


# ----------------------------------------------------------------------------- distributed
@contextmanager
def dask_client(scheduler: str | None = None, *, n_workers: int = 2, threads_per_worker: int = 1,
                processes: bool = False, local_directory: str | Path | None = None,
                ) -> Iterator[Any]:
    """A Dask client: on a new ``LocalCluster``, or on an existing scheduler; closed on exit.

    The local cluster (scheduler, workers and their small HTTP endpoints) listens only on
    this machine's loopback address, 127.0.0.1; the client and the cluster are closed when
    the ``with`` block ends, also when it raises.

    Parameters
    ----------
    scheduler : str or None, default None
        Address of a running scheduler (``"tcp://10.0.0.5:8786"``); ``None`` starts a
        ``LocalCluster``.
    n_workers, threads_per_worker : int
        Size of the local cluster.
    processes : bool, default False
        Local workers as separate processes (``True``) or as threads of this process
        (``False``: starts in a fraction of a second, but shares one interpreter lock).
    local_directory : str or Path or None
        Scratch folder of local workers; a temporary folder when ``None``.

    Yields
    ------
    distributed.Client

    Examples
    --------
    >>> with dask_client(n_workers=1) as client:
    ...     client.submit(sum, [1, 2, 3]).result()
    6
    """
    from distributed import Client, LocalCluster

    if scheduler is not None:
        if not isinstance(scheduler, str) or not scheduler.strip():
            raise ValueError(f"scheduler must be an address such as 'tcp://host:8786', got "
                             f"{scheduler!r}.")
        with Client(scheduler) as client:
            yield client
        return
    n_workers = check_int(n_workers, "n_workers", minimum=1)
    threads_per_worker = check_int(threads_per_worker, "threads_per_worker", minimum=1)
    import tempfile

    with tempfile.TemporaryDirectory(prefix="dask-") as scratch:
        options: dict[str, Any] = {
            "n_workers": n_workers, "threads_per_worker": threads_per_worker,
            "processes": bool(processes), "dashboard_address": "127.0.0.1:0",
            "worker_dashboard_address": "127.0.0.1:0",
            "local_directory": str(local_directory or scratch),
            # TCP on the loopback address even for thread workers: the in-process transport
            # would look up this machine's network address, which needs no network but
            # touches it; everything here stays on 127.0.0.1.
            "protocol": "tcp", "host": "127.0.0.1"}
        with LocalCluster(**options) as cluster, Client(cluster) as client:
            yield client


#: Columns the group-rate aggregation reads (column pruning).
GROUP_RATE_COLUMNS: tuple[str, ...] = ("region", "purpose", "annual_income", "loan_amount",
                                       "defaulted")


def _with_ratio(part: pd.DataFrame) -> pd.DataFrame:
    return part.assign(loan_to_income=part["loan_amount"] / part["annual_income"])


def _group_rates(table: Any, **options: Any) -> Any:
    return table.groupby(["region", "purpose"], observed=True).agg(
        loans=("defaulted", "size"), default_rate=("defaulted", "mean"),
        mean_loan_to_income=("loan_to_income", "mean"), **options)


def _parquet_source(source: object) -> str | list[str]:
    if isinstance(source, str | Path):
        return str(source)
    if isinstance(source, list | tuple) and source and all(
            isinstance(item, str | Path) for item in source):
        return [str(item) for item in source]
    raise TypeError("source must be a folder of Parquet files or a non-empty list of files, "
                    f"got {source!r}.")


def pandas_group_rates(source: str | Path | Sequence[str | Path]) -> pd.DataFrame:
    """Default rate and mean loan-to-income per region and purpose, with pandas.

    Reads every partition (a folder of Parquet files, or a list of files) into one
    DataFrame, only the :data:`GROUP_RATE_COLUMNS`, then aggregates: the whole table is
    in memory at once.

    Returns
    -------
    DataFrame
        Indexed by (region, purpose), sorted, with columns ``loans``, ``default_rate``
        and ``mean_loan_to_income``.

    Examples
    --------
    >>> import tempfile
    >>> from helpers.data import make_loans
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     files = write_partitions(make_loans(2_000, seed=1), folder, n_partitions=4)
    ...     in_pandas, in_dask = pandas_group_rates(folder), dask_group_rates(files)
    >>> int(in_pandas["loans"].sum()), bool(np.allclose(in_pandas, in_dask, equal_nan=True))
    (2000, True)
    """
    table = pd.read_parquet(_parquet_source(source), columns=list(GROUP_RATE_COLUMNS))
    return _group_rates(_with_ratio(table)).sort_index()


def dask_group_rates(source: str | Path | Sequence[str | Path], *,
                     scheduler: str | None = "synchronous") -> pd.DataFrame:
    """The same aggregation as :func:`pandas_group_rates`, with ``dask.dataframe``.

    Each partition is read, transformed and reduced to partial results on its own; only
    the small partial results are combined, so memory holds a few partitions at a time.
    ``scheduler`` is passed to ``compute``: ``"synchronous"`` (one task at a time, in
    this thread), ``"threads"``, or ``None`` for the active ``distributed`` client (or
    Dask's default).
    """
    import dask.dataframe as dd

    frame = dd.read_parquet(_parquet_source(source), columns=list(GROUP_RATE_COLUMNS))
    # split_out=1: the result (a few dozen groups) fits in one partition, so a tree
    # reduction is enough; Dask would otherwise pick a shuffle for many partitions.
    rates = _group_rates(frame.map_partitions(_with_ratio), split_out=1)
    kwargs = {} if scheduler is None else {"scheduler": scheduler}
    return rates.compute(**kwargs).sort_index()
