# Wrong: waves counted back from the end (as late as possible): a free task lands in a late wave.
# Fails with: 0 for a task with none
def parallel_waves(graph):
    users = {task: [] for task in graph}
    for task, needs in graph.items():
        for need in needs:
            users[need].append(task)
    height = {}
    def tail(task):  # tasks on the longest chain from `task` to the end
        if task not in height:
            height[task] = 1 + max((tail(user) for user in users[task]), default=0)
        return height[task]
    for task in graph:
        tail(task)
    depth = max(height.values(), default=0)
    waves = [[] for _ in range(depth)]
    for task, h in height.items():
        waves[depth - h].append(task)
    return waves
