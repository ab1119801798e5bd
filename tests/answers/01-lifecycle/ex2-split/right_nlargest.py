# Right: takes the latest rows with nlargest (exactly that many rows, ties cut by order),
# then the latest of the rest, and keeps what remains for training.
import math


def time_split(df, date_column, *, val_fraction, test_fraction):
    n = len(df)
    n_test = math.ceil(test_fraction * n)
    n_validation = math.ceil(val_fraction * n)
    test = df.loc[df[date_column].nlargest(n_test, keep="first").index]
    rest = df.drop(index=test.index)
    validation = rest.loc[rest[date_column].nlargest(n_validation, keep="first").index]
    train = rest.drop(index=validation.index)
    return train, validation, test
