# Right: Bayes' rule one probability at a time, in plain Python.
import numpy as np


def prior_shift(probabilities, *, train_rate, true_rate):
    up_weight = true_rate / train_rate
    down_weight = (1 - true_rate) / (1 - train_rate)
    corrected = []
    for p in list(probabilities):
        up = float(p) * up_weight
        corrected.append(up / (up + (1 - float(p)) * down_weight))
    return np.array(corrected, dtype=float)
