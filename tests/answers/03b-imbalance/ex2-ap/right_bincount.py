# Right: one bin per distinct score (np.unique's inverse), counted with bincount, then
# cumulative sums from the highest score down.
import numpy as np


def average_precision(y_true, scores):
    truth = np.asarray(y_true).astype(float)
    if truth.sum() == 0:
        return 0.0
    distinct, which = np.unique(np.asarray(scores, dtype=float), return_inverse=True)
    hits = np.bincount(which, weights=truth, minlength=len(distinct))[::-1].cumsum()
    flagged = np.bincount(which, minlength=len(distinct))[::-1].cumsum()
    recall = hits / truth.sum()
    return float(np.sum(np.diff(np.r_[0.0, recall]) * hits / flagged))
