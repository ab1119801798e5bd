# Right: orders the index labels by date in plain Python, then picks rows with .loc.
def time_split(df, date_column, *, val_fraction, test_fraction):
    dates = dict(zip(df.index, df[date_column], strict=True))
    labels = sorted(df.index, key=lambda label: dates[label])
    n = len(labels)
    n_test = int(test_fraction * n)
    n_validation = int(val_fraction * n)
    n_train = n - n_test - n_validation
    return (df.loc[labels[:n_train]], df.loc[labels[n_train:n_train + n_validation]],
            df.loc[labels[n_train + n_validation:]])
