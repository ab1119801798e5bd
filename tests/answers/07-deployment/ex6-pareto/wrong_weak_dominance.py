# Wrong: "at most as large and at most as slow" without "strictly better somewhere", so
# identical options knock each other out.
# Fails with: identical
def pareto_front(options):
    return sorted(name for name, (size, latency) in options.items()
                  if not any(other != name and s <= size and t <= latency
                             for other, (s, t) in options.items()))
