# Wrong: fills missing values with the training mean instead of the median.
import pandas as pd


def impute_and_scale(train, test, columns):
    fill = train[columns].mean()
    filled = train[columns].fillna(fill)
    means, spreads = filled.mean(), filled.std(ddof=0).replace(0.0, 1.0)

    def apply(frame):
        scaled = (frame[columns].fillna(fill) - means) / spreads
        return pd.concat([scaled, frame[columns].isna().astype(float).add_suffix("_missing")],
                         axis=1)

    return apply(train), apply(test)
