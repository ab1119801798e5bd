# Right: nested np.where for the bands, a Series lookup table of factors for the terms.
import numpy as np
import pandas as pd

from helpers.pipeline import HIGH_DTI, annuity_factor


def fast_loan_features(df):
    terms = pd.Series(df["term_months"].unique())
    lookup = pd.Series([annuity_factor(t) for t in terms], index=terms, dtype="float64")
    installment = df["loan_amount"] * lookup.reindex(df["term_months"]).to_numpy()
    score = df["credit_score"].to_numpy()
    band = np.where(score < 580, "poor", np.where(score < 670, "fair", np.where(
        score < 740, "good", np.where(score < 800, "very good", "excellent"))))
    income = df["annual_income"]
    result = pd.concat({
        "loan_to_income": df["loan_amount"] / income,
        "installment": installment,
        "payment_to_income": 12 * installment / income,
        "credit_band": pd.Series(band, index=df.index).astype("category"),
        "high_dti": df["debt_to_income"] > HIGH_DTI,
        "income_missing": income.isna(),
    }, axis=1)
    return result
