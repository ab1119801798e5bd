# Wrong: pd.cut's default right-closed bins put a score of exactly 580 (670, 740, 800)
# one band too low.
import pandas as pd

from helpers.pipeline import HIGH_DTI, annuity_factor


def fast_loan_features(df):
    income = df["annual_income"]
    installment = df["loan_amount"] * df["term_months"].map(annuity_factor).astype(float)
    band = pd.cut(df["credit_score"], [0, 580, 670, 740, 800, 1_000],
                  labels=["poor", "fair", "good", "very good", "excellent"])
    return pd.DataFrame({
        "loan_to_income": df["loan_amount"] / income,
        "installment": installment,
        "payment_to_income": 12 * installment / income,
        "credit_band": band,
        "high_dti": df["debt_to_income"] > HIGH_DTI,
        "income_missing": income.isna(),
    }, index=df.index)
