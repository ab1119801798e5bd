# Right: sort by name, then a stable sort by own time (largest first); shares as a list of lists.
def top_bottlenecks(rows, total_seconds, k=3):
    totals = {}
    for function, _, own, _ in rows:
        totals[function] = totals.get(function, 0) + own
    names = sorted(totals)
    names.sort(key=lambda name: totals[name], reverse=True)
    return [[name, totals[name] / total_seconds] for name in names[:k]]
