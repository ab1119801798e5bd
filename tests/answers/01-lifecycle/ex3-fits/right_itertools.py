# Right: enumerates the combinations of each dict with itertools.product and counts them.
from itertools import product


def count_fits(param_grid, n_folds, *, n_iter=None, refit=True):
    grids = param_grid if isinstance(param_grid, list) else [param_grid]
    combinations = 0
    for grid in grids:
        combinations += len(list(product(*grid.values())))
    candidates = combinations if n_iter is None else min(n_iter, combinations)
    fits = candidates * n_folds
    if refit:
        fits += 1
    return fits
