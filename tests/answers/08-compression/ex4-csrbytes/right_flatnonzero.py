# Right: count the non-zeros with np.flatnonzero and the rows with len().
import numpy as np


def csr_nbytes(W, value_bytes=4, index_bytes=4):
    nnz = len(np.flatnonzero(W))
    return int(nnz * value_bytes + nnz * index_bytes + (len(W) + 1) * index_bytes)
