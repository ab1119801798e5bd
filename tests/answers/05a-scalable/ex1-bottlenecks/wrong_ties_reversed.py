# Wrong: sorts by (time, name) in reverse, so ties come out Z to A.
# Fails with: ordered by name, A to Z
def top_bottlenecks(rows, total_seconds, k=3):
    own = {}
    for function, _, own_seconds, _ in rows:
        own[function] = own.get(function, 0.0) + own_seconds
    ranked = sorted(own.items(), key=lambda item: (item[1], item[0]), reverse=True)
    return [(function, seconds / total_seconds) for function, seconds in ranked[:k]]
