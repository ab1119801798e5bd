# Wrong: squares the table in place to save memory; np.asarray does not copy a float array,
# so the caller's counts are overwritten.
# Fails with: changed its argument
import numpy as np


def fleiss_kappa(counts):
    table = np.asarray(counts, dtype=float)
    n_items, n = table.shape[0], table[0].sum()
    p_e = float(((table.sum(axis=0) / (n_items * n)) ** 2).sum())
    table **= 2
    p_bar = ((table.sum(axis=1) - n) / (n * (n - 1))).mean()
    return float("nan") if p_e == 1 else float((p_bar - p_e) / (1 - p_e))
