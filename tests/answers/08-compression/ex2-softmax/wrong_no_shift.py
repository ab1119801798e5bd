# Wrong: the textbook formula without subtracting the maximum; overflows for large logits.
# Fails with: the softmax overflowed
import numpy as np


def softmax_with_temperature(logits, temperature=1.0):
    e = np.exp(np.asarray(logits, dtype=float) / temperature)
    return e / e.sum(axis=1, keepdims=True)
