# Wrong: one window for the whole stream instead of one per customer.
from collections import deque


def rolling_max_amount(events, window):
    past, out = deque(), []
    for event in events:
        now = event["time"]
        while past and past[0][0] < now - window:
            past.popleft()
        out.append(max((amount for when, amount in past if when < now), default=0.0))
        past.append((now, event["amount"]))
    return out
