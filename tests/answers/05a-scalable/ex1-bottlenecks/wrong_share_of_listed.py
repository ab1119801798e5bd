# Wrong: divides by the sum of the listed own times instead of total_seconds.
def top_bottlenecks(rows, total_seconds, k=3):
    own = {}
    for function, _, own_seconds, _ in rows:
        own[function] = own.get(function, 0.0) + own_seconds
    listed = sum(own.values()) or 1.0
    ranked = sorted(own.items(), key=lambda item: (-item[1], item[0]))
    return [(function, seconds / listed) for function, seconds in ranked[:k]]
