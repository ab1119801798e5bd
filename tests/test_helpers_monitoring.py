"""Tests of helpers.monitoring: the rate-shock scenario, the monitored model, monthly scores."""

import numpy as np
import pandas as pd
import pytest

from helpers.data import make_loans
from helpers.monitoring import (
    MONITORED_FEATURES,
    SHOCK_START,
    apply_rate_shock,
    make_risk_model,
    month_labels,
    monthly_performance,
)


@pytest.fixture(scope="module")
def loans():
    return make_loans(30_000, seed=5)


def test_shock_changes_only_mortgage_holders_after_the_start(loans):
    shocked = apply_rate_shock(loans, seed=1)
    after = shocked["application_date"] >= SHOCK_START
    hit = after & (shocked["home_ownership"] == "MORTGAGE")
    unchanged = ~hit
    assert shocked.loc[unchanged].equals(loans.loc[unchanged])
    rise = shocked.loc[hit, "debt_to_income"] - loans.loc[hit, "debt_to_income"]
    assert (rise >= -1e-9).all() and rise.mean() > 0.13
    assert (shocked["defaulted"] >= loans["defaulted"]).all()  # defaults are only added
    assert shocked.loc[hit, "defaulted"].mean() > 2 * loans.loc[hit, "defaulted"].mean()
    new = (shocked["defaulted"] == 1) & (loans["defaulted"] == 0)
    assert (shocked.loc[new, "recovery_amount"] > 0).all()
    assert list(shocked.dtypes) == list(loans.dtypes)


def test_shock_is_deterministic_and_leaves_its_input_alone(loans):
    before = loans.copy()
    first = apply_rate_shock(loans, seed=3)
    assert first.equals(apply_rate_shock(loans, seed=3))
    assert not first.equals(apply_rate_shock(loans, seed=4))
    assert loans.equals(before)
    assert apply_rate_shock(loans, dti_increase=0.0, start="2100-01-01").equals(loans)


@pytest.mark.parametrize("kwargs, error", [
    ({"start": "not a date"}, ValueError),
    ({"dti_increase": 0.9}, ValueError),
    ({"seed": -1}, ValueError),
])
def test_shock_rejects_bad_arguments(loans, kwargs, error):
    with pytest.raises(error):
        apply_rate_shock(loans, **kwargs)


def test_shock_needs_the_loans_columns(loans):
    with pytest.raises(ValueError, match="lacks the column"):
        apply_rate_shock(loans.drop(columns=["home_ownership"]))
    with pytest.raises(TypeError):
        apply_rate_shock(loans.to_numpy())


def test_risk_model_ranks_defaults_on_the_loans_table(loans):
    model = make_risk_model().fit(loans.head(20_000), loans["defaulted"].head(20_000))
    test = loans.tail(10_000)
    score = model.predict_proba(test)[:, 1]
    table = monthly_performance(test["defaulted"], score, month_labels(test["application_date"]))
    assert table["auc"].mean() > 0.7
    assert set(MONITORED_FEATURES) <= set(loans.columns)


def test_month_labels_and_monthly_performance():
    dates = pd.Series(pd.to_datetime(["2024-01-05", "2024-01-31", "2024-02-01"]), index=[7, 8, 9])
    labels = month_labels(dates)
    assert labels.tolist() == ["2024-01", "2024-01", "2024-02"] and list(labels.index) == [7, 8, 9]
    table = monthly_performance([0, 1, 1], [0.2, 0.9, 0.5], labels)
    assert list(table.index) == ["2024-01", "2024-02"]
    assert table.loc["2024-01", "auc"] == 1.0
    assert np.isnan(table.loc["2024-02", "auc"])  # one class only
    assert table["applications"].tolist() == [2, 1]
    with pytest.raises(ValueError, match="same length"):
        monthly_performance([0, 1], [0.5], ["2024-01", "2024-01"])
    with pytest.raises(ValueError):
        month_labels(["not a date"])
