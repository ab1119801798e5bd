# Wrong: graphlib alone; an unknown dependency becomes a new task in the order, no error.
from graphlib import TopologicalSorter


def topological_order(graph):
    return list(TopologicalSorter(graph).static_order())
