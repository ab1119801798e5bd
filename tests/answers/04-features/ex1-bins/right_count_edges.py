# Right: count, for every value, how many edges are <= it (a broadcast comparison), -1 for NaN.
import numpy as np


def assign_bins(values, edges):
    numbers = np.asarray(values, dtype=float).reshape(-1)
    limits = np.asarray(edges, dtype=float)
    counts = (numbers[:, None] >= limits[None, :]).sum(axis=1)
    counts[np.isnan(numbers)] = -1
    return counts.astype(np.int64)
