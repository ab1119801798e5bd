# Wrong: assumes the rows are sorted by date and cuts by position.
# Fails with: not sorted by date
import pandas as pd


def time_split(df, date_column, *, test_start, gap_days=0):
    when = df[date_column]
    n_before_test = int((when < test_start).sum())
    n_train = int((when < test_start - pd.Timedelta(days=gap_days)).sum())
    return df.iloc[:n_train], df.iloc[n_before_test:]
