# Right: scikit-learn's confusion matrix for the counts, the formulas by hand.
import numpy as np
from sklearn.metrics import confusion_matrix


def precision_recall_f1(y_true, y_pred):
    truth = np.asarray(y_true).astype(int)
    flags = np.asarray(y_pred).astype(int)
    _, fp, fn, tp = confusion_matrix(truth, flags, labels=[0, 1]).ravel()
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return float(precision), float(recall), float(f1)
