# Wrong: forgets the singular values (A = U_r, B = V_r^T).
import numpy as np


def low_rank(W, r):
    U, s, Vt = np.linalg.svd(np.asarray(W, dtype=float), full_matrices=False)
    return U[:, :r], Vt[:r]
