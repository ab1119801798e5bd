# Wrong: every later item replaces a random slot with a fixed probability (here 0.5).
import numpy as np


def reservoir_sample(stream, k, *, seed):
    rng = np.random.default_rng(seed)
    reservoir = []
    for item in stream:
        if len(reservoir) < k:
            reservoir.append(item)
        elif rng.random() < 0.5:
            reservoir[rng.integers(k)] = item
    return reservoir
