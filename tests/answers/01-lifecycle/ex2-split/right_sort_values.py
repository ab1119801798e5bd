# Right: sorts a copy with sort_values (stable), rounds the sizes up, slices by position.
import math


def time_split(df, date_column, *, val_fraction, test_fraction):
    ordered = df.sort_values(date_column, kind="stable")
    n = len(ordered)
    n_test = math.ceil(test_fraction * n)
    n_validation = math.ceil(val_fraction * n)
    first_test = n - n_test
    first_validation = first_test - n_validation
    return (ordered.iloc[:first_validation], ordered.iloc[first_validation:first_test],
            ordered.iloc[first_test:])
