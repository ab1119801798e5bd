# Right: a monotonic deque per customer (amortised O(1) per event), with same-time events
# held back until time moves on.
from collections import deque


class _Window:
    def __init__(self):
        self.candidates = deque()  # (time, amount), amounts decreasing from the front
        self.pending = []  # events at the current time: not in anyone's window yet
        self.pending_time = None

    def _push(self, when, amount):
        while self.candidates and self.candidates[-1][1] <= amount:
            self.candidates.pop()
        self.candidates.append((when, amount))

    def query_then_add(self, now, amount, width):
        if self.pending and now > self.pending_time:
            for when, value in self.pending:
                self._push(when, value)
            self.pending = []
        while self.candidates and self.candidates[0][0] < now - width:
            self.candidates.popleft()
        best = self.candidates[0][1] if self.candidates else 0.0
        self.pending.append((now, amount))
        self.pending_time = now
        return float(best)


def rolling_max_amount(events, window):
    windows = {}
    out = []
    for event in events:
        state = windows.setdefault(event["customer_id"], _Window())
        out.append(state.query_then_add(event["time"], event["amount"], window))
    return out
