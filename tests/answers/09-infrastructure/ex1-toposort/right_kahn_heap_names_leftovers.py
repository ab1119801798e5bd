# Right: Kahn's algorithm with a heap (alphabetical among ready tasks); on a cycle, names every
# task left over, which includes every task on the cycle.
import heapq


def topological_order(graph):
    for task, needs in graph.items():
        for need in needs:
            if need not in graph:
                raise ValueError(f"unknown dependency {need!r} (needed by {task!r})")
    missing = {task: len(set(needs)) for task, needs in graph.items()}
    users = {task: [] for task in graph}
    for task, needs in graph.items():
        for need in set(needs):
            users[need].append(task)
    ready = [task for task, count in missing.items() if count == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        task = heapq.heappop(ready)
        order.append(task)
        for user in users[task]:
            missing[user] -= 1
            if missing[user] == 0:
                heapq.heappush(ready, user)
    if len(order) != len(graph):
        left = sorted(task for task in graph if task not in set(order))
        raise ValueError(f"cycle: no order exists for {', '.join(left)}")
    return order
