# Right: Python's random.Random(seed), one choice at a time, rows collected in lists.
import random

import numpy as np


def random_oversample(X, y, *, seed):
    rng = random.Random(seed)
    X, y = np.asarray(X), np.asarray(y)
    rows_by_class = {}
    for position, label in enumerate(y.tolist()):
        rows_by_class.setdefault(label, []).append(position)
    largest = max(len(rows) for rows in rows_by_class.values())
    keep = list(range(len(y)))
    for rows in rows_by_class.values():
        keep += [rng.choice(rows) for _ in range(largest - len(rows))]
    return X[keep], y[keep]
