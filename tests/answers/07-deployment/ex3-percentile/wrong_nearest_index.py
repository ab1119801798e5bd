# Wrong: rounds q / 100 * (n - 1) to the nearest index ("nearest rank" misread).
def percentile_nearest_rank(values, q):
    ordered = sorted(values)
    return float(ordered[round(q / 100 * (len(ordered) - 1))])
