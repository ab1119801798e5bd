# Right: compare every pair with explicit loops and a flag.
def pareto_front(options):
    front = []
    for name, (size, latency) in options.items():
        beaten = False
        for other, (other_size, other_latency) in options.items():
            if other == name:
                continue
            no_worse = other_size <= size and other_latency <= latency
            better = other_size < size or other_latency < latency
            if no_worse and better:
                beaten = True
                break
        if not beaten:
            front.append(name)
    front.sort()
    return front
