# Right: a full SVD through the transpose (students who think in terms of W^T).
import numpy as np


def low_rank(W, r):
    W = np.asarray(W, dtype=float)
    V, s, Ut = np.linalg.svd(W.T, full_matrices=False)   # W^T = V diag(s) U^T
    return Ut.T[:, :r] * s[:r], V[:, :r].T
