# Right: ranks the dates (ties broken by position) and selects each part with a boolean mask.
def time_split(df, date_column, *, val_fraction, test_fraction):
    n = len(df)
    n_test = round(test_fraction * n)
    n_validation = round(val_fraction * n)
    position = df[date_column].rank(method="first").to_numpy() - 1  # 0 .. n-1 in time order
    train_end = n - n_test - n_validation
    in_train = position < train_end
    in_test = position >= n - n_test
    in_validation = ~in_train & ~in_test
    return df[in_train], df[in_validation], df[in_test]
