# Wrong: applies the temperature after the softmax (p ** (1/T)) and forgets to renormalise.
import numpy as np


def softmax_with_temperature(logits, temperature=1.0):
    z = np.asarray(logits, dtype=float)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True)) ** (1 / temperature)
