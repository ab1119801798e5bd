# Wrong: the area under the ROC curve instead of average precision.
# Fails with: the rows need not be sorted by score
import numpy as np
from sklearn.metrics import roc_auc_score


def average_precision(y_true, scores):
    truth = np.asarray(y_true).astype(int)
    if truth.sum() == 0:
        return 0.0
    return float(roc_auc_score(truth, np.asarray(scores, dtype=float)))
