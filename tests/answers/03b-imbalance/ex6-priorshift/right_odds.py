# Right: the odds form, with the endpoints 0 and 1 handled separately.
import numpy as np


def prior_shift(probabilities, *, train_rate, true_rate):
    p = np.array(probabilities, dtype=float)
    factor = (true_rate / (1 - true_rate)) / (train_rate / (1 - train_rate))
    inside = (p > 0) & (p < 1)
    odds = p[inside] / (1 - p[inside]) * factor
    result = p.copy()
    result[inside] = odds / (1 + odds)
    return result
