# Right: a plain loop with bisect.bisect_right (number of edges <= value), by position.
import bisect
import math

import numpy as np


def assign_bins(values, edges):
    codes = []
    for value in np.asarray(values, dtype=float).tolist():
        if math.isnan(value):
            codes.append(-1)
        else:
            codes.append(bisect.bisect_right(edges, value))
    return np.array(codes, dtype=int)
