# Right: heapq.nsmallest keeps the k smallest values; the k-th is the percentile.
import heapq
import math


def percentile_nearest_rank(values, q):
    data = [float(v) for v in values]
    k = max(1, math.ceil(q * len(data) / 100))
    return heapq.nsmallest(k, data)[-1]
