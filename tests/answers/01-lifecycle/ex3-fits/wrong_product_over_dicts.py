# Wrong: multiplies the combinations of the dicts of a list instead of adding them, as if
# the dicts were combined with each other rather than being alternative grids.
# Fails with: union of grids
import math


def count_fits(param_grid, n_folds, *, n_iter=None, refit=True):
    grids = [param_grid] if isinstance(param_grid, dict) else param_grid
    combinations = math.prod(math.prod(len(values) for values in grid.values()) for grid in grids)
    candidates = combinations if n_iter is None else min(n_iter, combinations)
    return candidates * n_folds + (1 if refit else 0)
