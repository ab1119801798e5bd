# Wrong: right values, but it stores its result in each event dict it was given.
# Fails with: changed its argument
from collections import deque


def rolling_max_amount(events, window):
    recent, out = {}, []
    for event in events:
        now = event["time"]
        past = recent.setdefault(event["customer_id"], deque())
        while past and past[0][0] < now - window:
            past.popleft()
        event["max_amount_window"] = max(
            (amount for when, amount in past if when < now), default=0.0)
        out.append(event["max_amount_window"])
        past.append((now, event["amount"]))
    return out
