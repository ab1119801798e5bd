# Wrong: an eigendecomposition (eigh) by size of eigenvalue; right only for symmetric matrices.
# Fails with: not the best rank-r approximation
import numpy as np


def low_rank(W, r):
    W = np.asarray(W, dtype=float)
    if W.shape[0] != W.shape[1]:
        U, s, Vt = np.linalg.svd(W, full_matrices=False)
        return U[:, :r] * s[:r], Vt[:r]
    eigenvalues, vectors = np.linalg.eigh(W)          # treats W as symmetric
    top = np.argsort(np.abs(eigenvalues))[::-1][:r]
    return vectors[:, top] * eigenvalues[top], vectors[:, top].T
