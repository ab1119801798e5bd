# Right: start every task at wave 0 and push it later until it is after all its dependencies.
def parallel_waves(graph):
    wave = {task: 0 for task in graph}
    changed = True
    while changed:
        changed = False
        for task, needs in graph.items():
            for need in needs:
                if wave[task] < wave[need] + 1:
                    wave[task] = wave[need] + 1
                    changed = True
    result = [[] for _ in range(max(wave.values(), default=-1) + 1)]
    for task, number in wave.items():
        result[number].append(task)
    return result
