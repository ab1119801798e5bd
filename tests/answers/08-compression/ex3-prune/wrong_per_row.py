# Wrong: prunes the same share inside every row instead of one threshold for the matrix.
# Fails with: rank ALL entries of W together
import numpy as np


def magnitude_prune(W, sparsity):
    pruned = np.array(W, copy=True)
    k = int(sparsity * pruned.shape[1])
    for row in pruned:
        row[np.argsort(np.abs(row), kind="stable")[:k]] = 0
    if sparsity >= 1:
        pruned[:] = 0
    return pruned
