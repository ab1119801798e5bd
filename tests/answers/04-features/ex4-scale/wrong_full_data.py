# Wrong: the median, mean and standard deviation come from train and test together.
import pandas as pd


def impute_and_scale(train, test, columns):
    both = pd.concat([train[columns], test[columns]])
    medians = both.median()
    filled = both.fillna(medians)
    means, spreads = filled.mean(), filled.std(ddof=0).replace(0.0, 1.0)

    def apply(frame):
        scaled = (frame[columns].fillna(medians) - means) / spreads
        return pd.concat([scaled, frame[columns].isna().astype(float).add_suffix("_missing")],
                         axis=1)

    return apply(train), apply(test)
