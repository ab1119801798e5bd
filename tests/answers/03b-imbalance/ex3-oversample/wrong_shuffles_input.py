# Wrong: shuffles the caller's X and y in place before adding the copies.
# Fails with: changed its argument
import numpy as np


def random_oversample(X, y, *, seed):
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(y))
    X[:] = X[order]
    y[:] = y[order]
    labels, counts = np.unique(y, return_counts=True)
    keep = [np.arange(len(y))]
    for label, count in zip(labels, counts, strict=True):
        keep.append(rng.choice(np.flatnonzero(y == label), size=counts.max() - count))
    keep = np.concatenate(keep)
    return X[keep], y[keep]
