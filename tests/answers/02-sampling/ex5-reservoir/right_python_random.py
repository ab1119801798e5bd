# Right: Algorithm R as in the book (1-based j from 1..i), with Python's random.Random.
import random


def reservoir_sample(stream, k, *, seed):
    rng = random.Random(seed)
    reservoir = []
    i = 0
    for item in stream:
        i += 1
        if i <= k:
            reservoir.append(item)
            continue
        j = rng.randint(1, i)  # uniform over 1..i inclusive
        if j <= k:
            reservoir[j - 1] = item
    return reservoir
