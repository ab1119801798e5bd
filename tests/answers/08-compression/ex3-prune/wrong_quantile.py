# Wrong: a quantile threshold with "<", which never prunes the largest entry (sparsity 1 fails).
import numpy as np


def magnitude_prune(W, sparsity):
    W = np.asarray(W)
    threshold = np.quantile(np.abs(W), sparsity)
    return np.where(np.abs(W) < threshold, 0, W).astype(W.dtype)
