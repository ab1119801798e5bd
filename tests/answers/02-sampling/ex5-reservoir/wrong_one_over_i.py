# Wrong: item i replaces a random slot with probability 1/i instead of k/i.
import numpy as np


def reservoir_sample(stream, k, *, seed):
    rng = np.random.default_rng(seed)
    reservoir = []
    for i, item in enumerate(stream, start=1):
        if i <= k:
            reservoir.append(item)
        elif rng.random() < 1 / i:
            reservoir[rng.integers(k)] = item
    return reservoir
