# Right: keeps the next delay in a variable and multiplies it after each retry.
def retry_plan(outcomes, *, max_attempts, base_delay, factor=2.0, max_delay=float("inf"),
               retry_on=("TimeoutError", "ConnectionError")):
    delay, waits, attempt = float(base_delay), [], 0
    while True:
        attempt += 1
        result = outcomes[attempt - 1]
        if result == "ok":
            return {"succeeded": True, "attempts": attempt, "waits": waits, "error": None}
        if result not in set(retry_on) or attempt >= max_attempts:
            return {"succeeded": False, "attempts": attempt, "waits": waits, "error": result}
        waits.append(min(delay, max_delay))
        delay *= factor
