# Wrong: checks unknown tasks and cycles, then orders tasks by HOW MANY dependencies they have.
# Fails with: ordering tasks by how MANY dependencies
def topological_order(graph):
    for needs in graph.values():
        for need in needs:
            if need not in graph:
                raise ValueError(f"unknown dependency {need}")
    state = {}

    def visit(task):
        if state.get(task) == "done":
            return
        if state.get(task) == "active":
            raise ValueError(f"cycle through {task}")
        state[task] = "active"
        for need in graph[task]:
            visit(need)
        state[task] = "done"

    for task in graph:
        visit(task)
    return sorted(graph, key=lambda task: len(graph[task]))
