# Right: per class, random positions with rng.integers; the result is shuffled (order is free).
import numpy as np


def random_oversample(X, y, *, seed):
    rng = np.random.default_rng(seed)
    X, y = np.asarray(X), np.asarray(y)
    labels, counts = np.unique(y, return_counts=True)
    parts = [np.arange(len(y))]
    for label, count in zip(labels, counts, strict=True):
        members = np.flatnonzero(y == label)
        parts.append(members[rng.integers(0, count, size=counts.max() - count)])
    keep = rng.permutation(np.concatenate(parts))
    return X[keep].copy(), y[keep].copy()
