# Wrong: rounds each share to three decimals (for display), so the shares are no longer exact.
# Fails with: share must be the function's total own seconds divided by total_seconds
def top_bottlenecks(rows, total_seconds, k=3):
    own = {}
    for function, _, seconds, _ in rows:
        own[function] = own.get(function, 0.0) + seconds
    ranked = sorted(own.items(), key=lambda item: (-item[1], item[0]))[:k]
    return [(function, round(seconds / total_seconds, 3)) for function, seconds in ranked]
