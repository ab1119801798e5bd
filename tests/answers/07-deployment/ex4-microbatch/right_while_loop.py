# Right: an index-based while loop that grows each batch as far as it may go.
def micro_batches(arrival_times, max_batch, max_wait):
    times = list(arrival_times)
    batches = []
    start = 0
    while start < len(times):
        deadline = times[start] + max_wait
        end = start + 1
        while end < len(times) and end - start < max_batch and times[end] < deadline:
            end += 1
        if end - start == max_batch:
            dispatch = times[end - 1]
        else:
            dispatch = deadline
        batches.append((dispatch, list(range(start, end))))
        start = end
    return batches
