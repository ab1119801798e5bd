# Wrong: sorts a copy by date before selecting, so the rows come back in date order.
# Fails with: keep the rows in the order of df
import pandas as pd


def time_split(df, date_column, *, test_start, gap_days=0):
    ordered = df.sort_values(date_column)
    when = ordered[date_column]
    return (ordered[when < test_start - pd.Timedelta(days=gap_days)],
            ordered[when >= test_start])
