# Wrong: interpolated average precision (precision at each recall replaced by the best
# precision at any higher recall), which is larger than the step rule.
# Fails with: differs from the step rule
import numpy as np


def average_precision(y_true, scores):
    truth = np.asarray(y_true).astype(bool)
    values = np.asarray(scores, dtype=float)
    if truth.sum() == 0:
        return 0.0
    order = np.argsort(-values, kind="stable")
    values, truth = values[order], truth[order]
    ends = np.r_[values[1:] != values[:-1], True]
    hits = np.cumsum(truth)[ends]
    precision = hits / (np.flatnonzero(ends) + 1)
    best_after = np.maximum.accumulate(precision[::-1])[::-1]
    recall = hits / truth.sum()
    return float(np.sum(np.diff(recall, prepend=0.0) * best_after))
