# Wrong: np.histogram puts a value EQUAL to an edge into the upper bin.
# Fails with: EQUAL to an edge
import numpy as np


def psi(reference, current, n_bins=10, eps=1e-4):
    ref = np.asarray(reference, dtype=float)
    cur = np.asarray(current, dtype=float)
    edges = np.r_[-np.inf, np.quantile(ref, [k / n_bins for k in range(1, n_bins)]), np.inf]
    r = np.maximum(np.histogram(ref, edges)[0] / len(ref), eps)
    c = np.maximum(np.histogram(cur, edges)[0] / len(cur), eps)
    return float(np.sum((c - r) * np.log(c / r)))
