# Wrong: multiplies the odds by the training odds over the true odds (the inverse).
# Fails with: in a population with 3 % positives
import numpy as np


def prior_shift(probabilities, *, train_rate, true_rate):
    p = np.asarray(probabilities, dtype=float)
    up = p * (train_rate / true_rate)
    down = (1 - p) * ((1 - train_rate) / (1 - true_rate))
    return up / (up + down)
