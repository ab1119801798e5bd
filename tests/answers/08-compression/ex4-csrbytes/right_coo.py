# Right: count the stored entries with a SciPy COO array and the rows from the shape.
from scipy import sparse


def csr_nbytes(W, value_bytes=4, index_bytes=4):
    nnz = sparse.coo_array(W).nnz
    n_rows = W.shape[0]
    return int(nnz * value_bytes + nnz * index_bytes + (n_rows + 1) * index_bytes)
