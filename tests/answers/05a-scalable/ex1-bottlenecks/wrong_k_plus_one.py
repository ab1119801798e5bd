# Wrong: an off-by-one slice returns k + 1 functions.
def top_bottlenecks(rows, total_seconds, k=3):
    own = {}
    for function, _, own_seconds, _ in rows:
        own[function] = own.get(function, 0.0) + own_seconds
    ranked = sorted(own.items(), key=lambda item: (-item[1], item[0]))
    return [(function, seconds / total_seconds) for function, seconds in ranked[:k + 1]]
