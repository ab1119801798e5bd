# Wrong: divides by the standard deviation even when it is 0 (a constant training column).
# Fails with: standard deviation 0
import pandas as pd


def impute_and_scale(train, test, columns):
    medians = train[columns].median()
    filled = train[columns].fillna(medians)
    means, spreads = filled.mean(), filled.std(ddof=0)

    def apply(frame):
        scaled = (frame[columns].fillna(medians) - means) / spreads
        return pd.concat([scaled, frame[columns].isna().astype(float).add_suffix("_missing")],
                         axis=1)

    return apply(train), apply(test)
