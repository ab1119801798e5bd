# Wrong: p_j divides the column total by the number of items only (forgets the n ratings).
import numpy as np


def fleiss_kappa(counts):
    table = np.asarray(counts, dtype=float)
    n = table[0].sum()
    p_bar = (((table**2).sum(axis=1) - n) / (n * (n - 1))).mean()
    p_e = float(((table.sum(axis=0) / len(table)) ** 2).sum())
    return float("nan") if p_e == 1 else float((p_bar - p_e) / (1 - p_e))
