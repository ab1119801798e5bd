# Right: subtract each row's largest raw logit first, then divide by T (same thing for T > 0).
import numpy as np


def softmax_with_temperature(logits, temperature=1.0):
    z = np.asarray(logits, dtype=float)
    shifted = (z - z.max(axis=1, keepdims=True)) / temperature
    e = np.exp(shifted)
    return e / np.sum(e, axis=1, keepdims=True)
