# Wrong: systematic sampling inside each class (a random start, then every k-th row): every
# row has the right chance, but most sets of rows can never be kept together.
# Fails with: every SET of rows must be equally likely
import numpy as np


def random_undersample(X, y, *, seed):
    rng = np.random.default_rng(seed)
    X, y = np.asarray(X), np.asarray(y)
    labels, counts = np.unique(y, return_counts=True)
    n_keep = counts.min()
    keep = []
    for label in labels:
        members = np.flatnonzero(y == label)
        step = len(members) / n_keep
        start = rng.random() * step
        keep.append(members[np.floor(start + step * np.arange(n_keep)).astype(int)])
    keep = np.concatenate(keep)
    return X[keep], y[keep]
