# Wrong: a random search always tries n_iter candidates, even when the lists hold fewer
# combinations (scikit-learn samples lists without replacement, so it cannot).
# Fails with: LARGER than the number of combinations
import math


def count_fits(param_grid, n_folds, *, n_iter=None, refit=True):
    grids = [param_grid] if isinstance(param_grid, dict) else param_grid
    combinations = sum(math.prod(len(values) for values in grid.values()) for grid in grids)
    candidates = combinations if n_iter is None else n_iter
    return candidates * n_folds + (1 if refit else 0)
