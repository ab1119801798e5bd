# Right: scikit-learn's roc_curve lists the thresholds where the flagged set changes
# (flag when score >= threshold, np.inf first); the cost is linear in FPR and TPR, so the
# best threshold is one of them. One class only is handled first (the rates are undefined).
import numpy as np
from sklearn.metrics import roc_curve


def best_threshold(y_true, scores, *, cost_fp, cost_fn):
    actual = np.asarray(y_true, dtype=int)
    values = np.asarray(scores, dtype=float)
    n_defaults = int(actual.sum())
    n_repaid = len(actual) - n_defaults
    if n_repaid == 0:
        return float(values.min())  # only defaults: flag everyone
    if n_defaults == 0:
        return float(np.inf)  # only repaid loans: flag no one
    fpr, tpr, thresholds = roc_curve(actual, values)
    false_alarms = np.rint(fpr * n_repaid)
    missed = np.rint((1 - tpr) * n_defaults)
    return float(thresholds[np.argmin(cost_fp * false_alarms + cost_fn * missed)])
