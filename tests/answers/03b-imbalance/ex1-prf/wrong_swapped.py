# Wrong: precision and recall swapped (divides by the actual positives for precision).
# Fails with: precision = TP / (TP + FP)
import numpy as np


def precision_recall_f1(y_true, y_pred):
    truth = np.asarray(y_true).astype(bool)
    flags = np.asarray(y_pred).astype(bool)
    tp = int(np.sum(truth & flags))
    precision = tp / truth.sum() if truth.sum() else 0.0
    recall = tp / flags.sum() if flags.sum() else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return float(precision), float(recall), float(f1)
