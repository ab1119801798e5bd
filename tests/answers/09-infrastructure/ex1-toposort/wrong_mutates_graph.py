# Wrong: Kahn's algorithm that removes placed dependencies from the caller's lists.
# Fails with: changed its argument
def topological_order(graph):
    for needs in graph.values():
        for need in needs:
            if need not in graph:
                raise ValueError(f"unknown dependency {need}")
    order = []
    while len(order) < len(graph):
        ready = [t for t, needs in graph.items() if not needs and t not in order]
        if not ready:
            left = [t for t in graph if t not in order]
            raise ValueError("cycle among " + ", ".join(left))
        for task in ready:
            order.append(task)
            for needs in graph.values():
                if task in needs:
                    needs.remove(task)
    return order
