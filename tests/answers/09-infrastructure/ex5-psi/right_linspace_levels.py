# Right: edges at np.linspace(0, 1, n_bins + 1)[1:-1] instead of k / n_bins (the same levels).
import numpy as np


def psi(reference, current, n_bins=10, eps=1e-4):
    ref = np.asarray(reference, dtype=float)
    cur = np.asarray(current, dtype=float)
    edges = np.quantile(ref, np.linspace(0, 1, n_bins + 1)[1:-1])
    r = np.maximum(np.bincount(np.searchsorted(edges, ref), minlength=n_bins) / len(ref), eps)
    c = np.maximum(np.bincount(np.searchsorted(edges, cur), minlength=n_bins) / len(cur), eps)
    return float(np.sum((c - r) * np.log(c / r)))
