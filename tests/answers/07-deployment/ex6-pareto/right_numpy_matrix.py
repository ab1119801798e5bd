# Right: a dominance matrix with NumPy broadcasting.
import numpy as np


def pareto_front(options):
    names = list(options)
    figures = np.array([list(options[name]) for name in names], dtype=float).reshape(-1, 2)
    a = figures[:, None, :]  # row i: the candidate that may dominate
    b = figures[None, :, :]  # column j: the candidate that may be dominated
    dominates = (a <= b).all(axis=2) & (a < b).any(axis=2)
    dominated = dominates.any(axis=0)
    return sorted(name for name, out in zip(names, dominated, strict=True) if not out)
