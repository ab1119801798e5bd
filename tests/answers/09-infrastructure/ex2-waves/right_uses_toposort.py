# Right: reuses Exercise 1: in a topological order every dependency's wave is already known.
def parallel_waves(graph):
    level = {}
    for task in topological_order(graph):  # noqa: F821 - defined by Exercise 1's cell
        level[task] = max([level[need] + 1 for need in graph[task]] + [0])
    count = max(level.values()) + 1 if level else 0
    return [sorted(t for t in level if level[t] == k) for k in range(count)]
