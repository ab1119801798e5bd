# Right: P_i as the share of agreeing pairs of ratings, counted with math.comb.
import math

import numpy as np


def fleiss_kappa(counts):
    table = np.asarray(counts).astype(int)
    n = int(table[0].sum())
    pairs = math.comb(n, 2)
    p_i = [sum(math.comb(int(x), 2) for x in row) / pairs for row in table]
    shares = table.sum(axis=0) / table.sum()
    p_e = float(np.sum(shares**2))
    if p_e == 1.0:
        return math.nan
    return float((np.mean(p_i) - p_e) / (1 - p_e))
