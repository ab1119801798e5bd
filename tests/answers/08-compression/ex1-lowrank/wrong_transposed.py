# Wrong: U and V^T swapped; right on symmetric matrices, wrong on every other one.
# Fails with: U's columns on the left
import numpy as np


def low_rank(W, r):
    U, s, Vt = np.linalg.svd(np.asarray(W, dtype=float), full_matrices=False)
    return Vt[:r].T * s[:r], U[:, :r].T
