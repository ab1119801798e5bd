# Right: a small event-driven simulation with an explicit "open batch" state.
from collections import deque


class _Batcher:
    def __init__(self, max_batch, max_wait):
        self.max_batch, self.max_wait = max_batch, max_wait
        self.open, self.opened_at, self.sent = [], None, []

    def flush(self, when):
        self.sent.append((when, self.open))
        self.open, self.opened_at = [], None

    def arrive(self, position, when):
        if self.open and when >= self.opened_at + self.max_wait:
            self.flush(self.opened_at + self.max_wait)
        if not self.open:
            self.opened_at = when
        self.open.append(position)
        if len(self.open) >= self.max_batch:
            self.flush(when)


def micro_batches(arrival_times, max_batch, max_wait):
    batcher = _Batcher(max_batch, max_wait)
    pending = deque(enumerate(arrival_times))
    while pending:
        position, when = pending.popleft()
        batcher.arrive(position, float(when))
    if batcher.open:
        batcher.flush(batcher.opened_at + max_wait)
    return batcher.sent
