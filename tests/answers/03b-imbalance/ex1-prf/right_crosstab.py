# Right: a pandas crosstab of the two label arrays (by position), reindexed so that an
# absent class still gets a row and a column of zeros.
import numpy as np
import pandas as pd


def precision_recall_f1(y_true, y_pred):
    table = pd.crosstab(np.asarray(y_true).astype(bool), np.asarray(y_pred).astype(bool))
    table = table.reindex(index=[False, True], columns=[False, True], fill_value=0)
    tp, fp, fn = table.loc[True, True], table.loc[False, True], table.loc[True, False]
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return float(precision), float(recall), float(f1)
