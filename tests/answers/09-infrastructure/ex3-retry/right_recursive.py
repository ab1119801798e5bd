# Right: one attempt per call, recursion for the retries.
def retry_plan(outcomes, *, max_attempts, base_delay, factor=2.0, max_delay=float("inf"),
               retry_on=("TimeoutError", "ConnectionError")):
    def attempt(k, waits):
        outcome = outcomes[k - 1]
        if outcome == "ok":
            return {"succeeded": True, "attempts": k, "waits": waits, "error": None}
        if outcome in retry_on and k < max_attempts:
            pause = min(base_delay * factor ** (k - 1), max_delay)
            return attempt(k + 1, waits + [pause])
        return {"succeeded": False, "attempts": k, "waits": waits, "error": outcome}

    return attempt(1, [])
