# Wrong: shuffles each small class and cycles through it, so a row is only repeated after
# all its classmates; every row gets the right share, but not independent draws with
# replacement (two added rows are never the same row while the class is large enough).
# Fails with: WITH replacement
import numpy as np


def random_oversample(X, y, *, seed):
    rng = np.random.default_rng(seed)
    X, y = np.asarray(X), np.asarray(y)
    labels, counts = np.unique(y, return_counts=True)
    keep = [np.arange(len(y))]
    for label, count in zip(labels, counts, strict=True):
        members = rng.permutation(np.flatnonzero(y == label))
        keep.append(np.resize(members, counts.max() - count))
    keep = np.concatenate(keep)
    return X[keep], y[keep]
