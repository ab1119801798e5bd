# Wrong: the wave follows the FIRST dependency listed, not the last one to finish.
# Fails with: LAST of its dependencies
def parallel_waves(graph):
    memo = {}

    def wave(task):
        if task not in memo:
            needs = graph[task]
            memo[task] = 0 if not needs else 1 + wave(needs[0])
        return memo[task]

    for task in graph:
        wave(task)
    result = [[] for _ in range(max(memo.values(), default=-1) + 1)]
    for task, level in memo.items():
        result[level].append(task)
    return result
