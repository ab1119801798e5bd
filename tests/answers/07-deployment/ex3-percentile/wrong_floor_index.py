# Wrong: takes index int(q / 100 * n), one rank too high whenever q * n / 100 is whole.
def percentile_nearest_rank(values, q):
    ordered = sorted(values)
    index = min(int(q / 100 * len(ordered)), len(ordered) - 1)
    return float(ordered[index])
