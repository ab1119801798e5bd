# Wrong: shifts the probability by the difference of the rates instead of rescaling the
# odds; right at p = 0.5 and when the rates are equal, wrong elsewhere.
# Fails with: 3/11
import numpy as np


def prior_shift(probabilities, *, train_rate, true_rate):
    p = np.asarray(probabilities, dtype=float)
    return np.clip(p - (train_rate - true_rate), 0.0, 1.0)
