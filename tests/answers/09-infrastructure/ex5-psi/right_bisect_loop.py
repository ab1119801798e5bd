# Right: plain Python, bisect_left for each value's bin (a value equal to an edge goes low).
import math
from bisect import bisect_left

import numpy as np


def psi(reference, current, n_bins=10, eps=1e-4):
    ref = [float(x) for x in reference]
    cur = [float(x) for x in current]
    edges = list(np.quantile(ref, [k / n_bins for k in range(1, n_bins)]))
    ref_counts, cur_counts = [0] * n_bins, [0] * n_bins
    for x in ref:
        ref_counts[bisect_left(edges, x)] += 1
    for x in cur:
        cur_counts[bisect_left(edges, x)] += 1
    total = 0.0
    for rc, cc in zip(ref_counts, cur_counts, strict=True):
        r, c = max(rc / len(ref), eps), max(cc / len(cur), eps)
        total += (c - r) * math.log(c / r)
    return total
