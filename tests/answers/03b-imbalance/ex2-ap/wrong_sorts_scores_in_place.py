# Wrong: the step rule with ties, but it sorts the caller's score array in place (np.asarray
# does not copy a float array), which changes its argument. (The hidden tests also pass a
# Series, whose array pandas 3 hands out read-only; the first forbidden change is reported
# before that later call raises.)
# Fails with: changed its argument `scores`
import numpy as np


def average_precision(y_true, scores):
    values = np.asarray(scores, dtype=float)
    truth = np.asarray(y_true).astype(bool)
    if truth.sum() == 0:
        return 0.0
    order = np.argsort(-values, kind="stable")
    values[:] = values[order]
    truth = truth[order]
    ends = np.r_[values[1:] != values[:-1], True]
    hits = np.cumsum(truth)[ends]
    precision = hits / (np.flatnonzero(ends) + 1)
    recall = hits / truth.sum()
    return float(np.sum(np.diff(recall, prepend=0.0) * precision))
