# Right: both ECDFs evaluated just BEFORE each pooled value (side="left"): the same set of gaps.
import numpy as np


def ks_statistic(reference, current):
    a = np.sort(np.asarray(reference, dtype=float))
    b = np.sort(np.asarray(current, dtype=float))
    points = np.concatenate([a, b])
    gap = np.searchsorted(a, points, side="left") / a.size - np.searchsorted(
        b, points, side="left") / b.size
    return float(np.abs(gap).max())
