# Wrong: keeps a training row that falls exactly on test_start - gap_days.
import pandas as pd


def time_split(df, date_column, *, test_start, gap_days=0):
    when = df[date_column]
    return df[when <= test_start - pd.Timedelta(days=gap_days)], df[when >= test_start]
