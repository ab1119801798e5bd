# Wrong: the trapezoidal area under the precision-recall curve.
# Fails with: AP = 1/2 * 1 + 1/2 * 2/3
import numpy as np
from sklearn.metrics import auc, precision_recall_curve


def average_precision(y_true, scores):
    truth = np.asarray(y_true).astype(int)
    if truth.sum() == 0:
        return 0.0
    precision, recall, _ = precision_recall_curve(truth, np.asarray(scores, dtype=float))
    return float(auc(recall, precision))
