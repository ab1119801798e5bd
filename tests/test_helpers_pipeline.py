"""Tests for helpers.pipeline: the naive baseline, the fixes, the files and the Dask helpers."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from helpers.data import make_loans
from helpers.pipeline import (
    COMPACT_DTYPES,
    FEATURE_COLUMNS,
    FEATURE_SOURCES,
    GROUP_RATE_COLUMNS,
    HIGH_DTI,
    MODEL_COLUMNS,
    STAGES,
    PipelineConfig,
    annuity_factor,
    clean,
    convert_csv_to_parquet,
    credit_band,
    dask_client,
    dask_group_rates,
    design_matrix,
    fit_and_score,
    load,
    naive_clean,
    naive_design_matrix,
    naive_load,
    naive_loan_features,
    pandas_group_rates,
    run_pipeline,
    write_partitions,
    write_raw_csv,
)


def vectorised_features(df: pd.DataFrame) -> pd.DataFrame:
    """A vectorised feature function for the tests (the notebook's exercise is separate)."""
    income = df["annual_income"]
    installment = df["loan_amount"] * df["term_months"].map(annuity_factor).astype("float64")
    score = df["credit_score"]
    band = np.select([score < 580, score < 670, score < 740, score < 800],
                     ["poor", "fair", "good", "very good"], default="excellent")
    return pd.DataFrame({
        "loan_to_income": df["loan_amount"] / income,
        "installment": installment,
        "payment_to_income": 12 * installment / income,
        "credit_band": pd.Series(band, index=df.index, dtype="str"),
        "high_dti": df["debt_to_income"] > HIGH_DTI,
        "income_missing": income.isna(),
    }, index=df.index)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pipeline")
    loans = make_loans(900, seed=11)
    csv = write_raw_csv(loans, folder / "loans.csv", seed=3)
    parquet = convert_csv_to_parquet(csv, folder / "loans.parquet")
    return {"csv": csv, "parquet": parquet, "folder": folder}


# ----------------------------------------------------------------------------- small pieces
def test_annuity_factor_matches_the_formula_and_ignores_the_argument_type() -> None:
    monthly = 0.12 / 12
    assert annuity_factor(36) == monthly / (1 - (1 + monthly) ** -36.0)
    same = {annuity_factor(t) for t in (60, 60.0, np.int64(60), np.float64(60), np.int8(60))}
    assert len(same) == 1
    assert annuity_factor(12, annual_rate=0.06) > annuity_factor(24, annual_rate=0.06)


@pytest.mark.parametrize("term, rate", [(0, 0.12), (-5, 0.12), (36, 0.0), (float("nan"), 0.1)])
def test_annuity_factor_rejects_non_positive_values(term: float, rate: float) -> None:
    with pytest.raises(ValueError, match="must be > 0"):
        annuity_factor(term, rate)


def test_credit_band_boundaries_and_missing_scores() -> None:
    assert [credit_band(s) for s in (300, 579, 580, 669, 670, 739, 740, 799, 800, 850)] == [
        "poor", "poor", "fair", "fair", "good", "good", "very good", "very good", "excellent",
        "excellent"]
    with pytest.raises(ValueError, match="score"):
        credit_band(float("nan"))


def test_feature_sources_cover_the_features_and_model_columns_are_in_file_order() -> None:
    assert set(FEATURE_SOURCES) == set(FEATURE_COLUMNS)
    raw_order = list(make_loans(5, seed=0).columns)
    assert list(MODEL_COLUMNS) == [c for c in raw_order if c in set(MODEL_COLUMNS)]
    assert set(COMPACT_DTYPES) | {"application_date"} == set(raw_order)


# ----------------------------------------------------------------------------- files
def test_raw_csv_is_deterministic_and_messy_only_in_the_text(tmp_path: Path) -> None:
    loans = make_loans(400, seed=2)
    first = write_raw_csv(loans, tmp_path / "a.csv", seed=5).read_bytes()
    again = write_raw_csv(loans, tmp_path / "b.csv", seed=5).read_bytes()
    other = write_raw_csv(loans, tmp_path / "c.csv", seed=6).read_bytes()
    assert first == again and first != other
    raw = pd.read_csv(tmp_path / "a.csv")
    assert raw["purpose"].nunique() > loans["purpose"].nunique()
    assert raw["loan_amount"].tolist() == loans["loan_amount"].tolist()
    untouched = write_raw_csv(loans, tmp_path / "d.csv", messy_share=0.0)
    assert set(pd.read_csv(untouched)["region"]) <= set(loans["region"].astype(str))


def test_raw_csv_rejects_bad_arguments(tmp_path: Path) -> None:
    loans = make_loans(10, seed=1)
    with pytest.raises(ValueError, match="messy_share"):
        write_raw_csv(loans, tmp_path / "x.csv", messy_share=1.5)
    with pytest.raises(TypeError, match="path"):
        write_raw_csv(loans, 42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="region"):
        write_raw_csv(loans.drop(columns="region"), tmp_path / "x.csv")


def test_parquet_copy_keeps_every_value_in_compact_dtypes(files: dict[str, Path]) -> None:
    from_csv = pd.read_csv(files["csv"])
    from_parquet = pd.read_parquet(files["parquet"])
    assert list(from_parquet.columns) == list(from_csv.columns)
    for column, dtype in COMPACT_DTYPES.items():
        assert str(from_parquet[column].dtype) == dtype
        assert from_parquet[column].astype(object).tolist() == from_csv[column].astype(
            object).tolist() or from_parquet[column].astype(float).equals(
            from_csv[column].astype(float))
    assert pd.api.types.is_datetime64_any_dtype(from_parquet["application_date"])


def test_load_prunes_columns_and_checks_the_suffix(files: dict[str, Path]) -> None:
    pruned = load(files["parquet"], columns=["age", "region"])
    assert list(pruned.columns) == ["age", "region"]
    compact = load(files["csv"], compact_dtypes=True, columns=["age", "purpose"])
    assert [str(d) for d in compact.dtypes] == ["int8", "category"]
    assert list(load(files["csv"]).columns) == list(pd.read_csv(files["csv"]).columns)
    with pytest.raises(ValueError, match=r"\.csv or \.parquet"):
        load(files["folder"] / "loans.json")


def test_write_partitions_splits_the_rows_in_order(tmp_path: Path) -> None:
    loans = make_loans(1_001, seed=4)
    written = write_partitions(loans, tmp_path / "parts", n_partitions=3)
    assert [p.name for p in written] == ["part-000.parquet", "part-001.parquet", "part-002.parquet"]
    back = pd.concat([pd.read_parquet(p) for p in written], ignore_index=True)
    assert back["application_id"].tolist() == loans["application_id"].tolist()
    with pytest.raises(ValueError, match="n_partitions"):
        write_partitions(loans.head(2), tmp_path / "few", n_partitions=3)


# ----------------------------------------------------------------------------- naive vs fixed
def test_naive_and_vectorised_cleaning_agree(files: dict[str, Path]) -> None:
    raw = naive_load(files["csv"])
    slow, fast = naive_clean(raw), clean(raw)
    assert list(slow.columns) == list(fast.columns)
    assert "recovery_amount" not in fast.columns and "application_id" not in fast.columns
    for column in ("home_ownership", "purpose", "region"):
        assert slow[column].tolist() == fast[column].tolist()
        assert set(fast[column]) <= {"RENT", "MORTGAGE", "OWN", "North", "South", "East", "West",
                                     "Islands", "debt_consolidation", "credit_card",
                                     "home_improvement", "car", "medical", "small_business"}
    assert (slow["application_date"] == fast["application_date"]).all()
    categorical = clean(load(files["csv"], compact_dtypes=True))
    assert isinstance(categorical["region"].dtype, pd.CategoricalDtype)
    assert categorical["region"].astype(str).tolist() == fast["region"].tolist()


def test_naive_loan_features_contract(files: dict[str, Path]) -> None:
    df = clean(naive_load(files["csv"])).sample(frac=1.0, random_state=0)
    before = df.copy()
    features = naive_loan_features(df)
    pd.testing.assert_frame_equal(df, before)
    assert list(features.columns) == list(FEATURE_COLUMNS)
    assert features.index.equals(df.index)
    assert [str(d) for d in features.dtypes] == ["float64", "float64", "float64", "str", "bool",
                                                  "bool"]
    missing = df["annual_income"].isna()
    assert missing.any() and features.loc[missing, "loan_to_income"].isna().all()
    assert features["income_missing"].equals(missing.rename("income_missing"))
    row = df.iloc[0]
    assert features["installment"].iloc[0] == row["loan_amount"] * annuity_factor(
        row["term_months"])
    pd.testing.assert_frame_equal(features, vectorised_features(df))
    empty = naive_loan_features(df.iloc[:0])
    assert list(empty.columns) == list(FEATURE_COLUMNS) and len(empty) == 0


def test_naive_loan_features_names_missing_columns() -> None:
    with pytest.raises(ValueError, match="credit_score"):
        naive_loan_features(pd.DataFrame({"loan_amount": [1.0]}))
    with pytest.raises(TypeError, match="DataFrame"):
        naive_loan_features([1, 2])  # type: ignore[arg-type]


def test_naive_and_vectorised_design_matrices_are_identical(files: dict[str, Path]) -> None:
    df = clean(naive_load(files["csv"]))
    features = vectorised_features(df)
    X_slow, y_slow = naive_design_matrix(df, features)
    X_fast, y_fast = design_matrix(df, features)
    pd.testing.assert_frame_equal(X_slow, X_fast, check_exact=True)
    assert np.array_equal(y_slow, y_fast)
    assert (X_fast.dtypes == "float64").all()
    # Compact dtypes and Parquet change no value of the model's inputs, to the last bit (the
    # amounts stay float64: float32 arithmetic would change loan_to_income).
    for table in (load(files["parquet"], columns=MODEL_COLUMNS),
                  load(files["csv"], compact_dtypes=True)):
        compact = clean(table)
        X_compact, _ = design_matrix(compact, vectorised_features(compact))
        pd.testing.assert_frame_equal(X_compact, X_fast, check_exact=True)


def test_fit_and_score_returns_a_reproducible_auc(files: dict[str, Path]) -> None:
    df = clean(naive_load(files["csv"]))
    X, y = design_matrix(df, vectorised_features(df))
    train, test = np.arange(600), np.arange(600, len(y))
    auc = fit_and_score(X, y, train, test)
    assert 0.5 < auc <= 1.0 and auc == fit_and_score(X.to_numpy(), y, train, test)


def test_every_configuration_reproduces_the_baseline(files: dict[str, Path]) -> None:
    naive = run_pipeline(files["csv"], n_folds=3, seed=1)
    assert list(naive.seconds) == list(STAGES) and naive.n_rows == 900
    assert naive.total_seconds == pytest.approx(sum(naive.seconds.values()))
    configs = [PipelineConfig(vectorised=True),
               PipelineConfig(vectorised=True, compact_dtypes=True),
               PipelineConfig(vectorised=True, parquet=True, compute_once=True),
               PipelineConfig(vectorised=True, compute_once=True, parquet=True, n_jobs=2)]
    for config in configs:
        fixed = run_pipeline(files["csv"], config=config, features=vectorised_features,
                             parquet_path=files["parquet"], n_folds=3, seed=1)
        assert fixed.auc == naive.auc
        assert 0 < fixed.memory_bytes
    pruned = run_pipeline(files["csv"], config=configs[2], features=vectorised_features,
                          parquet_path=files["parquet"], n_folds=3, seed=1)
    assert pruned.memory_bytes < naive.memory_bytes
    assert math.isclose(naive.mean_auc, float(np.mean(naive.auc)))


def test_run_pipeline_rejects_bad_arguments(files: dict[str, Path]) -> None:
    with pytest.raises(ValueError, match="parquet_path"):
        run_pipeline(files["csv"], config=PipelineConfig(parquet=True))
    with pytest.raises(TypeError, match="PipelineConfig"):
        run_pipeline(files["csv"], config={"vectorised": True})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="n_folds"):
        run_pipeline(files["csv"], n_folds=1)
    with pytest.raises(TypeError, match="features"):
        run_pipeline(files["csv"], features="fast")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="n_jobs"):
        run_pipeline(files["csv"], config=PipelineConfig(n_jobs=0))


# ----------------------------------------------------------------------------- distributed
@pytest.fixture(scope="module")
def partitions(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("partitions")
    return write_partitions(make_loans(3_000, seed=8), folder, n_partitions=5)


def test_pandas_and_dask_group_rates_agree(partitions: list[Path]) -> None:
    in_pandas = pandas_group_rates(partitions[0].parent)
    in_dask = dask_group_rates(partitions, scheduler="synchronous")
    assert list(in_pandas.columns) == ["loans", "default_rate", "mean_loan_to_income"]
    assert int(in_pandas["loans"].sum()) == 3_000
    assert in_pandas.index.equals(in_dask.index)
    assert np.allclose(in_pandas.to_numpy(float), in_dask.to_numpy(float), equal_nan=True)
    assert set(GROUP_RATE_COLUMNS) == {"region", "purpose", "annual_income", "loan_amount",
                                       "defaulted"}
    with pytest.raises(TypeError, match="source"):
        pandas_group_rates([])


def test_dask_client_runs_tasks_and_closes_even_after_an_error(partitions: list[Path]) -> None:
    seen = {}
    with pytest.raises(RuntimeError, match="inside"), dask_client(n_workers=1) as client:
        seen["client"] = client
        assert client.submit(sum, [1, 2, 3]).result() == 6
        rates = dask_group_rates(partitions, scheduler=None)  # uses the active client
        assert int(rates["loans"].sum()) == 3_000
        assert client.scheduler.address.startswith("tcp://127.0.0.1:")
        hosts = {info["host"] for info in client.scheduler_info()["workers"].values()}
        assert hosts == {"127.0.0.1"}
        raise RuntimeError("inside the block")
    assert seen["client"].status == "closed"


def test_dask_client_checks_the_scheduler_address() -> None:
    with pytest.raises(ValueError, match="scheduler"), dask_client("  "):
        pass
    with pytest.raises(ValueError, match="n_workers"), dask_client(n_workers=0):
        pass
