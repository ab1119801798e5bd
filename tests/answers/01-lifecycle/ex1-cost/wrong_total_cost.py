# Wrong: returns the total cost instead of the average cost per application.
import numpy as np


def expected_cost(y_true, y_pred, *, cost_fp, cost_fn):
    actual = np.asarray(y_true, dtype=int)
    flagged = np.asarray(y_pred, dtype=int)
    n_fp = np.sum((flagged == 1) & (actual == 0))
    n_fn = np.sum((flagged == 0) & (actual == 1))
    return float(cost_fp * n_fp + cost_fn * n_fn)
