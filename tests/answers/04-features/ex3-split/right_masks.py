# Right: two boolean masks with .loc.
import pandas as pd


def time_split(df, date_column, *, test_start, gap_days=0):
    train_end = test_start - pd.Timedelta(days=gap_days)
    return (df.loc[df[date_column] < train_end].copy(),
            df.loc[df[date_column] >= test_start].copy())
