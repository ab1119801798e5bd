# Wrong: roc_curve without a guard for one class. With no repaid loan (or no default) a rate
# is undefined (NaN), every cost is NaN, and argmin returns the first threshold, np.inf.
# Fails with: for a single defaulted application
import warnings

import numpy as np
from sklearn.metrics import roc_curve


def best_threshold(y_true, scores, *, cost_fp, cost_fn):
    actual = np.asarray(y_true, dtype=int)
    n_defaults = int(actual.sum())
    n_repaid = len(actual) - n_defaults
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fpr, tpr, thresholds = roc_curve(actual, np.asarray(scores, dtype=float))
    cost = cost_fp * fpr * n_repaid + cost_fn * (1 - tpr) * n_defaults
    return float(thresholds[np.argmin(cost)])
