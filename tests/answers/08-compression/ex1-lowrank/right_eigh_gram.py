# Right: the right singular vectors from an eigendecomposition of W^T W, largest first.
import numpy as np


def low_rank(W, r):
    W = np.asarray(W, dtype=float)
    eigenvalues, vectors = np.linalg.eigh(W.T @ W)      # ascending order
    top = vectors[:, np.argsort(eigenvalues)[::-1][:r]]  # the r largest
    return W @ top, top.T                                # W V_r V_r^T is the best rank-r fit
