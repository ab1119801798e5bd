# Wrong: compares 10-bin histograms of the two samples instead of their ECDFs.
import numpy as np


def ks_statistic(reference, current):
    a = np.asarray(reference, dtype=float)
    b = np.asarray(current, dtype=float)
    edges = np.histogram_bin_edges(np.concatenate([a, b]), bins=10)
    share_a = np.histogram(a, edges)[0] / len(a)
    share_b = np.histogram(b, edges)[0] / len(b)
    return float(np.abs(share_a - share_b).max())
