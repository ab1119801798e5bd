# Wrong: method="lower" rounds the interpolation position down: right on small examples only.
import numpy as np


def percentile_nearest_rank(values, q):
    return float(np.percentile(np.asarray(values, dtype=float), q, method="lower"))
