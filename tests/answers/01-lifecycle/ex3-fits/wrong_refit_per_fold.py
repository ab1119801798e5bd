# Wrong: counts the refit as one more candidate cross-validated on every fold.
import math


def count_fits(param_grid, n_folds, *, n_iter=None, refit=True):
    grids = [param_grid] if isinstance(param_grid, dict) else param_grid
    combinations = sum(math.prod(len(values) for values in grid.values()) for grid in grids)
    candidates = combinations if n_iter is None else min(n_iter, combinations)
    return (candidates + (1 if refit else 0)) * n_folds
