# Wrong: zeroes every entry at or below the k-th smallest magnitude, so ties prune too many.
# Fails with: too many entries were set to 0
import numpy as np


def magnitude_prune(W, sparsity):
    W = np.asarray(W)
    k = int(sparsity * W.size)
    if k == 0:
        return W.copy()
    threshold = np.sort(np.abs(W), axis=None)[k - 1]
    return np.where(np.abs(W) <= threshold, 0, W).astype(W.dtype)
