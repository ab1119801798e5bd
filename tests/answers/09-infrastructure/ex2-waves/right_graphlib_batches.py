# Right: graphlib's ready batches, marking a whole batch done at once: each batch is a wave.
from graphlib import TopologicalSorter


def parallel_waves(graph):
    sorter = TopologicalSorter(graph)
    sorter.prepare()
    waves = []
    while sorter.is_active():
        batch = list(sorter.get_ready())
        waves.append(batch)
        sorter.done(*batch)
    return waves
