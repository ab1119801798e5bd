# Right: exp(z - logsumexp(z)), the log-domain way.
import numpy as np
from scipy.special import logsumexp


def softmax_with_temperature(logits, temperature=1.0):
    z = np.asarray(logits, dtype=float) / temperature
    return np.exp(z - logsumexp(z, axis=1, keepdims=True))
