# Wrong: sorts the caller's list of labeled positions in place (for a binary search).
# Fails with: changed its argument
import bisect

import numpy as np


def uncertainty_sample(pred_probs, k, *, labeled):
    labeled.sort()
    top = np.asarray(pred_probs).max(axis=1)

    def is_labeled(i):
        j = bisect.bisect_left(labeled, i)
        return j < len(labeled) and labeled[j] == i

    free = np.array([i for i in range(len(top)) if not is_labeled(i)], dtype=int)
    return free[np.argsort(top[free], kind="stable")][:k]
