# Wrong: right parts, but it sorts the caller's DataFrame in place.
# Fails with: changed its argument `df`
def time_split(df, date_column, *, val_fraction, test_fraction):
    df.sort_values(date_column, inplace=True, kind="stable")
    n = len(df)
    n_test = int(test_fraction * n)
    n_validation = int(val_fraction * n)
    n_train = n - n_test - n_validation
    return (df.iloc[:n_train], df.iloc[n_train:n_train + n_validation],
            df.iloc[n_train + n_validation:])
