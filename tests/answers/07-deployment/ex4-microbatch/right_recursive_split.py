# Right: takes the batch at the front of the queue with itertools, then repeats on the rest.
from itertools import islice, takewhile


def _front_batch(indexed, max_batch, max_wait):
    first = indexed[0][1]
    deadline = first + max_wait
    joiners = takewhile(lambda item: item[1] < deadline, indexed[1:])
    taken = [indexed[0], *islice(joiners, max_batch - 1)]
    when = taken[-1][1] if len(taken) == max_batch else deadline
    return when, taken


def micro_batches(arrival_times, max_batch, max_wait):
    indexed = list(enumerate(float(t) for t in arrival_times))
    batches = []
    while indexed:
        when, taken = _front_batch(indexed, max_batch, max_wait)
        batches.append((when, [position for position, _ in taken]))
        indexed = indexed[len(taken):]
    return batches
