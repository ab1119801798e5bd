# Right: a Counter adds up own times; sorted by (-time, name).
from collections import Counter


def top_bottlenecks(rows, total_seconds, k=3):
    own = Counter()
    for function, _calls, own_seconds, _cumulative in rows:
        own[function] += own_seconds
    ranked = sorted(own.items(), key=lambda item: (-item[1], item[0]))
    return [(function, seconds / total_seconds) for function, seconds in ranked[:k]]
