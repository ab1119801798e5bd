# Right: one column at a time with pandas, statistics from the training rows only.
import pandas as pd


def impute_and_scale(train, test, columns):
    stats = {}
    for column in columns:
        median = train[column].median()
        filled = train[column].fillna(median)
        spread = filled.std(ddof=0)
        stats[column] = (median, filled.mean(), spread if spread > 0 else 1.0)

    def apply(frame):
        out = pd.DataFrame(index=frame.index)
        for column in columns:
            median, mean, spread = stats[column]
            out[column] = (frame[column].fillna(median) - mean) / spread
        for column in columns:
            out[f"{column}_missing"] = frame[column].isna().astype(float)
        return out

    return apply(train), apply(test)
