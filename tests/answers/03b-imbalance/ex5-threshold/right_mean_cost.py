# Right: the average cost per row, (C_FP * FP + C_FN * FN) / n, which has the same
# minimiser; candidates tried from the largest down, a strict < keeps the largest.
import math

import numpy as np


def cost_minimising_threshold(y_true, scores, *, cost_fp, cost_fn):
    truth = np.asarray(y_true).astype(bool)
    values = np.asarray(scores, dtype=float)
    n = len(values)
    best, best_cost = math.inf, cost_fn * np.sum(truth) / n
    for threshold in np.unique(values)[::-1]:
        flags = values >= threshold
        cost = (cost_fp * np.sum(flags & ~truth) + cost_fn * np.sum(~flags & truth)) / n
        if cost < best_cost:
            best, best_cost = float(threshold), cost
    return best
