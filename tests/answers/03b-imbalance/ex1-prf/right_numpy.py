# Right: NumPy counts with count_nonzero and explicit zero-division guards.
import numpy as np


def precision_recall_f1(y_true, y_pred):
    truth = np.asarray(y_true) == 1
    flags = np.asarray(y_pred) == 1
    tp = np.count_nonzero(truth & flags)
    fp = np.count_nonzero(flags) - tp
    fn = np.count_nonzero(truth) - tp
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp > 0 else 0.0
    return float(precision), float(recall), float(f1)
