# Wrong: right when the rows are already in date order (as make_loans returns them), but it
# never sorts, so on a shuffled table it puts random applications in each part.
# Fails with: sort by the date column
def time_split(df, date_column, *, val_fraction, test_fraction):
    n = len(df)
    n_test = int(test_fraction * n)
    n_validation = int(val_fraction * n)
    n_train = n - n_test - n_validation
    return (df.iloc[:n_train], df.iloc[n_train:n_train + n_validation],
            df.iloc[n_train + n_validation:])
