# Right: scan again and again for tasks whose dependencies are all placed (quadratic, simple).
def topological_order(graph):
    for task in graph:
        for need in graph[task]:
            if need not in graph:
                raise ValueError("unknown dependency: " + need)
    placed = []
    done = set()
    while len(placed) < len(graph):
        ready = [t for t in graph if t not in done and all(n in done for n in graph[t])]
        if not ready:
            stuck = sorted(t for t in graph if t not in done)
            raise ValueError("cycle among the tasks " + ", ".join(stuck))
        for t in ready:
            placed.append(t)
            done.add(t)
    return placed
