# Right: a for loop over the allowed attempts; math.pow for the backoff.
import math


def retry_plan(outcomes, *, max_attempts, base_delay, factor=2.0, max_delay=float("inf"),
               retry_on=("TimeoutError", "ConnectionError")):
    waits = []
    last = None
    for number, outcome in enumerate(outcomes[:max_attempts], start=1):
        if outcome == "ok":
            return {"succeeded": True, "attempts": number, "waits": waits, "error": None}
        last = outcome
        if outcome not in set(retry_on) or number == max_attempts:
            break
        waits.append(min(base_delay * math.pow(factor, number - 1), max_delay))
    return {"succeeded": False, "attempts": len(waits) + 1, "waits": waits, "error": last}
