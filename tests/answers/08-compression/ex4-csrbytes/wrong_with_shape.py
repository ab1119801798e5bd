# Wrong: also counts the two numbers of the shape, which the contract leaves out.
import numpy as np


def csr_nbytes(W, value_bytes=4, index_bytes=4):
    W = np.asarray(W)
    nnz = int(np.count_nonzero(W))
    return nnz * (value_bytes + index_bytes) + (W.shape[0] + 1) * index_bytes + 2 * index_bytes
