# Wrong: equal-width bins between the reference's minimum and maximum, not its quantiles.
import numpy as np


def psi(reference, current, n_bins=10, eps=1e-4):
    ref = np.asarray(reference, dtype=float)
    cur = np.asarray(current, dtype=float)
    edges = np.linspace(ref.min(), ref.max(), n_bins + 1)[1:-1]
    r = np.maximum(np.bincount(np.searchsorted(edges, ref), minlength=n_bins) / len(ref), eps)
    c = np.maximum(np.bincount(np.searchsorted(edges, cur), minlength=n_bins) / len(cur), eps)
    return float(np.sum((c - r) * np.log(c / r)))
