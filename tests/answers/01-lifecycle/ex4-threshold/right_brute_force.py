# Right: tries every distinct score and "above all of them", and keeps the cheapest.
import numpy as np


def best_threshold(y_true, scores, *, cost_fp, cost_fn):
    actual = np.asarray(y_true, dtype=int)
    values = np.asarray(scores, dtype=float)
    best, best_cost = np.inf, None
    for t in [*np.unique(values), np.inf]:
        flagged = values >= t
        cost = (cost_fp * np.sum(flagged & (actual == 0))
                + cost_fn * np.sum(~flagged & (actual == 1)))
        if best_cost is None or cost < best_cost:
            best, best_cost = float(t), cost
    return best
