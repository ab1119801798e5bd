# Wrong: edges at the quantiles of BOTH samples pooled.
import numpy as np


def psi(reference, current, n_bins=10, eps=1e-4):
    ref = np.asarray(reference, dtype=float)
    cur = np.asarray(current, dtype=float)
    edges = np.quantile(np.concatenate([ref, cur]), [k / n_bins for k in range(1, n_bins)])
    r = np.maximum(np.bincount(np.searchsorted(edges, ref), minlength=n_bins) / len(ref), eps)
    c = np.maximum(np.bincount(np.searchsorted(edges, cur), minlength=n_bins) / len(cur), eps)
    return float(np.sum((c - r) * np.log(c / r)))
