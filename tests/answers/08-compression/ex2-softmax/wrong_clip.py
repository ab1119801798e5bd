# Wrong: clips the logits to avoid overflow, which changes the probabilities of large logits.
# Fails with: do not clip or rescale them
import numpy as np


def softmax_with_temperature(logits, temperature=1.0):
    z = np.clip(np.asarray(logits, dtype=float) / temperature, -500, 500)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
