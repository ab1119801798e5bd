# Wrong: needs len(stream), which a generator does not have.
import numpy as np


def reservoir_sample(stream, k, *, seed):
    rng = np.random.default_rng(seed)
    n = len(stream)
    chosen = set(rng.choice(n, size=min(k, n), replace=False).tolist())
    return [item for i, item in enumerate(stream) if i in chosen]
