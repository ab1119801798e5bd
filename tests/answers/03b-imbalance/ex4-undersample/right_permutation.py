# Right: the first n_min rows of a random permutation of each class.
import numpy as np


def random_undersample(X, y, *, seed):
    rng = np.random.default_rng(seed)
    X, y = np.asarray(X), np.asarray(y)
    labels, counts = np.unique(y, return_counts=True)
    keep = np.concatenate([rng.permutation(np.flatnonzero(y == label))[:counts.min()]
                           for label in labels])
    return X[keep], y[keep]
