# Wrong: loops with values[i], which on a pandas Series reads by LABEL, not by position.
# Fails with: read the values by position
import math

import numpy as np


def assign_bins(values, edges):
    codes = np.empty(len(values), dtype=np.int64)
    for i in range(len(values)):
        value = float(values[i])
        codes[i] = -1 if math.isnan(value) else sum(edge <= value for edge in edges)
    return codes
