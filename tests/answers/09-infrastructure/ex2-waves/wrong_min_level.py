# Wrong: a task starts after its EARLIEST dependency (min instead of max).
def parallel_waves(graph):
    memo = {}

    def wave(task):
        if task not in memo:
            memo[task] = 1 + min((wave(n) for n in graph[task]), default=-1)
        return memo[task]

    for task in graph:
        wave(task)
    result = [[] for _ in range(max(memo.values(), default=-1) + 1)]
    for task, level in memo.items():
        result[level].append(task)
    return result
