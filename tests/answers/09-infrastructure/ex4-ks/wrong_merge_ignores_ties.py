# Wrong: walks the pooled sorted values one at a time, measuring the gap in the middle of ties.
# Fails with: tied values
import numpy as np


def ks_statistic(reference, current):
    a = np.asarray(reference, dtype=float)
    b = np.asarray(current, dtype=float)
    pooled = np.concatenate([a, b])
    from_a = np.concatenate([np.ones(len(a)), np.zeros(len(b))])
    order = np.argsort(pooled, kind="stable")
    steps = np.where(from_a[order] == 1, 1 / len(a), -1 / len(b))
    return float(np.abs(np.cumsum(steps)).max())
