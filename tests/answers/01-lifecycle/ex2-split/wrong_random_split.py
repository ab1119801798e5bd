# Wrong: a random split (train_test_split), which ignores time altogether.
from sklearn.model_selection import train_test_split


def time_split(df, date_column, *, val_fraction, test_fraction):
    rest, test = train_test_split(df, test_size=test_fraction, random_state=0)
    train, validation = train_test_split(
        rest, test_size=val_fraction / (1 - test_fraction), random_state=0)
    return train, validation, test
