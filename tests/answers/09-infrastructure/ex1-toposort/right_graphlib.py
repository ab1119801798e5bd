# Right: the standard library's graphlib, with CycleError turned into a plain ValueError.
import graphlib


def topological_order(graph):
    for task, needs in graph.items():
        missing = [need for need in needs if need not in graph]
        if missing:
            raise ValueError(f"{task} depends on unknown task(s): {', '.join(missing)}")
    try:
        return list(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as error:
        raise ValueError(f"the graph has a cycle through {error.args[1]}") from None
