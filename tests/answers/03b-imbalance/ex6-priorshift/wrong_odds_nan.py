# Wrong: the odds form without care for p = 1, where the odds are infinite: NaN.
# Fails with: some results are NaN
import numpy as np


def prior_shift(probabilities, *, train_rate, true_rate):
    p = np.asarray(probabilities, dtype=float)
    odds = p / (1 - p) * (true_rate / (1 - true_rate)) / (train_rate / (1 - train_rate))
    return odds / (1 + odds)
