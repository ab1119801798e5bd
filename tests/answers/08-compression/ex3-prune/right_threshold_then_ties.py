# Right: prune everything strictly below the k-th smallest magnitude, then just enough ties.
import math

import numpy as np


def magnitude_prune(W, sparsity):
    W = np.asarray(W)
    pruned = W.copy()
    k = math.floor(sparsity * W.size)
    if k == 0:
        return pruned
    magnitudes = np.abs(W)
    threshold = np.sort(magnitudes, axis=None)[k - 1]
    below = magnitudes < threshold
    pruned[below] = 0
    missing = k - int(below.sum())
    tied = np.flatnonzero(magnitudes == threshold)
    pruned.flat[tied[::-1][:missing]] = 0     # the LAST tied entries, a different tie rule
    return pruned
