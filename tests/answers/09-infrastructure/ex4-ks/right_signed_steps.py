# Right: pooled argsort with steps +1/n and -1/m, cumulated, read at the end of each tie group.
import numpy as np


def ks_statistic(reference, current):
    a = np.asarray(reference, dtype=float)
    b = np.asarray(current, dtype=float)
    values = np.concatenate([a, b])
    steps = np.concatenate([np.full(a.size, 1.0 / a.size), np.full(b.size, -1.0 / b.size)])
    order = np.argsort(values, kind="stable")
    values, running = values[order], np.cumsum(steps[order])
    last_of_group = np.r_[values[1:] != values[:-1], True]
    return float(np.abs(running[last_of_group]).max())
