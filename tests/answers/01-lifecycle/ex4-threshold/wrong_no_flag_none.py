# Wrong: only tries the scores themselves as thresholds, so "flag no one" is never an option.
# Fails with: flagging no one is best
import numpy as np


def best_threshold(y_true, scores, *, cost_fp, cost_fn):
    actual = np.asarray(y_true, dtype=int)
    values = np.asarray(scores, dtype=float)
    candidates = np.unique(values)
    costs = [cost_fp * np.sum((values >= t) & (actual == 0))
             + cost_fn * np.sum((values < t) & (actual == 1)) for t in candidates]
    return float(candidates[int(np.argmin(costs))])
