# Right: scikit-learn's average_precision_score (0.0 when there is no positive row).
import warnings

import numpy as np
from sklearn.metrics import average_precision_score


def average_precision(y_true, scores):
    truth = np.asarray(y_true).astype(int)
    if truth.sum() == 0:
        return 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(average_precision_score(truth, np.asarray(scores, dtype=float)))
