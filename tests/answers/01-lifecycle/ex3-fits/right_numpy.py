# Right: np.prod of the list lengths per dict (dtype=int, so that {} counts as 1, not 1.0).
import numpy as np


def count_fits(param_grid, n_folds, *, n_iter=None, refit=True):
    if isinstance(param_grid, dict):
        param_grid = [param_grid]
    sizes = [np.prod([len(values) for values in grid.values()], dtype=int) for grid in param_grid]
    candidates = int(np.sum(sizes))
    if n_iter is not None:
        candidates = min(candidates, n_iter)
    return candidates * n_folds + (1 if refit else 0)
