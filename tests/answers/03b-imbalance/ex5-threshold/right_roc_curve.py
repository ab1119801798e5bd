# Right: scikit-learn's roc_curve with every threshold kept (its first threshold is inf,
# "flag nobody"); false positives and misses recovered from the rates as whole counts.
import numpy as np
from sklearn.metrics import roc_curve


def cost_minimising_threshold(y_true, scores, *, cost_fp, cost_fn):
    truth = np.asarray(y_true).astype(int)
    values = np.asarray(scores, dtype=float)
    n_pos, n_neg = int(truth.sum()), int(len(truth) - truth.sum())
    if n_pos == 0 or n_neg == 0:  # roc_curve needs both classes: count directly
        candidates = np.r_[np.inf, np.unique(values)[::-1]]
        costs = [cost_fp * np.sum((values >= t) & (truth == 0))
                 + cost_fn * np.sum((values < t) & (truth == 1)) for t in candidates]
        return float(candidates[int(np.argmin(costs))])
    fpr, tpr, thresholds = roc_curve(truth, values, drop_intermediate=False)
    false_positives = np.rint(fpr * n_neg)
    misses = n_pos - np.rint(tpr * n_pos)
    costs = cost_fp * false_positives + cost_fn * misses
    return float(thresholds[int(np.argmin(costs))])
