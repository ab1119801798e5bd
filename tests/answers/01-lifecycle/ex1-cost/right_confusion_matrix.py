# Right: scikit-learn's confusion matrix multiplied cell by cell with the cost matrix.
import numpy as np
from sklearn.metrics import confusion_matrix


def expected_cost(y_true, y_pred, *, cost_fp, cost_fn):
    counts = confusion_matrix(np.asarray(y_true, dtype=int), np.asarray(y_pred, dtype=int),
                              labels=[0, 1])
    costs = np.array([[0.0, cost_fp], [cost_fn, 0.0]])
    return float((counts * costs).sum() / counts.sum())
