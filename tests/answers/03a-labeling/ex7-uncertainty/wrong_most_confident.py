# Wrong: picks the most confident rows (highest top probability) instead of the least.
import numpy as np


def uncertainty_sample(pred_probs, k, *, labeled):
    top = np.asarray(pred_probs).max(axis=1)
    free = np.setdiff1d(np.arange(len(top)), labeled)
    return free[np.argsort(-top[free], kind="stable")][:k]
