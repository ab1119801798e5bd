# Wrong: every event read before counts, even one with the very same time as the current one.
# Fails with: very same time
from collections import deque


def rolling_max_amount(events, window):
    recent, out = {}, []
    for event in events:
        past = recent.setdefault(event["customer_id"], deque())
        while past and past[0][0] < event["time"] - window:
            past.popleft()
        out.append(max((amount for _, amount in past), default=0.0))
        past.append((event["time"], event["amount"]))
    return out
