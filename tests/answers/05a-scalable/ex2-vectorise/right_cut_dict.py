# Right: a dict of factors for the distinct terms, pd.cut (left-closed bins) for the bands.
import math

import pandas as pd

from helpers.pipeline import HIGH_DTI, annuity_factor


def fast_loan_features(df):
    factors = {term: annuity_factor(term) for term in df["term_months"].unique()}
    loan = df["loan_amount"]
    income = df["annual_income"]
    installment = loan * df["term_months"].map(factors).astype("float64")
    band = pd.cut(df["credit_score"], [-math.inf, 580, 670, 740, 800, math.inf], right=False,
                  labels=["poor", "fair", "good", "very good", "excellent"])
    out = pd.DataFrame(index=df.index)
    out["loan_to_income"] = loan / income
    out["installment"] = installment
    out["payment_to_income"] = 12 * installment / income
    out["credit_band"] = band
    out["high_dti"] = df["debt_to_income"].gt(HIGH_DTI)
    out["income_missing"] = income.isna()
    return out
