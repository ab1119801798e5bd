# Wrong: forgets the batch still open when the arrivals run out.
def micro_batches(arrival_times, max_batch, max_wait):
    batches, members, opened = [], [], None
    for position, arrival in enumerate(arrival_times):
        if members and arrival >= opened + max_wait:
            batches.append((opened + max_wait, members))
            members = []
        if not members:
            opened = arrival
        members.append(position)
        if len(members) == max_batch:
            batches.append((arrival, members))
            members = []
    return batches
