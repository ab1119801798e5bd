# Wrong: forgets the candidate "flag nobody" (math.inf).
# Fails with: return math.inf
import numpy as np


def cost_minimising_threshold(y_true, scores, *, cost_fp, cost_fn):
    truth = np.asarray(y_true).astype(bool)
    values = np.asarray(scores, dtype=float)
    candidates = np.unique(values)[::-1]
    costs = [cost_fp * np.sum((values >= t) & ~truth) + cost_fn * np.sum((values < t) & truth)
             for t in candidates]
    return float(candidates[int(np.argmin(costs))])
