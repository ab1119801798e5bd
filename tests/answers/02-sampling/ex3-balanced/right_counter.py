# Right: plain Python, counting classes with collections.Counter.
from collections import Counter

import numpy as np


def balanced_sample_weights(y):
    labels = list(np.asarray(y).tolist())
    counts = Counter(labels)
    n, n_classes = len(labels), len(counts)
    return np.array([n / (n_classes * counts[label]) for label in labels], dtype=float)
