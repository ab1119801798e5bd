# Wrong: rounds the TRAINING and validation sizes down and gives the test part whatever is
# left. Right when the products are whole numbers, but otherwise the test part can get
# more rows than test_fraction x n rounded up.
# Fails with: the test part does not hold test_fraction x n rows
def time_split(df, date_column, *, val_fraction, test_fraction):
    n = len(df)
    n_train = int((1 - val_fraction - test_fraction) * n)
    n_validation = int(val_fraction * n)
    ordered = df.sort_values(date_column, kind="stable")
    return (ordered.iloc[:n_train], ordered.iloc[n_train:n_train + n_validation],
            ordered.iloc[n_train + n_validation:])
