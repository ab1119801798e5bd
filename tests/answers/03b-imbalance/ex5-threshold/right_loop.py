# Right: try every candidate, from "flag nobody" down to the lowest score; keep the first
# (largest) threshold that reaches the lowest cost.
import math

import numpy as np


def cost_minimising_threshold(y_true, scores, *, cost_fp, cost_fn):
    truth = np.asarray(y_true).astype(bool)
    values = np.asarray(scores, dtype=float)
    best, best_cost = math.inf, cost_fn * truth.sum()
    for threshold in sorted(set(values.tolist()), reverse=True):
        flags = values >= threshold
        cost = cost_fp * np.sum(flags & ~truth) + cost_fn * np.sum(~flags & truth)
        if cost < best_cost:
            best, best_cost = threshold, cost
    return float(best)
