# Wrong: weighs the false-positive RATE and the miss RATE (FP / negatives, FN / positives)
# instead of the counts: the same minimiser only when the classes are equally large.
# Fails with: does not minimise
import math

import numpy as np


def cost_minimising_threshold(y_true, scores, *, cost_fp, cost_fn):
    truth = np.asarray(y_true).astype(bool)
    values = np.asarray(scores, dtype=float)
    n_pos, n_neg = max(truth.sum(), 1), max((~truth).sum(), 1)
    best, best_cost = math.inf, cost_fn * truth.sum() / n_pos
    for threshold in sorted(set(values.tolist()), reverse=True):
        flags = values >= threshold
        cost = (cost_fp * np.sum(flags & ~truth) / n_neg
                + cost_fn * np.sum(~flags & truth) / n_pos)
        if cost < best_cost:
            best, best_cost = threshold, cost
    return float(best)
