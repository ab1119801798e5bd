# Wrong: sorts by uncertainty ascending (stable) and reverses the order to get the most
# uncertain first; the reversal also puts rows of equal uncertainty in decreasing position.
# Fails with: equal uncertainty
import numpy as np


def uncertainty_sample(pred_probs, k, *, labeled):
    uncertainty = 1.0 - np.asarray(pred_probs).max(axis=1)
    free = np.setdiff1d(np.arange(len(uncertainty)), np.asarray(labeled, dtype=int))
    order = np.argsort(uncertainty[free], kind="stable")[::-1]
    return free[order][:k]
