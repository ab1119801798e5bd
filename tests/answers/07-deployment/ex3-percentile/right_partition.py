# Right: np.partition puts the k-th smallest value in place without sorting everything.
import math

import numpy as np


def percentile_nearest_rank(values, q):
    data = np.array(values, dtype=float)  # a copy
    k = max(1, math.ceil(q * data.size / 100)) - 1
    return float(np.partition(data, k)[k])
