# Right: NumPy datetime64 comparisons, rows taken by position (positions stay in order).
import numpy as np


def time_split(df, date_column, *, test_start, gap_days=0):
    stamps = df[date_column].to_numpy()
    start = np.datetime64(test_start.to_datetime64())
    train_rows = np.flatnonzero(stamps < start - np.timedelta64(gap_days, "D"))
    test_rows = np.flatnonzero(stamps >= start)
    return df.iloc[train_rows], df.iloc[test_rows]
