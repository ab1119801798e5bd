# Right: Kahn's algorithm layer by layer: each layer is what becomes ready after the last one.
def parallel_waves(graph):
    waiting = {task: len(needs) for task, needs in graph.items()}
    followers = {task: [] for task in graph}
    for task, needs in graph.items():
        for need in needs:
            followers[need].append(task)
    layer = [task for task, count in waiting.items() if count == 0]
    waves = []
    while layer:
        waves.append(layer)
        following = []
        for task in layer:
            for nxt in followers[task]:
                waiting[nxt] -= 1
                if waiting[nxt] == 0:
                    following.append(nxt)
        layer = following
    return waves
