# Wrong: Kahn's algorithm that silently returns a partial order when there is a cycle.
from collections import deque


def topological_order(graph):
    for needs in graph.values():
        for need in needs:
            if need not in graph:
                raise ValueError(f"unknown dependency {need}")
    waiting = {task: len(needs) for task, needs in graph.items()}
    followers = {task: [] for task in graph}
    for task, needs in graph.items():
        for need in needs:
            followers[need].append(task)
    ready = deque(t for t, n in waiting.items() if n == 0)
    order = []
    while ready:
        task = ready.popleft()
        order.append(task)
        for nxt in followers[task]:
            waiting[nxt] -= 1
            if waiting[nxt] == 0:
                ready.append(nxt)
    return order
