# Wrong: keeps the last row of a repeated function instead of adding up its own times.
# Fails with: SUM of its own seconds
def top_bottlenecks(rows, total_seconds, k=3):
    own = {function: own_seconds for function, _, own_seconds, _ in rows}
    ranked = sorted(own.items(), key=lambda item: (-item[1], item[0]))
    return [(function, seconds / total_seconds) for function, seconds in ranked[:k]]
