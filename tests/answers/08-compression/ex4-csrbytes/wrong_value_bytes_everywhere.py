# Wrong: uses value_bytes for the indices and pointers too.
import numpy as np


def csr_nbytes(W, value_bytes=4, index_bytes=4):
    W = np.asarray(W)
    nnz = int(np.count_nonzero(W))
    return nnz * 2 * value_bytes + (W.shape[0] + 1) * value_bytes
