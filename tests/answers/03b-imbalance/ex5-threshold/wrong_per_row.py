# Wrong: cumulative costs row by row after sorting, as if tied rows could be split; right
# with distinct scores, wrong with ties.
# Fails with: with tied scores
import math

import numpy as np


def cost_minimising_threshold(y_true, scores, *, cost_fp, cost_fn):
    truth = np.asarray(y_true).astype(bool)
    values = np.asarray(scores, dtype=float)
    order = np.argsort(-values, kind="stable")
    truth, values = truth[order], values[order]
    costs = cost_fp * np.cumsum(~truth) + cost_fn * (truth.sum() - np.cumsum(truth))
    nobody = cost_fn * truth.sum()
    best = int(np.argmin(costs))
    return math.inf if nobody <= costs[best] else float(values[best])
