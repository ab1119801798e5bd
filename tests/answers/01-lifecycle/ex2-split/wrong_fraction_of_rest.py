# Wrong: takes the validation share of what is left after the test part, not of all rows.
def time_split(df, date_column, *, val_fraction, test_fraction):
    ordered = df.sort_values(date_column)
    n = len(ordered)
    n_test = int(test_fraction * n)
    n_validation = int(val_fraction * (n - n_test))
    n_train = n - n_test - n_validation
    return (ordered.iloc[:n_train], ordered.iloc[n_train:n_train + n_validation],
            ordered.iloc[n_train + n_validation:])
