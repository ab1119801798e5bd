# Wrong: the wave is the number of dependencies (and empty waves are dropped).
def parallel_waves(graph):
    by_count = {}
    for task, needs in graph.items():
        by_count.setdefault(len(needs), []).append(task)
    return [by_count[count] for count in sorted(by_count)]
