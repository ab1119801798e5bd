# Right: lets scikit-learn count the candidates (ParameterGrid has a len()).
from sklearn.model_selection import ParameterGrid


def count_fits(param_grid, n_folds, *, n_iter=None, refit=True):
    combinations = len(ParameterGrid(param_grid))
    candidates = combinations if n_iter is None else min(n_iter, combinations)
    return candidates * n_folds + int(refit)
