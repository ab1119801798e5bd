# Right: sort by size then latency and sweep, keeping exact duplicates of a front point.
def pareto_front(options):
    ordered = sorted(options.items(), key=lambda item: (item[1][0], item[1][1]))
    front = []
    best_latency = None
    last_kept = None
    for name, (size, latency) in ordered:
        if last_kept is not None and (size, latency) == last_kept:
            front.append(name)  # identical to a point on the front: not dominated
        elif best_latency is None or latency < best_latency:
            front.append(name)
            best_latency = latency
            last_kept = (size, latency)
    return sorted(front)
