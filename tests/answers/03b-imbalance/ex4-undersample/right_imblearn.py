# Right: imbalanced-learn's RandomUnderSampler with the seed as its random_state.
from imblearn.under_sampling import RandomUnderSampler


def random_undersample(X, y, *, seed):
    return RandomUnderSampler(random_state=seed).fit_resample(X, y)
