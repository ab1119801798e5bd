# Wrong: adds the lengths of the lists instead of multiplying them.
def count_fits(param_grid, n_folds, *, n_iter=None, refit=True):
    grids = [param_grid] if isinstance(param_grid, dict) else param_grid
    combinations = sum(len(values) for grid in grids for values in grid.values())
    candidates = combinations if n_iter is None else min(n_iter, combinations)
    return candidates * n_folds + (1 if refit else 0)
