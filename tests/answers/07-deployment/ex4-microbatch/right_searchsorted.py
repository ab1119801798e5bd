# Right: NumPy's searchsorted finds where each batch's deadline cuts the arrivals.
import numpy as np


def micro_batches(arrival_times, max_batch, max_wait):
    times = np.asarray(arrival_times, dtype=float)
    batches = []
    start = 0
    while start < times.size:
        deadline = times[start] + max_wait
        cut = int(np.searchsorted(times, deadline, side="left"))  # first arrival >= deadline
        end = min(max(cut, start + 1), start + max_batch)
        dispatch = float(times[end - 1]) if end - start == max_batch else float(deadline)
        batches.append((dispatch, list(range(start, end))))
        start = end
    return batches
