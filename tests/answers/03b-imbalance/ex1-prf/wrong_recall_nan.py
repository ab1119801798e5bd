# Wrong: guards the 0/0 of precision (no flag) but not of recall: NaN when y_true has no
# defaulted row. Right on data with both classes, wrong on a single class.
# Fails with: a metric came back as NaN
import numpy as np


def precision_recall_f1(y_true, y_pred):
    truth = np.asarray(y_true).astype(bool)
    flags = np.asarray(y_pred).astype(bool)
    tp = np.sum(truth & flags)
    precision = tp / flags.sum() if flags.sum() else 0.0
    recall = tp / truth.sum()
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return float(precision), float(recall), float(f1)
