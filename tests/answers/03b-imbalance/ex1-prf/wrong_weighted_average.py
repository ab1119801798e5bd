# Wrong: scikit-learn's scores averaged over both classes, weighted by their support (as
# if "weighted" were the fix for imbalance): not the scores of the positive class.
# Fails with: precision = TP / (TP + FP)
import numpy as np
from sklearn.metrics import precision_recall_fscore_support


def precision_recall_f1(y_true, y_pred):
    precision, recall, f1, _ = precision_recall_fscore_support(
        np.asarray(y_true).astype(int), np.asarray(y_pred).astype(int), average="weighted",
        zero_division=0)
    return float(precision), float(recall), float(f1)
