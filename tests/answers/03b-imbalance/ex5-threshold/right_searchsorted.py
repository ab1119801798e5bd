# Right: counts of flagged rows per class with searchsorted on the sorted scores of each class.
import numpy as np


def cost_minimising_threshold(y_true, scores, *, cost_fp, cost_fn):
    truth = np.asarray(y_true).astype(bool)
    values = np.asarray(scores, dtype=float)
    positives = np.sort(values[truth])
    negatives = np.sort(values[~truth])
    candidates = np.r_[np.inf, np.unique(values)[::-1]]
    flagged_neg = len(negatives) - np.searchsorted(negatives, candidates, side="left")
    flagged_pos = len(positives) - np.searchsorted(positives, candidates, side="left")
    costs = cost_fp * flagged_neg + cost_fn * (len(positives) - flagged_pos)
    return float(candidates[np.argmin(costs)])
