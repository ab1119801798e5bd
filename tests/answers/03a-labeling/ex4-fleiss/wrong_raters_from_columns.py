# Wrong: takes the number of ratings per item n from the number of columns (categories)
# instead of from a row sum.
import numpy as np


def fleiss_kappa(counts):
    table = np.asarray(counts, dtype=float)
    n_items, n = table.shape
    p_bar = (((table**2).sum(axis=1) - n) / (n * (n - 1))).mean()
    p_e = float(((table.sum(axis=0) / (n_items * n)) ** 2).sum())
    return float("nan") if p_e == 1 else float((p_bar - p_e) / (1 - p_e))
