# Right: pandas Series.quantile (linear, like NumPy) and a comparison-count loop for the bins.
import numpy as np
import pandas as pd


def psi(reference, current, n_bins=10, eps=1e-4):
    ref = pd.Series(list(reference), dtype=float)
    cur = pd.Series(list(current), dtype=float)
    edges = ref.quantile([k / n_bins for k in range(1, n_bins)]).to_numpy()
    def shares(values):
        # bin number = how many edges lie strictly below the value
        bins = (values.to_numpy()[:, None] > edges[None, :]).sum(axis=1)
        return np.maximum(np.bincount(bins, minlength=n_bins) / len(values), eps)
    r, c = shares(ref), shares(cur)
    return float(np.sum((c - r) * np.log(c / r)))
