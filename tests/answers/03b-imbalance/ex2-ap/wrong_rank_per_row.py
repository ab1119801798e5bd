# Wrong: precision at the rank of each positive row after sorting by score; right with
# distinct scores, but tied rows are split up in whatever order the sort left them.
# Fails with: with tied scores
import numpy as np


def average_precision(y_true, scores):
    truth = np.asarray(y_true).astype(bool)
    if truth.sum() == 0:
        return 0.0
    order = np.argsort(-np.asarray(scores, dtype=float), kind="stable")
    hits = np.cumsum(truth[order])
    ranks = np.arange(1, len(order) + 1)
    return float(np.mean((hits / ranks)[truth[order]]))
