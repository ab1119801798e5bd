# Wrong: "average precision" read literally: the plain mean of the precision at every
# distinct threshold, not weighted by the recall gained.
# Fails with: AP = 1/2 * 1 + 1/2 * 2/3
import numpy as np


def average_precision(y_true, scores):
    truth = np.asarray(y_true).astype(bool)
    values = np.asarray(scores, dtype=float)
    if truth.sum() == 0:
        return 0.0
    precisions = [np.sum(truth & (values >= t)) / np.sum(values >= t) for t in np.unique(values)]
    return float(np.mean(precisions))
