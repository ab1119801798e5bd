# Wrong: reports the FIRST error of a failed run instead of the last one.
# Fails with: LAST error
def retry_plan(outcomes, *, max_attempts, base_delay, factor=2.0, max_delay=float("inf"),
               retry_on=("TimeoutError", "ConnectionError")):
    waits, first_error = [], None
    for attempt in range(1, max_attempts + 1):
        outcome = outcomes[attempt - 1]
        if outcome == "ok":
            return {"succeeded": True, "attempts": attempt, "waits": waits, "error": None}
        first_error = first_error or outcome
        if outcome not in retry_on or attempt == max_attempts:
            return {"succeeded": False, "attempts": attempt, "waits": waits,
                    "error": first_error}
        waits.append(min(base_delay * factor ** (attempt - 1), max_delay))
