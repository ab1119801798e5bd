# Right: scikit-learn's own function, on plain arrays (paired by position).
import warnings

import numpy as np
from sklearn.metrics import cohen_kappa_score


def cohen_kappa(rater_a, rater_b):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the undefined case warns, and returns nan
        return float(cohen_kappa_score(np.asarray(rater_a), np.asarray(rater_b)))
