# Right: Li's Algorithm L, which skips ahead a geometric number of items between replacements.
import math
import random
from itertools import islice


def reservoir_sample(stream, k, *, seed):
    rng = random.Random(seed)
    items = iter(stream)
    reservoir = list(islice(items, k))
    if len(reservoir) < k:
        return reservoir

    def uniform_open():
        return 1.0 - rng.random()  # in (0, 1]

    w = math.exp(math.log(uniform_open()) / k)
    while True:
        if w >= 1.0:  # only after a draw of exactly 1.0; redraw
            w = math.exp(math.log(uniform_open()) / k)
            continue
        skip = math.floor(math.log(uniform_open()) / math.log(1.0 - w))
        nxt = next(islice(items, skip, skip + 1), _END)
        if nxt is _END:
            return reservoir
        reservoir[rng.randrange(k)] = nxt
        w *= math.exp(math.log(uniform_open()) / k)


_END = object()
