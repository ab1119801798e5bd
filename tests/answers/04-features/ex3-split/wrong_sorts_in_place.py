# Wrong: sorts the caller's DataFrame in place before splitting.
# Fails with: changed its argument `df`
import pandas as pd


def time_split(df, date_column, *, test_start, gap_days=0):
    df.sort_values(date_column, inplace=True)
    when = df[date_column]
    return df[when < test_start - pd.Timedelta(days=gap_days)], df[when >= test_start]
