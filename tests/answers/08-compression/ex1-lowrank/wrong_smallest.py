# Wrong: keeps the r SMALLEST singular values (the last columns of U).
import numpy as np


def low_rank(W, r):
    U, s, Vt = np.linalg.svd(np.asarray(W, dtype=float), full_matrices=False)
    return U[:, -r:] * s[-r:], Vt[-r:]
