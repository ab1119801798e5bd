# Wrong: the deadline restarts at every arrival (an idle timeout), instead of counting from
# the batch's first request.
def micro_batches(arrival_times, max_batch, max_wait):
    batches, members, last = [], [], None
    for position, arrival in enumerate(arrival_times):
        if members and arrival >= last + max_wait:
            batches.append((last + max_wait, members))
            members = []
        members.append(position)
        last = arrival
        if len(members) == max_batch:
            batches.append((arrival, members))
            members = []
    if members:
        batches.append((last + max_wait, members))
    return batches
