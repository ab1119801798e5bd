# Wrong: rng.integers(0, count - 1) as if the upper bound were included (like
# random.randint): the last row of each class is never added as a copy, and a class of a
# single row makes NumPy raise (the visible test with string labels has one).
# Fails with: high <= 0
import numpy as np


def random_oversample(X, y, *, seed):
    rng = np.random.default_rng(seed)
    X, y = np.asarray(X), np.asarray(y)
    labels, counts = np.unique(y, return_counts=True)
    keep = [np.arange(len(y))]
    for label, count in zip(labels, counts, strict=True):
        members = np.flatnonzero(y == label)
        keep.append(members[rng.integers(0, count - 1, size=counts.max() - count)])
    keep = np.concatenate(keep)
    return X[keep], y[keep]
