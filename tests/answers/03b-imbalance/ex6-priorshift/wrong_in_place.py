# Wrong: the right numbers, computed in place in the caller's array (np.asarray does not
# copy a float array).
# Fails with: changed its argument
import numpy as np


def prior_shift(probabilities, *, train_rate, true_rate):
    p = np.asarray(probabilities, dtype=float)
    a = true_rate / train_rate
    b = (1 - true_rate) / (1 - train_rate)
    denominator = p * a + (1 - p) * b
    p *= a
    p /= denominator
    return p
