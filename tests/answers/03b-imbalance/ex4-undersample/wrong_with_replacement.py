# Wrong: draws the kept rows WITH replacement, so a row can be kept twice.
# Fails with: no row twice
import numpy as np


def random_undersample(X, y, *, seed):
    rng = np.random.default_rng(seed)
    X, y = np.asarray(X), np.asarray(y)
    labels, counts = np.unique(y, return_counts=True)
    keep = np.concatenate([rng.choice(np.flatnonzero(y == label), size=counts.min())
                           for label in labels])
    return X[keep], y[keep]
