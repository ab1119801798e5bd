# Wrong: keeps the positions in a float array (np.setdiff1d of an int range and a float
# array of labeled positions), so the returned "positions" are floats.
# Fails with: integer positions
import numpy as np


def uncertainty_sample(pred_probs, k, *, labeled):
    top = np.asarray(pred_probs).max(axis=1)
    free = np.setdiff1d(np.arange(len(top), dtype=float), np.asarray(labeled, dtype=float))
    order = np.argsort(top[free.astype(int)], kind="stable")
    return free[order][:k]
