# Wrong: reads max_attempts as the number of RETRIES, so it makes one attempt too many.
def retry_plan(outcomes, *, max_attempts, base_delay, factor=2.0, max_delay=float("inf"),
               retry_on=("TimeoutError", "ConnectionError")):
    waits = []
    padded = list(outcomes) + [outcomes[-1]]
    for attempt in range(1, max_attempts + 2):
        outcome = padded[attempt - 1]
        if outcome == "ok":
            return {"succeeded": True, "attempts": attempt, "waits": waits, "error": None}
        if outcome not in retry_on or attempt == max_attempts + 1:
            return {"succeeded": False, "attempts": attempt, "waits": waits, "error": outcome}
        waits.append(min(base_delay * factor ** (attempt - 1), max_delay))
