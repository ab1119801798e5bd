# Wrong: clips the probabilities away from 0 and 1 to avoid infinite odds, so 0 and 1 do
# not stay exactly 0 and 1; right everywhere else.
# Fails with: must stay exactly 0 or 1
import numpy as np


def prior_shift(probabilities, *, train_rate, true_rate):
    p = np.clip(np.asarray(probabilities, dtype=float), 1e-12, 1 - 1e-12)
    odds = p / (1 - p) * (true_rate / (1 - true_rate)) / (train_rate / (1 - train_rate))
    return odds / (1 + odds)
