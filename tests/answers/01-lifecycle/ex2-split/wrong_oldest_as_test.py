# Wrong: puts the OLDEST applications in the test part and trains on the future.
def time_split(df, date_column, *, val_fraction, test_fraction):
    ordered = df.sort_values(date_column)
    n = len(ordered)
    n_test = int(test_fraction * n)
    n_validation = int(val_fraction * n)
    return (ordered.iloc[n_test + n_validation:], ordered.iloc[n_test:n_test + n_validation],
            ordered.iloc[:n_test])
