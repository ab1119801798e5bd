# Wrong: F1 as the arithmetic mean of precision and recall.
# Fails with: harmonic mean
import numpy as np


def precision_recall_f1(y_true, y_pred):
    truth = np.asarray(y_true).astype(bool)
    flags = np.asarray(y_pred).astype(bool)
    tp = int(np.sum(truth & flags))
    precision = tp / flags.sum() if flags.sum() else 0.0
    recall = tp / truth.sum() if truth.sum() else 0.0
    return float(precision), float(recall), float((precision + recall) / 2)
