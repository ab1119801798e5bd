# Right: DataFrame.query with the boundaries as local variables.
import pandas as pd


def time_split(df, date_column, *, test_start, gap_days=0):
    train_end = test_start - pd.Timedelta(days=gap_days)  # noqa: F841 - read by query as @train_end
    train = df.query(f"`{date_column}` < @train_end")
    test = df.query(f"`{date_column}` >= @test_start")
    return train, test
