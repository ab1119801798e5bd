# Wrong: right values, but it divides and shifts the caller's logits in place.
# Fails with: changed its argument `logits`
import numpy as np


def softmax_with_temperature(logits, temperature=1.0):
    logits /= temperature
    logits -= logits.max(axis=1, keepdims=True)
    e = np.exp(logits)
    return e / e.sum(axis=1, keepdims=True)
