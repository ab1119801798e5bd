# Wrong: reads the whole stream into a list and samples from it: uniform, but it holds
# every item in memory, which the contract (at most k items) forbids.
# Fails with: held far more than k items
import numpy as np


def reservoir_sample(stream, k, *, seed):
    rng = np.random.default_rng(seed)
    items = list(stream)
    if len(items) <= k:
        return items
    return [items[i] for i in rng.choice(len(items), size=k, replace=False)]
