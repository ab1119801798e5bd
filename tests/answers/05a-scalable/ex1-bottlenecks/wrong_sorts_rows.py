# Wrong: right result, but it sorts the caller's list of rows in place.
# Fails with: changed its argument `rows`
def top_bottlenecks(rows, total_seconds, k=3):
    rows.sort(key=lambda row: (-row[2], row[0]))
    own = {}
    for function, _, own_seconds, _ in rows:
        own[function] = own.get(function, 0.0) + own_seconds
    ranked = sorted(own.items(), key=lambda item: (-item[1], item[0]))
    return [(function, seconds / total_seconds) for function, seconds in ranked[:k]]
