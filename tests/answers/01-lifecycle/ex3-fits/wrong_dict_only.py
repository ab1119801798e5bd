# Wrong: right for a single dict, but a list of dicts (a union of grids) breaks it.
# Fails with: has no attribute 'values'
import math


def count_fits(param_grid, n_folds, *, n_iter=None, refit=True):
    combinations = math.prod(len(values) for values in param_grid.values())
    candidates = combinations if n_iter is None else min(n_iter, combinations)
    return candidates * n_folds + (1 if refit else 0)
