# Right: scikit-learn's precision-recall curve, summed by the step rule
# (-sum of the recall steps times the precision at the end of each step).
import numpy as np
from sklearn.metrics import precision_recall_curve


def average_precision(y_true, scores):
    truth = np.asarray(y_true).astype(int)
    if not truth.any():
        return 0.0
    precision, recall, _ = precision_recall_curve(truth, np.asarray(scores, dtype=float))
    return float(-np.sum(np.diff(recall) * precision[:-1]))
