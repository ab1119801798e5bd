# Wrong: bins each sample at its OWN quantiles, so every sample gets equal shares.
import numpy as np


def psi(reference, current, n_bins=10, eps=1e-4):
    def shares(values):
        values = np.asarray(values, dtype=float)
        edges = np.quantile(values, [k / n_bins for k in range(1, n_bins)])
        counts = np.bincount(np.searchsorted(edges, values, side="left"), minlength=n_bins)
        return np.maximum(counts / len(values), eps)

    r, c = shares(reference), shares(current)
    return float(np.sum((c - r) * np.log(c / r)))
