# Wrong: right values, but it adds the feature columns to the caller's DataFrame.
# Fails with: changed its argument `df`
import numpy as np

from helpers.pipeline import HIGH_DTI, annuity_factor


def fast_loan_features(df):
    income = df["annual_income"]
    df["installment"] = df["loan_amount"] * df["term_months"].map(annuity_factor).astype(float)
    df["loan_to_income"] = df["loan_amount"] / income
    df["payment_to_income"] = 12 * df["installment"] / income
    score = df["credit_score"]
    df["credit_band"] = np.select([score < 580, score < 670, score < 740, score < 800],
                                  ["poor", "fair", "good", "very good"], default="excellent")
    df["high_dti"] = df["debt_to_income"] > HIGH_DTI
    df["income_missing"] = income.isna()
    return df[["loan_to_income", "installment", "payment_to_income", "credit_band", "high_dti",
               "income_missing"]].copy()
