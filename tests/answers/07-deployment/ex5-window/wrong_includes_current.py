# Wrong: adds the event to its own window before taking the maximum.
from collections import deque


def rolling_max_amount(events, window):
    recent, out = {}, []
    for event in events:
        past = recent.setdefault(event["customer_id"], deque())
        past.append((event["time"], event["amount"]))
        while past[0][0] < event["time"] - window:
            past.popleft()
        out.append(max(amount for _, amount in past))
    return out
