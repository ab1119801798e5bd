# Right: a loop over the distinct scores, highest first, flagging score >= threshold.
import numpy as np


def average_precision(y_true, scores):
    truth = np.asarray(y_true).astype(bool)
    values = np.asarray(scores, dtype=float)
    n_positive = truth.sum()
    if n_positive == 0:
        return 0.0
    total, previous_recall = 0.0, 0.0
    for threshold in sorted(set(values.tolist()), reverse=True):
        flags = values >= threshold
        hits = np.sum(flags & truth)
        recall = hits / n_positive
        total += (recall - previous_recall) * (hits / flags.sum())
        previous_recall = recall
    return float(total)
