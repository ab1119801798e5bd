# Wrong: replaces each small class by a bootstrap sample of the largest class's size, so
# some original rows are lost.
# Fails with: keep every original row
import numpy as np


def random_oversample(X, y, *, seed):
    rng = np.random.default_rng(seed)
    X, y = np.asarray(X), np.asarray(y)
    labels, counts = np.unique(y, return_counts=True)
    keep = []
    for label, count in zip(labels, counts, strict=True):
        members = np.flatnonzero(y == label)
        if count == counts.max():
            keep.append(members)
        else:
            keep.append(rng.choice(members, size=counts.max(), replace=True))
    keep = np.concatenate(keep)
    return X[keep], y[keep]
