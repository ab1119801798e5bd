# Right: merge with a dict, then heapq.nsmallest on (-own time, name).
import heapq


def top_bottlenecks(rows, total_seconds, k=3):
    totals = {}
    for row in rows:
        name, own_seconds = row[0], row[2]
        totals[name] = totals.get(name, 0.0) + own_seconds
    best = heapq.nsmallest(k, ((-own, name) for name, own in totals.items()))
    return [(name, -negative / total_seconds) for negative, name in best]
