# Right: one sweep from the highest score down with cumulative counts, cutting only between
# distinct scores (tied scores are flagged together).
import numpy as np


def best_threshold(y_true, scores, *, cost_fp, cost_fn):
    actual = np.asarray(y_true, dtype=int)
    values = np.asarray(scores, dtype=float)
    order = np.argsort(-values, kind="stable")
    values, actual = values[order], actual[order]
    # Flagging the first k applications (highest scores): FP = repaid among them,
    # FN = defaults among the rest.
    flagged_defaults = np.concatenate([[0], np.cumsum(actual)])
    flagged_repaid = np.concatenate([[0], np.cumsum(1 - actual)])
    cost = cost_fp * flagged_repaid + cost_fn * (actual.sum() - flagged_defaults)
    # k is a valid cut only where the next score differs (or at the ends).
    valid = np.ones(len(values) + 1, dtype=bool)
    valid[1:-1] = values[:-1] != values[1:]
    k = int(np.flatnonzero(valid)[np.argmin(cost[valid])])
    return float(np.inf) if k == 0 else float(values[k - 1])
