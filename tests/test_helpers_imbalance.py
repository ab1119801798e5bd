"""Tests for helpers.imbalance: the loan feature table and the expected cost of flags."""

import math

import numpy as np
import pandas as pd
import pytest

from helpers.data import make_loans
from helpers.imbalance import LOAN_FEATURES, expected_cost, loan_features


@pytest.fixture(scope="module")
def loans():
    return make_loans(2_000, seed=11)


def test_loan_features_columns_index_and_types(loans):
    shuffled = loans.sample(frac=1.0, random_state=3)
    X, y = loan_features(shuffled)
    assert list(X.columns) == list(LOAN_FEATURES)
    assert X.index.equals(shuffled.index)
    assert all(dtype == np.float64 for dtype in X.dtypes)
    assert y.dtype == np.int64
    assert np.array_equal(y, shuffled["defaulted"].to_numpy())


def test_loan_features_values(loans):
    X, _ = loan_features(loans)
    income = loans["annual_income"]
    assert np.allclose(X["log_income"][income.notna()], np.log(income[income.notna()]))
    assert X["log_income"].isna().sum() == income.isna().sum() > 0
    assert X["employment_years"].isna().sum() == loans["employment_years"].isna().sum() > 0
    assert np.allclose(X["log_loan_amount"], np.log(loans["loan_amount"]))
    assert set(X["long_term"]) == {0.0, 1.0}
    assert ((X["long_term"] == 1.0) == (loans["term_months"] == 60)).all()
    assert np.array_equal(X["credit_score"], loans["credit_score"].astype(float))


def test_loan_features_leaves_out_the_leaky_column_and_does_not_modify(loans):
    before = loans.copy()
    X, _ = loan_features(loans)
    assert "recovery_amount" not in X.columns and "defaulted" not in X.columns
    pd.testing.assert_frame_equal(loans, before)


def test_loan_features_rejects_bad_input(loans):
    with pytest.raises(TypeError, match="DataFrame"):
        loan_features(loans.to_numpy())
    with pytest.raises(ValueError, match="credit_score"):
        loan_features(loans.drop(columns="credit_score"))
    broken = loans.copy()
    broken.loc[0, "loan_amount"] = 0.0
    with pytest.raises(ValueError, match="positive"):
        loan_features(broken)


@pytest.mark.parametrize("kind", [list, np.array, pd.Series])
def test_expected_cost_matches_the_definition(kind):
    rng = np.random.default_rng(5)
    truth = (rng.random(300) < 0.1).astype(int)
    flags = (rng.random(300) < 0.2).astype(int)
    fp = np.sum((flags == 1) & (truth == 0))
    fn = np.sum((flags == 0) & (truth == 1))
    got = expected_cost(kind(truth), kind(flags), cost_fp=2.0, cost_fn=7.0)
    assert math.isclose(got, (2.0 * fp + 7.0 * fn) / 300)


def test_expected_cost_booleans_and_positional_matching():
    truth = pd.Series([True, False, True], index=[10, 11, 12])
    flags = pd.Series([True, True, False], index=[12, 11, 10])
    assert expected_cost(truth, flags, cost_fp=1.0, cost_fn=3.0) == (1.0 + 3.0) / 3


@pytest.mark.parametrize("truth, flags, match", [
    ([0, 1], [0], "same length"),
    ([], [], "non-empty"),
    ([0, 2], [0, 1], "0/1"),
    (["a", "b"], [0, 1], "0/1"),
    ([[0, 1]], [[0, 1]], "1-D"),
])
def test_expected_cost_rejects_bad_arrays(truth, flags, match):
    with pytest.raises(ValueError, match=match):
        expected_cost(truth, flags, cost_fp=1.0, cost_fn=1.0)


def test_expected_cost_rejects_bad_costs():
    with pytest.raises(ValueError, match="cost_fp"):
        expected_cost([0, 1], [1, 1], cost_fp=-1.0, cost_fn=1.0)
    with pytest.raises(ValueError, match="cost_fn"):
        expected_cost([0, 1], [1, 1], cost_fp=1.0, cost_fn=math.inf)
    with pytest.raises(TypeError, match="cost_fn"):
        expected_cost([0, 1], [1, 1], cost_fp=1.0, cost_fn="10")
