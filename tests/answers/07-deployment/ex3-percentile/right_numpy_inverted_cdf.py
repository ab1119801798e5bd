# Right: NumPy's percentile with method="inverted_cdf", which is the nearest-rank definition.
import numpy as np


def percentile_nearest_rank(values, q):
    return float(np.percentile(np.asarray(values, dtype=float), q, method="inverted_cdf"))
