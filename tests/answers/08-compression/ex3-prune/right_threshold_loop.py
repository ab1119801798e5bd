# Right: a loop that zeroes the smallest remaining entry k times (ties: the first one found).
import numpy as np


def magnitude_prune(W, sparsity):
    pruned = np.array(W, copy=True)
    k = round(sparsity * pruned.size)
    magnitudes = np.abs(pruned).astype(float)
    for _ in range(k):
        position = np.unravel_index(np.argmin(magnitudes), magnitudes.shape)
        pruned[position] = 0
        magnitudes[position] = np.inf
    return pruned
