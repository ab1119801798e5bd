# Wrong: only the one-sided gap F_reference - F_current, without the absolute value.
import numpy as np


def ks_statistic(reference, current):
    a = np.sort(np.asarray(reference, dtype=float))
    b = np.sort(np.asarray(current, dtype=float))
    points = np.concatenate([a, b])
    gap = (np.searchsorted(a, points, side="right") / len(a)
           - np.searchsorted(b, points, side="right") / len(b))
    return float(max(gap.max(), 0.0))
