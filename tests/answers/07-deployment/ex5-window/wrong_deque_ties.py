# Wrong: a monotonic deque that drops smaller earlier amounts as soon as a larger one arrives,
# even when the larger one has the same time as the next event (which must not see it).
# Fails with: larger amount arrived
from collections import deque


def rolling_max_amount(events, window):
    candidates, out = {}, []
    for event in events:
        now, amount = event["time"], event["amount"]
        best = candidates.setdefault(event["customer_id"], deque())
        while best and best[0][0] < now - window:
            best.popleft()
        out.append(max((value for when, value in best if when < now), default=0.0))
        while best and best[-1][1] <= amount:
            best.pop()
        best.append((now, amount))
    return out
