# Wrong: pandas' std() uses ddof=1 by default; StandardScaler (and the contract) use ddof=0.
import pandas as pd


def impute_and_scale(train, test, columns):
    medians = train[columns].median()
    filled = train[columns].fillna(medians)
    means, spreads = filled.mean(), filled.std().replace(0.0, 1.0)

    def apply(frame):
        scaled = (frame[columns].fillna(medians) - means) / spreads
        return pd.concat([scaled, frame[columns].isna().astype(float).add_suffix("_missing")],
                         axis=1)

    return apply(train), apply(test)
