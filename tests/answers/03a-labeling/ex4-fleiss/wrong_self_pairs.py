# Wrong: P_i = sum n_ij^2 / n^2 counts each rating as agreeing with itself (no "- n").
import numpy as np


def fleiss_kappa(counts):
    table = np.asarray(counts, dtype=float)
    n = table[0].sum()
    p_bar = ((table**2).sum(axis=1) / n**2).mean()
    p_e = float(((table.sum(axis=0) / table.sum()) ** 2).sum())
    return float("nan") if p_e == 1 else float((p_bar - p_e) / (1 - p_e))
