# Right: a full SVD, then the factors built column by column in a loop.
import numpy as np


def low_rank(W, r):
    U, s, Vt = np.linalg.svd(W)
    m, n = W.shape
    A = np.zeros((m, r))
    B = np.zeros((r, n))
    for i in range(r):
        A[:, i] = s[i] * U[:, i]
        B[i, :] = Vt[i, :]
    return (A, B)
