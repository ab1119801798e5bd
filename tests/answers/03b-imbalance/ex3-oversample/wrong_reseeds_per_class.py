# Wrong: makes a new generator from the same seed for every class, so the draws of two
# classes of the same size are the same positions: not independent of each other.
# Fails with: independently
import numpy as np


def random_oversample(X, y, *, seed):
    X, y = np.asarray(X), np.asarray(y)
    labels, counts = np.unique(y, return_counts=True)
    keep = [np.arange(len(y))]
    for label, count in zip(labels, counts, strict=True):
        rng = np.random.default_rng(seed)
        keep.append(rng.choice(np.flatnonzero(y == label), size=counts.max() - count))
    keep = np.concatenate(keep)
    return X[keep], y[keep]
