# Wrong: prunes the smallest VALUES (the most negative weights), not the smallest magnitudes.
import numpy as np


def magnitude_prune(W, sparsity):
    pruned = np.array(W, copy=True)
    k = int(sparsity * pruned.size)
    pruned.flat[np.argsort(pruned, axis=None)[:k]] = 0
    return pruned
