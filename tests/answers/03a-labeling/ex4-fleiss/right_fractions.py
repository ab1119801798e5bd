# Right: exact arithmetic with fractions, in plain Python loops.
from fractions import Fraction

import numpy as np


def fleiss_kappa(counts):
    rows = [[int(x) for x in row] for row in np.asarray(counts)]
    n = sum(rows[0])
    p_bar = sum(Fraction(sum(x * x for x in row) - n, n * (n - 1)) for row in rows) / len(rows)
    totals = [sum(column) for column in zip(*rows, strict=True)]
    p_e = sum(Fraction(t, len(rows) * n) ** 2 for t in totals)
    if p_e == 1:
        return float("nan")
    return float((p_bar - p_e) / (1 - p_e))
