# Right: counts per distinct value of the pooled sample, cumulated into the two ECDFs.
import numpy as np


def ks_statistic(reference, current):
    a = np.asarray(reference, dtype=float)
    b = np.asarray(current, dtype=float)
    grid = np.unique(np.concatenate([a, b]))
    count_a = np.bincount(np.searchsorted(grid, a), minlength=len(grid))
    count_b = np.bincount(np.searchsorted(grid, b), minlength=len(grid))
    gap = np.cumsum(count_a) / len(a) - np.cumsum(count_b) / len(b)
    return float(np.abs(gap).max())
