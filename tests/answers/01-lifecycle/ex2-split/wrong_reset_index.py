# Wrong: sorts and then resets the index, so the rows lose their original labels (invisible
# on a table whose labels are already 0..n-1 in date order).
# Fails with: original index label
def time_split(df, date_column, *, val_fraction, test_fraction):
    ordered = df.sort_values(date_column).reset_index(drop=True)
    n = len(ordered)
    n_test = int(test_fraction * n)
    n_validation = int(val_fraction * n)
    n_train = n - n_test - n_validation
    return (ordered.iloc[:n_train], ordered.iloc[n_train:n_train + n_validation],
            ordered.iloc[n_train + n_validation:])
