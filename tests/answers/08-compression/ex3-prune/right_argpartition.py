# Right: np.argpartition finds the k smallest magnitudes (ties broken arbitrarily).
import math

import numpy as np


def magnitude_prune(W, sparsity):
    flat = np.asarray(W).ravel().copy()
    k = math.ceil(sparsity * flat.size)
    if k > 0:
        smallest = np.argpartition(np.abs(flat), k - 1)[:k]
        flat[smallest] = 0
    return flat.reshape(np.shape(W))
