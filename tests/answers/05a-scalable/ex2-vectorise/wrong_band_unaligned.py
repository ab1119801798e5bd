# Wrong: builds credit_band as a Series without df's index; pandas aligns it by label, so the
# bands land on the wrong rows (or become NaN) whenever df's index is not 0..n-1.
# Fails with: keep df's index
import numpy as np
import pandas as pd

from helpers.pipeline import HIGH_DTI, annuity_factor


def fast_loan_features(df):
    income = df["annual_income"]
    installment = df["loan_amount"] * df["term_months"].map(annuity_factor).astype("float64")
    score = df["credit_score"]
    band = np.select([score < 580, score < 670, score < 740, score < 800],
                     ["poor", "fair", "good", "very good"], default="excellent")
    return pd.DataFrame({
        "loan_to_income": df["loan_amount"] / income,
        "installment": installment,
        "payment_to_income": 12 * installment / income,
        "credit_band": pd.Series(band, dtype="str"),
        "high_dti": df["debt_to_income"] > HIGH_DTI,
        "income_missing": income.isna(),
    })
