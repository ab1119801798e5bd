# Right: computes the whole backoff schedule first, then walks through the outcomes.
def retry_plan(outcomes, *, max_attempts, base_delay, factor=2.0, max_delay=float("inf"),
               retry_on=("TimeoutError", "ConnectionError")):
    schedule = [min(base_delay * factor**k, max_delay) for k in range(max_attempts - 1)]
    tried = outcomes[:max_attempts]
    for index, outcome in enumerate(tried):
        last = index == len(tried) - 1
        if outcome == "ok":
            return dict(succeeded=True, attempts=index + 1, waits=schedule[:index], error=None)
        if outcome not in retry_on or last:
            return dict(succeeded=False, attempts=index + 1, waits=schedule[:index],
                        error=outcome)
    raise AssertionError("unreachable")
