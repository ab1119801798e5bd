# Wrong: dependencies that are not tasks are silently treated as already done.
def topological_order(graph):
    placed, done = [], set()
    while len(placed) < len(graph):
        ready = [t for t in graph if t not in done
                 and all(n in done or n not in graph for n in graph[t])]
        if not ready:
            raise ValueError("cycle among " + ", ".join(t for t in graph if t not in done))
        placed.extend(ready)
        done.update(ready)
    return placed
