# Wrong: seeds and draws from NumPy's global random state.
# Fails with: NumPy's global random state
import numpy as np


def random_oversample(X, y, *, seed):
    np.random.seed(seed)  # noqa: NPY002 - the mistake this file shows
    X, y = np.asarray(X), np.asarray(y)
    labels, counts = np.unique(y, return_counts=True)
    keep = [np.arange(len(y))]
    for label, count in zip(labels, counts, strict=True):
        keep.append(np.random.choice(np.flatnonzero(y == label), size=counts.max() - count))  # noqa: NPY002
    keep = np.concatenate(keep)
    return X[keep], y[keep]
