# Wrong: NumPy's default percentile interpolates between neighbours (method="linear").
import numpy as np


def percentile_nearest_rank(values, q):
    return float(np.percentile(values, q))
