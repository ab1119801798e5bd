# Right: the wave of a task is 1 + the largest wave of its dependencies, memoised.
from functools import cache


def parallel_waves(graph):
    @cache
    def wave(task):
        return 1 + max((wave(need) for need in graph[task]), default=-1)

    levels = {task: wave(task) for task in graph}
    result = [[] for _ in range(max(levels.values(), default=-1) + 1)]
    for task, level in levels.items():
        result[level].append(task)
    return result
