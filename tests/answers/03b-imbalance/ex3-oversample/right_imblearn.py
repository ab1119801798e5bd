# Right: imbalanced-learn's RandomOverSampler with the seed as its random_state.
from imblearn.over_sampling import RandomOverSampler


def random_oversample(X, y, *, seed):
    X_res, y_res = RandomOverSampler(random_state=seed).fit_resample(X, y)
    return X_res, y_res
