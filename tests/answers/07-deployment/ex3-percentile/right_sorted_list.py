# Right: plain Python: sorted() makes a new list, then pick rank ceil(q * n / 100).
import math


def percentile_nearest_rank(values, q):
    ordered = sorted(float(v) for v in values)
    rank = max(1, math.ceil(q * len(ordered) / 100))
    return ordered[rank - 1]
