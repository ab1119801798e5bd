# Wrong: forgets the final refit of the best candidate.
import math


def count_fits(param_grid, n_folds, *, n_iter=None, refit=True):
    grids = [param_grid] if isinstance(param_grid, dict) else param_grid
    combinations = sum(math.prod(len(values) for values in grid.values()) for grid in grids)
    candidates = combinations if n_iter is None else min(n_iter, combinations)
    return candidates * n_folds
