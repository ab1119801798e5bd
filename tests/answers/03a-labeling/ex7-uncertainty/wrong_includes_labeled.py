# Wrong: forgets to leave out the rows that are already labeled.
import numpy as np


def uncertainty_sample(pred_probs, k, *, labeled):
    top = np.asarray(pred_probs).max(axis=1)
    return np.argsort(top, kind="stable")[:k]
