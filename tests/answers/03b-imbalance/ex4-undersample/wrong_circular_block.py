# Wrong: a block of n_min consecutive rows of each class from a random start, wrapping
# around: every row is kept with the right chance, but only n_c of the possible sets.
# Fails with: every SET of rows must be equally likely
import numpy as np


def random_undersample(X, y, *, seed):
    rng = np.random.default_rng(seed)
    X, y = np.asarray(X), np.asarray(y)
    labels, counts = np.unique(y, return_counts=True)
    keep = []
    for label in labels:
        members = np.flatnonzero(y == label)
        start = rng.integers(len(members))
        keep.append(members[(start + np.arange(counts.min())) % len(members)])
    keep = np.concatenate(keep)
    return X[keep], y[keep]
