# Wrong: right values, but it zeroes the entries of W itself (the caller's matrix changes).
# Fails with: changed its argument `W`
import numpy as np


def magnitude_prune(W, sparsity):
    k = int(sparsity * W.size)
    order = np.argsort(np.abs(W), axis=None)
    W.flat[order[:k]] = 0
    return W
