# Wrong: np.argsort's default quicksort is not stable: rows of equal uncertainty come in an
# arbitrary order.
# Fails with: equal uncertainty
import numpy as np


def uncertainty_sample(pred_probs, k, *, labeled):
    top = np.asarray(pred_probs).max(axis=1)
    free = np.setdiff1d(np.arange(len(top)), labeled)
    return free[np.argsort(top[free])][:k]
