# Wrong: scales the probability by true_rate / train_rate and forgets to renormalise.
# Fails with: 3/11
import numpy as np


def prior_shift(probabilities, *, train_rate, true_rate):
    return np.asarray(probabilities, dtype=float) * (true_rate / train_rate)
