# Right: per customer, sorted lists of times and amounts; bisect finds [t - window, t).
from bisect import bisect_left


def rolling_max_amount(events, window):
    times, amounts, out = {}, {}, []
    for event in events:
        customer, now = event["customer_id"], event["time"]
        when, how_much = times.setdefault(customer, []), amounts.setdefault(customer, [])
        start = bisect_left(when, now - window)
        stop = bisect_left(when, now)  # events at the very same time are left out
        out.append(float(max(how_much[start:stop], default=0.0)))
        when.append(now)
        how_much.append(event["amount"])
    return out
