# Wrong: right zeros, but it converts W to float64, so a float32 matrix comes back as float64.
# Fails with: keep the dtype of W
import numpy as np


def magnitude_prune(W, sparsity):
    pruned = np.array(W, dtype=float)
    k = int(sparsity * pruned.size)
    order = np.argsort(np.abs(pruned), axis=None, kind="stable")
    pruned.flat[order[:k]] = 0
    return pruned
