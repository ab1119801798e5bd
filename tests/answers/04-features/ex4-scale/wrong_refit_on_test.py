# Wrong: each table is imputed and scaled with its own statistics (fit_transform on test).
import pandas as pd


def impute_and_scale(train, test, columns):
    def fit_transform(frame):
        medians = frame[columns].median()
        filled = frame[columns].fillna(medians)
        scaled = (filled - filled.mean()) / filled.std(ddof=0).replace(0.0, 1.0)
        return pd.concat([scaled, frame[columns].isna().astype(float).add_suffix("_missing")],
                         axis=1)

    return fit_transform(train), fit_transform(test)
