# Wrong: consumes the caller's list with pop(0).
# Fails with: changed its argument
def retry_plan(outcomes, *, max_attempts, base_delay, factor=2.0, max_delay=float("inf"),
               retry_on=("TimeoutError", "ConnectionError")):
    waits, attempt = [], 0
    while True:
        attempt += 1
        outcome = outcomes.pop(0)
        if outcome == "ok":
            return {"succeeded": True, "attempts": attempt, "waits": waits, "error": None}
        if outcome not in retry_on or attempt == max_attempts:
            return {"succeeded": False, "attempts": attempt, "waits": waits, "error": outcome}
        waits.append(min(base_delay * factor ** (attempt - 1), max_delay))
