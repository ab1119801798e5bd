# Wrong: right waves, but it empties the caller's graph as tasks are placed.
# Fails with: changed its argument
def parallel_waves(graph):
    waves, done = [], set()
    while graph:
        ready = [task for task, needs in graph.items() if all(n in done for n in needs)]
        for task in ready:
            del graph[task]
        done.update(ready)
        waves.append(ready)
    return waves
