# Right: keeps every earlier event of each customer and scans them backwards.
def rolling_max_amount(events, window):
    history = {}
    maxima = []
    for event in events:
        now = event["time"]
        earlier = history.setdefault(event["customer_id"], [])
        best = 0.0
        for when, amount in reversed(earlier):
            if when < now - window:
                break  # older events are further back still
            if when < now:
                best = max(best, amount)
        maxima.append(float(best))
        earlier.append((now, event["amount"]))
    return maxima
