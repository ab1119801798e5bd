# Wrong: keeps the first r columns of W instead of the top singular directions.
import numpy as np


def low_rank(W, r):
    W = np.asarray(W, dtype=float)
    return W[:, :r], np.eye(r, W.shape[1])
