# Right: np.digitize (bins include their left edge by default), then -1 for missing values.
import numpy as np


def assign_bins(values, edges):
    numbers = np.array(values, dtype=float)
    codes = np.digitize(numbers, edges)
    codes[np.isnan(numbers)] = -1
    return codes
