# Right: Python's random.Random(seed).sample inside each class.
import random
from collections import defaultdict

import numpy as np


def random_undersample(X, y, *, seed):
    rng = random.Random(seed)
    X, y = np.asarray(X), np.asarray(y)
    rows_by_class = defaultdict(list)
    for position, label in enumerate(y.tolist()):
        rows_by_class[label].append(position)
    smallest = min(len(rows) for rows in rows_by_class.values())
    keep = [row for rows in rows_by_class.values() for row in rng.sample(rows, smallest)]
    return X[keep], y[keep]
