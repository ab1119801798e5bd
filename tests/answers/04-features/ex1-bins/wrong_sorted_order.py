# Wrong: sorts the values for a one-pass sweep and returns the bins in SORTED order.
# Fails with: in the order of values
import math

import numpy as np


def assign_bins(values, edges):
    numbers = sorted(float(v) for v in np.asarray(values, dtype=float))
    codes, current = [], 0
    for value in numbers:
        if math.isnan(value):
            codes.append(-1)
            continue
        while current < len(edges) and edges[current] <= value:
            current += 1
        codes.append(current)
    return np.array(codes, dtype=np.int64)
