# Right: build the CSR matrix with SciPy and count its three arrays.
from scipy import sparse


def csr_nbytes(W, value_bytes=4, index_bytes=4):
    matrix = sparse.csr_array(W)
    return (matrix.data.size * value_bytes + matrix.indices.size * index_bytes
            + matrix.indptr.size * index_bytes)
