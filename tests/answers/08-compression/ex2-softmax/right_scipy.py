# Right: SciPy's softmax along each row.
import numpy as np
from scipy.special import softmax


def softmax_with_temperature(logits, temperature=1.0):
    return softmax(np.asarray(logits, dtype=float) / temperature, axis=1)
