# Right: iterative depth-first search with three colours; a grey dependency closes a cycle.
def topological_order(graph):
    for task, needs in graph.items():
        for need in needs:
            if need not in graph:
                raise ValueError(f"unknown dependency {need!r} (needed by {task!r})")
    colour = dict.fromkeys(graph, "white")
    order = []
    for start in graph:
        if colour[start] != "white":
            continue
        stack = [(start, iter(graph[start]))]
        colour[start] = "grey"
        while stack:
            task, pending = stack[-1]
            for need in pending:
                if colour[need] == "grey":
                    path = [name for name, _ in stack]
                    cycle = path[path.index(need):] + [need]
                    raise ValueError("cycle: " + " -> ".join(cycle))
                if colour[need] == "white":
                    colour[need] = "grey"
                    stack.append((need, iter(graph[need])))
                    break
            else:
                colour[task] = "black"
                order.append(task)
                stack.pop()
    return order
