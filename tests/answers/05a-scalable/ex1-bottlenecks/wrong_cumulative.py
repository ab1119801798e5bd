# Wrong: ranks the functions by cumulative time instead of own time.
def top_bottlenecks(rows, total_seconds, k=3):
    totals = {}
    for function, _, _, cumulative in rows:
        totals[function] = totals.get(function, 0.0) + cumulative
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
    return [(function, seconds / total_seconds) for function, seconds in ranked[:k]]
