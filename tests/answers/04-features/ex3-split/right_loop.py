# Right: a loop over the rows that collects index labels.
from datetime import timedelta


def time_split(df, date_column, *, test_start, gap_days=0):
    train_end = test_start - timedelta(days=gap_days)
    train_labels, test_labels = [], []
    for label, stamp in df[date_column].items():
        if stamp >= test_start:
            test_labels.append(label)
        elif stamp < train_end:
            train_labels.append(label)
    return df.loc[train_labels], df.loc[test_labels]
