# Right: p' = 1 / (1 + (1/p - 1) / k) with k the odds ratio; at p = 0 the division gives
# inf and the result 0, at p = 1 the result 1 (NumPy's divide warning silenced).
import numpy as np


def prior_shift(probabilities, *, train_rate, true_rate):
    p = np.array(probabilities, dtype=float)
    k = (true_rate / (1 - true_rate)) / (train_rate / (1 - train_rate))
    with np.errstate(divide="ignore"):
        return 1.0 / (1.0 + (1.0 / p - 1.0) / k)
