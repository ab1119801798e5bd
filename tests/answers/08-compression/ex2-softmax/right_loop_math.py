# Right: one row at a time with the math module, shifting by the row's maximum.
import math

import numpy as np


def softmax_with_temperature(logits, temperature=1.0):
    result = []
    for row in np.asarray(logits, dtype=float).tolist():
        scaled = [value / temperature for value in row]
        top = max(scaled)
        exps = [math.exp(value - top) for value in scaled]
        total = sum(exps)
        result.append([e / total for e in exps])
    return np.array(result)
