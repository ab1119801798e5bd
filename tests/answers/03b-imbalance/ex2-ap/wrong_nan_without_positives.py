# Wrong: the step rule with ties handled, but recall is 0/0 when y_true has no positive
# row, so the result is NaN instead of 0.0.
# Fails with: no positive row
import numpy as np


def average_precision(y_true, scores):
    truth = np.asarray(y_true).astype(bool)
    values = np.asarray(scores, dtype=float)
    order = np.argsort(-values, kind="stable")
    values, truth = values[order], truth[order]
    ends = np.r_[values[1:] != values[:-1], True]
    hits = np.cumsum(truth)[ends]
    precision = hits / (np.flatnonzero(ends) + 1)
    recall = hits / truth.sum()
    return float(np.sum(np.diff(recall, prepend=0.0) * precision))
