# Right: recursive depth-first search (post-order), a set of tasks on the current path.
def topological_order(graph):
    order, finished, on_path = [], set(), []

    def visit(task):
        if task in finished:
            return
        if task in on_path:
            raise ValueError(f"cycle detected at task {task}")
        on_path.append(task)
        for need in graph[task]:
            if need not in graph:
                raise ValueError(f"task {task} needs {need}, which does not exist")
            visit(need)
        on_path.pop()
        finished.add(task)
        order.append(task)

    for task in graph:
        visit(task)
    return order
