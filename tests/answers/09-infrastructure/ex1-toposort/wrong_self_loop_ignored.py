# Wrong: depth-first search that skips a task's dependency on itself, so a self-loop is no cycle.
# Fails with: depends on itself
def topological_order(graph):
    for task, needs in graph.items():
        for need in needs:
            if need not in graph:
                raise ValueError(f"{task!r} needs {need!r}, which is not a task")
    order, state = [], {}
    def visit(task, path):
        if state.get(task) == "done":
            return
        if state.get(task) == "active":
            raise ValueError("cycle through " + " -> ".join(path + [task]))
        state[task] = "active"
        for need in graph[task]:
            if need != task:  # "a task cannot wait for itself"
                visit(need, path + [task])
        state[task] = "done"
        order.append(task)
    for task in graph:
        visit(task, [])
    return order
