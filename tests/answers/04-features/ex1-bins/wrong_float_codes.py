# Wrong: right bin numbers, but returned as floats (np.where with np.nan-style arithmetic).
import numpy as np


def assign_bins(values, edges):
    numbers = np.asarray(values, dtype=float)
    codes = np.searchsorted(edges, numbers, side="right").astype(float)
    codes[np.isnan(numbers)] = -1.0
    return codes
