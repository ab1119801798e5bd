# Wrong: a full batch still waits for its deadline instead of leaving at once.
def micro_batches(arrival_times, max_batch, max_wait):
    batches, members, opened = [], [], None
    for position, arrival in enumerate(arrival_times):
        if members and (arrival >= opened + max_wait or len(members) == max_batch):
            batches.append((opened + max_wait, members))
            members = []
        if not members:
            opened = arrival
        members.append(position)
    if members:
        batches.append((opened + max_wait, members))
    return batches
