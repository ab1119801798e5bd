# Right: SciPy's SVD, with the square root of each singular value on both sides.
import numpy as np
from scipy import linalg


def low_rank(W, r):
    U, s, Vt = linalg.svd(np.array(W, dtype=float), full_matrices=False)
    root = np.sqrt(s[:r])
    return U[:, :r] * root, root[:, None] * Vt[:r]
