# Right: scikit-learn's precision_recall_fscore_support with average="binary", zero_division=0.
import numpy as np
from sklearn.metrics import precision_recall_fscore_support


def precision_recall_f1(y_true, y_pred):
    truth = np.asarray(y_true).astype(int)
    flags = np.asarray(y_pred).astype(int)
    precision, recall, f1, _ = precision_recall_fscore_support(
        truth, flags, average="binary", pos_label=1, zero_division=0)
    return float(precision), float(recall), float(f1)
