# Wrong: fixed windows of max_wait seconds from time 0 ("tumbling"), not a deadline per batch.
# Fails with: first request
import math


def micro_batches(arrival_times, max_batch, max_wait):
    batches, members, window_end = [], [], None
    for position, arrival in enumerate(arrival_times):
        if members and arrival >= window_end:
            batches.append((window_end, members))
            members = []
        if not members:
            window_end = (math.floor(arrival / max_wait) + 1) * max_wait if max_wait else arrival
        members.append(position)
        if len(members) == max_batch:
            batches.append((arrival, members))
            members = []
    if members:
        batches.append((window_end, members))
    return batches
