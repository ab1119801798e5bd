# Wrong: draws the slot from 0..i-1 for the item at 0-based index i (should be 0..i).
import numpy as np


def reservoir_sample(stream, k, *, seed):
    rng = np.random.default_rng(seed)
    reservoir = []
    for i, item in enumerate(stream):
        if i < k:
            reservoir.append(item)
        else:
            j = rng.integers(0, i)
            if j < k:
                reservoir[j] = item
    return reservoir
