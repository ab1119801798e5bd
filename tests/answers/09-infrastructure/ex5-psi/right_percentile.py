# Right: np.percentile at 100 k / n_bins percent.
import numpy as np


def psi(reference, current, n_bins=10, eps=1e-4):
    ref = np.asarray(reference, dtype=float)
    cur = np.asarray(current, dtype=float)
    edges = np.percentile(ref, [100 * k / n_bins for k in range(1, n_bins)])
    r = np.maximum(np.bincount(np.searchsorted(edges, ref), minlength=n_bins) / len(ref), eps)
    c = np.maximum(np.bincount(np.searchsorted(edges, cur), minlength=n_bins) / len(cur), eps)
    return float(np.sum((c - r) * np.log(c / r)))
