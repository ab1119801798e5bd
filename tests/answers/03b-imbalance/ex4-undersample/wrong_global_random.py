# Wrong: seeds Python's global random module instead of using a generator of its own.
# Fails with: Python's random module
import random

import numpy as np


def random_undersample(X, y, *, seed):
    random.seed(seed)
    X, y = np.asarray(X), np.asarray(y)
    labels, counts = np.unique(y, return_counts=True)
    keep = [row for label in labels
            for row in random.sample(np.flatnonzero(y == label).tolist(), int(counts.min()))]
    return X[keep], y[keep]
