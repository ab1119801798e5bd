# Right: gives every application its own cost with np.where, then takes the mean.
import numpy as np


def expected_cost(y_true, y_pred, *, cost_fp, cost_fn):
    actual = np.asarray(y_true).astype(bool)
    flagged = np.asarray(y_pred).astype(bool)
    per_application = np.where(flagged & ~actual, cost_fp,
                               np.where(~flagged & actual, cost_fn, 0.0))
    return float(per_application.mean())
