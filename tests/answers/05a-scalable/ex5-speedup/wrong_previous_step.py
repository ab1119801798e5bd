# Wrong: compares each step with the step before it instead of with the baseline.
import pandas as pd


def speedup_table(runs, baseline):
    best = {}
    for step, seconds in runs:
        best[step] = min(best.get(step, seconds), seconds)
    if baseline not in best:
        raise ValueError(f"unknown baseline {baseline!r}")
    times = list(best.values())
    ratios = [1.0] + [before / after for before, after in zip(times, times[1:], strict=False)]
    return pd.DataFrame({"best_seconds": times, "speedup": ratios}, index=list(best))
