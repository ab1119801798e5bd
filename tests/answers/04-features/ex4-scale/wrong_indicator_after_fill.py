# Wrong: computes the missing indicators after filling, so they are all 0.
import pandas as pd


def impute_and_scale(train, test, columns):
    medians = train[columns].median()
    filled = train[columns].fillna(medians)
    means, spreads = filled.mean(), filled.std(ddof=0).replace(0.0, 1.0)

    def apply(frame):
        complete = frame[columns].fillna(medians)
        flags = complete.isna().astype(float).add_suffix("_missing")
        return pd.concat([(complete - means) / spreads, flags], axis=1)

    return apply(train), apply(test)
