# Right: SciPy's gesvd driver, full matrices, with the singular values on the right factor.
import numpy as np
from scipy import linalg


def low_rank(W, r):
    U, s, Vt = linalg.svd(np.array(W, dtype=float), full_matrices=True, lapack_driver="gesvd")
    return U[:, :r].copy(), np.diag(s[:r]) @ Vt[:r, :]
