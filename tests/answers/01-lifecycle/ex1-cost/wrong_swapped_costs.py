# Wrong: charges cost_fn for false positives and cost_fp for false negatives.
import numpy as np


def expected_cost(y_true, y_pred, *, cost_fp, cost_fn):
    actual = np.asarray(y_true, dtype=int)
    flagged = np.asarray(y_pred, dtype=int)
    n_fp = np.sum((flagged == 1) & (actual == 0))
    n_fn = np.sum((flagged == 0) & (actual == 1))
    return float((cost_fn * n_fp + cost_fp * n_fn) / len(actual))
