# Right: give each item a uniform random key and keep the k smallest keys in a heap.
import heapq

import numpy as np


def reservoir_sample(stream, k, *, seed):
    rng = np.random.default_rng(seed)
    heap = []  # max-heap of (-key, position, item) holding the k smallest keys
    for position, item in enumerate(stream):
        key = rng.random()
        if len(heap) < k:
            heapq.heappush(heap, (-key, position, item))
        elif key < -heap[0][0]:
            heapq.heapreplace(heap, (-key, position, item))
    return [item for _, _, item in heap]
