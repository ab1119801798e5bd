# Wrong: on a cycle, names only the first task left over, which may merely depend on the cycle.
# Fails with: ON the cycle
def topological_order(graph):
    for needs in graph.values():
        for need in needs:
            if need not in graph:
                raise ValueError(f"unknown dependency {need}")
    placed, done = [], set()
    while len(placed) < len(graph):
        ready = [t for t in graph if t not in done and all(n in done for n in graph[t])]
        if not ready:
            first_left = next(t for t in graph if t not in done)
            raise ValueError(f"cycle detected at {first_left}")
        placed.extend(ready)
        done.update(ready)
    return placed
