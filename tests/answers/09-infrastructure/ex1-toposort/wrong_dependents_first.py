# Wrong: depth-first post-order reversed, which puts every task BEFORE its dependencies.
def topological_order(graph):
    for needs in graph.values():
        for need in needs:
            if need not in graph:
                raise ValueError(f"unknown dependency {need}")
    order, state = [], {}

    def visit(task):
        if state.get(task) == "done":
            return
        if state.get(task) == "active":
            raise ValueError(f"cycle through {task}")
        state[task] = "active"
        for need in graph[task]:
            visit(need)
        state[task] = "done"
        order.append(task)

    for task in graph:
        visit(task)
    return order[::-1]
