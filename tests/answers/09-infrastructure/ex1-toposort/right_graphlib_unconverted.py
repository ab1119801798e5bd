# Right: graphlib as it is; its CycleError is a subclass of ValueError and lists the cycle.
import graphlib


def topological_order(graph):
    for needs in graph.values():
        for need in needs:
            if need not in graph:
                raise ValueError(f"unknown dependency {need}")
    return list(graphlib.TopologicalSorter(graph).static_order())
