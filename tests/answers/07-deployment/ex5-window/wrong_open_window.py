# Wrong: the window is (t - window, t): an event exactly `window` seconds old is dropped.
# Fails with: exactly
from collections import deque


def rolling_max_amount(events, window):
    recent, out = {}, []
    for event in events:
        now = event["time"]
        past = recent.setdefault(event["customer_id"], deque())
        while past and past[0][0] <= now - window:
            past.popleft()
        out.append(max((amount for when, amount in past if when < now), default=0.0))
        past.append((now, event["amount"]))
    return out
