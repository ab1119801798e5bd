# Wrong: appends an infinite sentinel to the caller's list to flush the last batch.
# Fails with: changed its argument
import math


def micro_batches(arrival_times, max_batch, max_wait):
    if not isinstance(arrival_times, list):
        arrival_times = list(arrival_times)
    arrival_times.append(math.inf)  # modifies the caller's list
    batches, members, opened = [], [], None
    for position, arrival in enumerate(arrival_times):
        if members and arrival >= opened + max_wait:
            batches.append((opened + max_wait, members))
            members = []
        if arrival == math.inf:
            break
        if not members:
            opened = arrival
        members.append(position)
        if len(members) == max_batch:
            batches.append((arrival, members))
            members = []
    return batches
