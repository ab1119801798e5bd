# Wrong: counts only the positive entries as non-zero.
import numpy as np


def csr_nbytes(W, value_bytes=4, index_bytes=4):
    W = np.asarray(W)
    nnz = int((W > 0).sum())
    return nnz * (value_bytes + index_bytes) + (W.shape[0] + 1) * index_bytes
