# Wrong: one pointer per COLUMN plus one (that is the CSC format); right on square matrices.
# Fails with: n_rows + 1 pointers
import numpy as np


def csr_nbytes(W, value_bytes=4, index_bytes=4):
    W = np.asarray(W)
    nnz = int(np.count_nonzero(W))
    return nnz * (value_bytes + index_bytes) + (W.shape[1] + 1) * index_bytes
