# Wrong: for a random search over a list of dicts, draws up to n_iter candidates from EACH
# dict, instead of n_iter candidates in all (capped by the total number of combinations).
# Fails with: over a list of dicts
import math


def count_fits(param_grid, n_folds, *, n_iter=None, refit=True):
    grids = [param_grid] if isinstance(param_grid, dict) else param_grid
    sizes = [math.prod(len(values) for values in grid.values()) for grid in grids]
    candidates = sum(sizes) if n_iter is None else sum(min(n_iter, size) for size in sizes)
    return candidates * n_folds + int(refit)
