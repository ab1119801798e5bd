# Wrong: searches a fixed grid of 101 thresholds in [0, 1], like a quick tuning loop. It
# works for probabilities that are not too close together, not for other scales.
# Fails with: assumes calibrated probabilities
import numpy as np


def best_threshold(y_true, scores, *, cost_fp, cost_fn):
    actual = np.asarray(y_true, dtype=int)
    values = np.asarray(scores, dtype=float)
    grid = np.linspace(0.0, 1.0, 101)
    costs = [cost_fp * np.sum((values >= t) & (actual == 0))
             + cost_fn * np.sum((values < t) & (actual == 1)) for t in grid]
    return float(grid[int(np.argmin(costs))])
