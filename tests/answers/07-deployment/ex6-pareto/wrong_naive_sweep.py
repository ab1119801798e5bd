# Wrong: sorts by size only and keeps an option when it is faster than all before it.
def pareto_front(options):
    front, best = [], float("inf")
    for name, (_, latency) in sorted(options.items(), key=lambda item: item[1][0]):
        if latency < best:
            front.append(name)
            best = latency
    return sorted(front)
