# Wrong: removes the gap from the start of the test period instead of the end of training.
import pandas as pd


def time_split(df, date_column, *, test_start, gap_days=0):
    when = df[date_column]
    return df[when < test_start], df[when >= test_start + pd.Timedelta(days=gap_days)]
