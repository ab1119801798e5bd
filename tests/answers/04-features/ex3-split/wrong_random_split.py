# Wrong: a random 75/25 split, which lets the future into training.
from sklearn.model_selection import train_test_split


def time_split(df, date_column, *, test_start, gap_days=0):
    train, test = train_test_split(df, test_size=0.25, random_state=0)
    return train, test
