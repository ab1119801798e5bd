# Wrong: counts the stream first, then reads it again; a generator is empty the second time.
import numpy as np


def reservoir_sample(stream, k, *, seed):
    rng = np.random.default_rng(seed)
    n = sum(1 for _ in stream)
    chosen = set(rng.choice(n, size=min(k, n), replace=False).tolist())
    return [item for i, item in enumerate(stream) if i in chosen]
