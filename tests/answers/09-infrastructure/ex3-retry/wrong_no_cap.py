# Wrong: forgets the cap max_delay.
def retry_plan(outcomes, *, max_attempts, base_delay, factor=2.0, max_delay=float("inf"),
               retry_on=("TimeoutError", "ConnectionError")):
    waits = []
    for attempt in range(1, max_attempts + 1):
        outcome = outcomes[attempt - 1]
        if outcome == "ok":
            return {"succeeded": True, "attempts": attempt, "waits": waits, "error": None}
        if outcome not in retry_on or attempt == max_attempts:
            return {"succeeded": False, "attempts": attempt, "waits": waits, "error": outcome}
        waits.append(base_delay * factor ** (attempt - 1))
