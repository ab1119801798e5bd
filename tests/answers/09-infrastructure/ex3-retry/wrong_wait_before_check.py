# Wrong: schedules the wait before looking at the error, so a non-retryable error still waits.
# Fails with: not in retry_on must end the run at once
def retry_plan(outcomes, *, max_attempts, base_delay, factor=2.0, max_delay=float("inf"),
               retry_on=("TimeoutError", "ConnectionError")):
    waits = []
    for attempt in range(1, max_attempts + 1):
        outcome = outcomes[attempt - 1]
        if outcome == "ok":
            return {"succeeded": True, "attempts": attempt, "waits": waits, "error": None}
        if attempt == max_attempts:
            return {"succeeded": False, "attempts": attempt, "waits": waits, "error": outcome}
        waits.append(min(base_delay * factor ** (attempt - 1), max_delay))
        if outcome not in retry_on:
            return {"succeeded": False, "attempts": attempt, "waits": waits, "error": outcome}
