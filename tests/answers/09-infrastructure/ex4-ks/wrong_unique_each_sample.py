# Wrong: drops repeated values inside each sample first (np.unique), which changes both ECDFs.
# Fails with: tied values
import numpy as np


def ks_statistic(reference, current):
    a = np.unique(np.asarray(reference, dtype=float))
    b = np.unique(np.asarray(current, dtype=float))
    points = np.concatenate([a, b])
    gap = np.searchsorted(a, points, side="right") / a.size - np.searchsorted(
        b, points, side="right") / b.size
    return float(np.abs(gap).max())
