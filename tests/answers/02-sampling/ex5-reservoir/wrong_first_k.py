# Wrong: keeps the first k items of the stream.
from itertools import islice


def reservoir_sample(stream, k, *, seed):
    return list(islice(stream, k))
