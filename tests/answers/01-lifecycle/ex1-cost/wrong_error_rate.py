# Wrong: the error rate times the average of the two costs, as if both errors cost the same.
import numpy as np


def expected_cost(y_true, y_pred, *, cost_fp, cost_fn):
    actual = np.asarray(y_true, dtype=int)
    flagged = np.asarray(y_pred, dtype=int)
    return float(np.mean(actual != flagged) * (cost_fp + cost_fn) / 2)
