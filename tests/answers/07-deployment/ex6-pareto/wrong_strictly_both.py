# Wrong: dominance only when strictly better on both criteria, so ties keep dominated options.
def pareto_front(options):
    return sorted(name for name, (size, latency) in options.items()
                  if not any(s < size and t < latency for s, t in options.values()))
