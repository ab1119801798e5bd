# Wrong: one pass in the dict's order, assuming every dependency is listed before its task.
def parallel_waves(graph):
    level = {}
    for task, needs in graph.items():
        level[task] = 1 + max((level[need] for need in needs), default=-1)
    result = [[] for _ in range(max(level.values(), default=-1) + 1)]
    for task, wave in level.items():
        result[wave].append(task)
    return result
