# Wrong: eigendecomposition keeping the largest SIGNED eigenvalues (drops large negative ones).
import numpy as np


def low_rank(W, r):
    W = np.asarray(W, dtype=float)
    eigenvalues, vectors = np.linalg.eigh((W + W.T) / 2)
    top = np.argsort(eigenvalues)[::-1][:r]
    return vectors[:, top] * eigenvalues[top], vectors[:, top].T
