# Wrong: reads the whole stream and uses a window centred on the event, so it sees the future.
def rolling_max_amount(events, window):
    stream = list(events)
    out = []
    for i, event in enumerate(stream):
        near = [other["amount"] for j, other in enumerate(stream)
                if j != i and other["customer_id"] == event["customer_id"]
                and abs(other["time"] - event["time"]) <= window / 2]
        out.append(max(near, default=0.0))
    return out
