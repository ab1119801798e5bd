# Wrong: right numbers, but it "fixes" the index alignment of two Series by resetting the
# caller's Series in place, which changes its argument.
# Fails with: changed its argument
import pandas as pd


def precision_recall_f1(y_true, y_pred):
    if isinstance(y_true, pd.Series):
        y_true.reset_index(drop=True, inplace=True)
    if isinstance(y_pred, pd.Series):
        y_pred.reset_index(drop=True, inplace=True)
    truth = pd.Series(y_true).astype(bool)
    flags = pd.Series(y_pred).astype(bool)
    tp = int((truth & flags).sum())
    fp = int((~truth & flags).sum())
    fn = int((truth & ~flags).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return float(precision), float(recall), float(f1)
