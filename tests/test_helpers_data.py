"""Tests for helpers.data: the loans table, the record stream and the rare-class population."""

from __future__ import annotations

import itertools
import types

import numpy as np
import pandas as pd
import pytest

from helpers.data import (
    HOME_OWNERSHIP_CATEGORIES,
    LOAN_COLUMNS,
    PURPOSE_CATEGORIES,
    REGION_CATEGORIES,
    make_loans,
    rare_class_population,
    record_stream,
)
from helpers.evaluation import binomial_tolerance

EXPECTED_DTYPES = {
    "application_id": "int64",
    "application_date": "datetime64[ns]",
    "age": "int64",
    "annual_income": "float64",
    "employment_years": "float64",
    "home_ownership": "category",
    "purpose": "category",
    "region": "category",
    "loan_amount": "float64",
    "term_months": "int64",
    "credit_score": "int64",
    "debt_to_income": "float64",
    "open_accounts": "int64",
    "past_delinquencies": "int64",
    "defaulted": "int64",
    "recovery_amount": "float64",
}

N_LARGE = 100_000


@pytest.fixture(scope="module")
def loans() -> pd.DataFrame:
    return make_loans(N_LARGE, seed=0)


# make_loans --------------------------------------------------------------------------------------
def test_columns_match_documentation_and_dtypes(loans: pd.DataFrame) -> None:
    assert list(loans.columns) == list(LOAN_COLUMNS)
    assert set(EXPECTED_DTYPES) == set(LOAN_COLUMNS)
    assert {col: str(dtype) for col, dtype in loans.dtypes.items()} == EXPECTED_DTYPES
    assert all(description.strip() for description in LOAN_COLUMNS.values())
    assert isinstance(loans.index, pd.RangeIndex)
    assert len(loans) == N_LARGE


def test_categories_are_fixed_and_unordered(loans: pd.DataFrame) -> None:
    for column, categories in [
        ("home_ownership", HOME_OWNERSHIP_CATEGORIES),
        ("purpose", PURPOSE_CATEGORIES),
        ("region", REGION_CATEGORIES),
    ]:
        assert list(loans[column].cat.categories) == list(categories)
        assert not loans[column].cat.ordered
        assert set(loans[column].unique()) == set(categories)
    # A tiny table still carries every category, so encoders see a stable set.
    small = make_loans(3, seed=0)
    assert list(small["region"].cat.categories) == list(REGION_CATEGORIES)


def test_same_seed_gives_identical_bytes_and_other_seeds_differ() -> None:
    first = make_loans(2_000, seed=11).to_csv()
    assert make_loans(2_000, seed=11).to_csv() == first
    assert make_loans(2_000, seed=12).to_csv() != first


def test_default_rate_is_close_to_target(loans: pd.DataFrame) -> None:
    tolerance = binomial_tolerance(0.03, N_LARGE)
    assert abs(loans["defaulted"].mean() - 0.03) <= tolerance
    assert set(loans["defaulted"].unique()) == {0, 1}


@pytest.mark.parametrize("rate", [0.01, 0.1, 0.3])
def test_default_rate_follows_the_argument(rate: float) -> None:
    n = 50_000
    table = make_loans(n, seed=3, default_rate=rate)
    assert abs(table["defaulted"].mean() - rate) <= binomial_tolerance(rate, n)


def test_default_depends_on_the_features(loans: pd.DataFrame) -> None:
    by_label = loans.groupby("defaulted")[["credit_score", "debt_to_income"]].mean()
    assert by_label.loc[1, "credit_score"] < by_label.loc[0, "credit_score"] - 30
    assert by_label.loc[1, "debt_to_income"] > by_label.loc[0, "debt_to_income"]


@pytest.mark.parametrize(("column", "share"), [("annual_income", 0.02), ("employment_years", 0.05)])
def test_missing_value_shares(loans: pd.DataFrame, column: str, share: float) -> None:
    assert abs(loans[column].isna().mean() - share) <= binomial_tolerance(share, N_LARGE)


def test_only_documented_columns_have_missing_values(loans: pd.DataFrame) -> None:
    with_missing = set(loans.columns[loans.isna().any()])
    assert with_missing == {"annual_income", "employment_years"}


def test_recovery_amount_is_positive_exactly_for_defaults(loans: pd.DataFrame) -> None:
    recovered = loans["recovery_amount"] > 0
    assert (recovered == (loans["defaulted"] == 1)).all()
    assert (loans.loc[~recovered, "recovery_amount"] == 0.0).all()
    assert (loans["recovery_amount"] <= loans["loan_amount"]).all()


def test_islands_region_is_rare(loans: pd.DataFrame) -> None:
    share = (loans["region"] == "Islands").mean()
    assert abs(share - 0.01) <= binomial_tolerance(0.01, N_LARGE)


def test_value_ranges(loans: pd.DataFrame) -> None:
    assert loans["application_id"].tolist() == list(range(1, N_LARGE + 1))
    assert loans["age"].between(21, 75).all()
    assert loans["credit_score"].between(300, 850).all()
    assert set(loans["term_months"].unique()) == {36, 60}
    assert loans["loan_amount"].between(1_000, 40_000).all()
    assert (loans["loan_amount"] % 25 == 0).all()
    assert loans["debt_to_income"].between(0, 0.95).all()
    assert (loans["annual_income"].dropna() > 0).all()
    assert (loans["employment_years"].dropna() >= 0).all()
    assert (loans["open_accounts"] >= 1).all()
    assert (loans["past_delinquencies"] >= 0).all()


def test_dates_cover_the_period_in_order(loans: pd.DataFrame) -> None:
    dates = loans["application_date"]
    assert dates.is_monotonic_increasing
    assert dates.min() >= pd.Timestamp("2023-01-01")
    assert dates.max() < pd.Timestamp("2025-01-01")
    assert dates.dt.to_period("M").nunique() == 24


def test_custom_period() -> None:
    table = make_loans(5_000, seed=1, start="2020-03-15", months=3)
    assert table["application_date"].min() >= pd.Timestamp("2020-03-15")
    assert table["application_date"].max() < pd.Timestamp("2020-06-15")


def test_volume_grows_over_time(loans: pd.DataFrame) -> None:
    first_year = (loans["application_date"] < pd.Timestamp("2024-01-01")).sum()
    assert N_LARGE - first_year > 1.2 * first_year


def test_features_drift_upwards(loans: pd.DataFrame) -> None:
    early = loans[loans["application_date"] < pd.Timestamp("2023-07-01")]
    late = loans[loans["application_date"] >= pd.Timestamp("2024-07-01")]
    assert late["annual_income"].mean() > 1.05 * early["annual_income"].mean()
    assert late["loan_amount"].mean() > 1.05 * early["loan_amount"].mean()


def test_single_row() -> None:
    table = make_loans(1, seed=5)
    assert table.shape == (1, len(LOAN_COLUMNS))
    assert table["application_id"].tolist() == [1]


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"n_rows": 0}, ValueError, "n_rows must be >= 1"),
        ({"n_rows": -5}, ValueError, "n_rows must be >= 1"),
        ({"n_rows": 5e3}, TypeError, "n_rows must be an integer"),
        ({"n_rows": "100"}, TypeError, "n_rows must be an integer"),
        ({"default_rate": 0.0}, ValueError, "default_rate must be > 0 and < 0.5"),
        ({"default_rate": 0.5}, ValueError, "default_rate must be > 0 and < 0.5"),
        ({"default_rate": -0.1}, ValueError, "default_rate must be > 0 and < 0.5"),
        ({"default_rate": float("nan")}, ValueError, "default_rate must be a finite number"),
        ({"default_rate": "3%"}, TypeError, "default_rate must be a real number"),
        ({"months": 0}, ValueError, "months must be >= 1"),
        ({"seed": -1}, ValueError, "seed must be >= 0"),
        ({"seed": 1.5}, TypeError, "seed must be an integer"),
        ({"start": "not a date"}, ValueError, "start must be a date"),
        ({"start": "2023-01-01 00:00+01:00"}, ValueError, "timezone-naive"),
        ({"start": "2261-06-01", "months": 24}, ValueError, "supported range"),
    ],
)
def test_bad_arguments_give_clear_errors(
    kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        make_loans(**kwargs)  # type: ignore[arg-type]


def test_numpy_integers_are_accepted() -> None:
    table = make_loans(np.int64(10), seed=np.int32(2), months=np.int64(2))
    assert table.equals(make_loans(10, seed=2, months=2))


# record_stream -----------------------------------------------------------------------------------
def test_stream_is_a_generator_without_length() -> None:
    stream = record_stream(seed=0)
    assert isinstance(stream, types.GeneratorType)
    assert not hasattr(stream, "__len__")
    with pytest.raises(TypeError):
        len(stream)  # type: ignore[arg-type]


def test_stream_is_lazy() -> None:
    # A billion records would never fit in memory: this only works if records are lazy.
    records = list(itertools.islice(record_stream(seed=1, n_records=10**9), 5))
    assert [record["record_id"] for record in records] == [1, 2, 3, 4, 5]


def test_stream_records_have_the_documented_shape() -> None:
    records = list(record_stream(seed=2, n_records=3_000))
    assert len(records) == 3_000
    for record in records:
        assert set(record) == {"record_id", "timestamp", "amount", "region", "defaulted"}
        assert isinstance(record["record_id"], int)
        assert isinstance(record["timestamp"], pd.Timestamp)
        assert isinstance(record["amount"], float)
        assert isinstance(record["region"], str)
        assert record["region"] in REGION_CATEGORIES
        assert record["defaulted"] in (0, 1)
        assert 1_000 <= record["amount"] <= 40_000
    assert [record["record_id"] for record in records] == list(range(1, 3_001))
    stamps = [record["timestamp"] for record in records]
    assert all(earlier < later for earlier, later in itertools.pairwise(stamps))


def test_stream_label_and_rare_region_shares() -> None:
    n = 40_000
    records = list(record_stream(seed=4, n_records=n))
    default_share = sum(record["defaulted"] for record in records) / n
    islands_share = sum(record["region"] == "Islands" for record in records) / n
    assert 0.02 < default_share < 0.05
    assert abs(islands_share - 0.01) <= binomial_tolerance(0.01, n)


def test_stream_is_deterministic_and_seed_dependent() -> None:
    assert list(record_stream(seed=5, n_records=500)) == list(record_stream(seed=5, n_records=500))
    assert list(record_stream(seed=5, n_records=500)) != list(record_stream(seed=6, n_records=500))


def test_stream_prefix_does_not_depend_on_length() -> None:
    short = list(record_stream(seed=7, n_records=1_500))
    long = list(itertools.islice(record_stream(seed=7, n_records=5_000), 1_500))
    assert short == long


def test_unknown_length_is_drawn_from_the_seed() -> None:
    lengths = [sum(1 for _ in record_stream(seed=seed, mean_length=100)) for seed in range(20)]
    assert all(50 <= length <= 150 for length in lengths)
    assert len(set(lengths)) > 1
    assert lengths == [
        sum(1 for _ in record_stream(seed=seed, mean_length=100)) for seed in range(20)
    ]


def test_empty_stream() -> None:
    assert list(record_stream(seed=0, n_records=0)) == []


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"n_records": -1}, ValueError, "n_records must be >= 0"),
        ({"n_records": 10.0}, TypeError, "n_records must be an integer"),
        ({"mean_length": 1}, ValueError, "mean_length must be >= 2"),
        ({"seed": -3}, ValueError, "seed must be >= 0"),
    ],
)
def test_stream_arguments_are_checked_when_called(
    kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    # The error comes from the call itself, not from the first next().
    with pytest.raises(error, match=message):
        record_stream(**kwargs)  # type: ignore[arg-type]


# rare_class_population ---------------------------------------------------------------------------
def test_population_has_exact_rare_count_and_shuffled_labels() -> None:
    population = rare_class_population(1_000_000, rare_fraction=0.0001, seed=0)
    assert list(population.columns) == ["id", "label", "value"]
    assert {col: str(dtype) for col, dtype in population.dtypes.items()} == {
        "id": "int64",
        "label": "int64",
        "value": "float64",
    }
    assert population["id"].tolist() == list(range(1, 1_000_001))
    assert int(population["label"].sum()) == 100
    assert set(population["label"].unique()) == {0, 1}
    positions = np.flatnonzero(population["label"].to_numpy())
    assert positions.max() - positions.min() > 500_000  # spread out, not in one block


@pytest.mark.parametrize(("n", "fraction"), [(10, 0.25), (1_000, 0.0015), (7, 0.5), (99, 0.99)])
def test_population_uses_python_round(n: int, fraction: float) -> None:
    population = rare_class_population(n, rare_fraction=fraction, seed=1)
    assert int(population["label"].sum()) == round(n * fraction)


def test_population_values_differ_by_class() -> None:
    population = rare_class_population(100_000, rare_fraction=0.05, seed=2)
    means = population.groupby("label")["value"].mean()
    assert means[1] > means[0] + 100


def test_population_is_deterministic() -> None:
    first = rare_class_population(10_000, rare_fraction=0.01, seed=3).to_csv()
    assert rare_class_population(10_000, rare_fraction=0.01, seed=3).to_csv() == first
    assert rare_class_population(10_000, rare_fraction=0.01, seed=4).to_csv() != first


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"n": 0, "rare_fraction": 0.1}, ValueError, "n must be >= 1"),
        ({"n": 100, "rare_fraction": 0.0}, ValueError, "rare_fraction must be > 0 and < 1"),
        ({"n": 100, "rare_fraction": 1.0}, ValueError, "rare_fraction must be > 0 and < 1"),
        ({"n": 100, "rare_fraction": 0.001}, ValueError, "rounds to 0 rare members"),
        ({"n": 100.0, "rare_fraction": 0.1}, TypeError, "n must be an integer"),
    ],
)
def test_population_bad_arguments(
    kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        rare_class_population(**kwargs)  # type: ignore[arg-type]
