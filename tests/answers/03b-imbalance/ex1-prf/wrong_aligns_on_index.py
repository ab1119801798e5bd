# Wrong: works on lists and arrays, but two Series are aligned on their index labels by
# pandas, so rows are paired by label instead of by position.
# Fails with: match rows by position
import pandas as pd


def precision_recall_f1(y_true, y_pred):
    truth = pd.Series(y_true).astype(bool)
    flags = pd.Series(y_pred).astype(bool)
    tp = int((truth & flags).sum())
    fp = int((~truth & flags).sum())
    fn = int((truth & ~flags).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return float(precision), float(recall), float(f1)
