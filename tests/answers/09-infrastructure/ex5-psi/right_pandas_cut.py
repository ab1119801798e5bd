# Right: pandas cut (right-closed bins) at the reference's quantiles; repeated edges dropped,
# which only removes bins that are empty in both samples.
import numpy as np
import pandas as pd


def psi(reference, current, n_bins=10, eps=1e-4):
    ref = pd.Series(np.asarray(reference, dtype=float))
    cur = pd.Series(np.asarray(current, dtype=float))
    inner = np.quantile(ref.to_numpy(), [k / n_bins for k in range(1, n_bins)])
    edges = np.unique(np.r_[-np.inf, inner, np.inf])
    ref_bins = pd.cut(ref, edges, right=True, labels=False)
    cur_bins = pd.cut(cur, edges, right=True, labels=False)
    slots = range(len(edges) - 1)
    r = ref_bins.value_counts(normalize=True).reindex(slots, fill_value=0.0).to_numpy()
    c = cur_bins.value_counts(normalize=True).reindex(slots, fill_value=0.0).to_numpy()
    r, c = np.maximum(r, eps), np.maximum(c, eps)
    return float(((c - r) * np.log(c / r)).sum())
