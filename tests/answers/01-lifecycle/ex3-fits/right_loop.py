# Right: plain loops, no library: multiplies the list lengths of each dict, adds the dicts.
def count_fits(param_grid, n_folds, *, n_iter=None, refit=True):
    if isinstance(param_grid, dict):
        param_grid = [param_grid]
    combinations = 0
    for grid in param_grid:
        size = 1
        for values in grid.values():
            size *= len(values)
        combinations += size
    candidates = combinations
    if n_iter is not None and n_iter < combinations:
        candidates = n_iter
    fits = candidates * n_folds
    if refit:
        fits += 1
    return fits
