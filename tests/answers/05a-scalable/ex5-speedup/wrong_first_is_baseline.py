# Wrong: takes the first step of the runs as the baseline, ignoring the argument.
# Fails with: the BASELINE step's best time
import pandas as pd


def speedup_table(runs, baseline):
    best = {}
    for step, seconds in runs:
        best[step] = min(best.get(step, seconds), seconds)
    if baseline not in best:
        raise ValueError(f"unknown baseline {baseline!r}")
    first = next(iter(best.values()))
    return pd.DataFrame({"best_seconds": list(best.values()),
                         "speedup": [first / s for s in best.values()]}, index=list(best))
