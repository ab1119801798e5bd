# Right: rank the magnitudes with a stable argsort, keep the entries ranked k or above.
import numpy as np


def magnitude_prune(W, sparsity):
    W = np.asarray(W)
    k = int(np.floor(sparsity * W.size))
    ranks = np.empty(W.size, dtype=int)
    ranks[np.argsort(np.abs(W).ravel(), kind="stable")] = np.arange(W.size)
    keep = (ranks >= k).reshape(W.shape)
    return np.where(keep, W, 0).astype(W.dtype)
