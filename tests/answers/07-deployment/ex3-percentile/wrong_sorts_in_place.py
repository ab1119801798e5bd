# Wrong: the right value, but list.sort() reorders the caller's list in place.
# Fails with: changed its argument
import math


def percentile_nearest_rank(values, q):
    if isinstance(values, list):
        values.sort()  # in place: the caller's list changes
        ordered = values
    else:
        ordered = sorted(values)
    rank = max(1, math.ceil(q * len(ordered) / 100))
    return float(ordered[rank - 1])
