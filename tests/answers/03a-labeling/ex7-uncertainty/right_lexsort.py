# Right: np.lexsort by (top probability, position) over the unlabeled rows.
import numpy as np


def uncertainty_sample(pred_probs, k, *, labeled):
    top = np.max(pred_probs, axis=1)
    is_free = np.ones(len(top), dtype=bool)
    is_free[np.asarray(labeled, dtype=int)] = False
    free = np.flatnonzero(is_free)
    return free[np.lexsort((free, top[free]))][:k]
