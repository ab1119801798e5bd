# Wrong: evaluates "flag when score > t" but returns t, so under the contract's rule
# (score >= t) the application with score t is flagged too.
import numpy as np


def best_threshold(y_true, scores, *, cost_fp, cost_fn):
    actual = np.asarray(y_true, dtype=int)
    values = np.asarray(scores, dtype=float)
    candidates = np.append(np.unique(values), -np.inf)
    costs = [cost_fp * np.sum((values > t) & (actual == 0))
             + cost_fn * np.sum((values <= t) & (actual == 1)) for t in candidates]
    return float(candidates[int(np.argmin(costs))])
