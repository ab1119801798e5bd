# Right: counts the two kinds of error with np.count_nonzero on plain arrays.
import numpy as np


def expected_cost(y_true, y_pred, *, cost_fp, cost_fn):
    actual = np.asarray(y_true).astype(bool)
    flagged = np.asarray(y_pred).astype(bool)
    n_fp = np.count_nonzero(flagged & ~actual)
    n_fn = np.count_nonzero(~flagged & actual)
    return (cost_fp * n_fp + cost_fn * n_fn) / actual.size
