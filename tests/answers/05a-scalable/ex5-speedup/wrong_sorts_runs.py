# Wrong: sorts the caller's list in place to find the fastest runs.
# Fails with: changed its argument `runs`
import pandas as pd


def speedup_table(runs, baseline):
    order = list(dict.fromkeys(step for step, _ in runs))
    runs.sort(key=lambda run: run[1])
    best = {}
    for step, seconds in runs:
        best.setdefault(step, seconds)
    if baseline not in best:
        raise ValueError(f"unknown baseline {baseline!r}")
    return pd.DataFrame({"best_seconds": [best[s] for s in order],
                         "speedup": [best[baseline] / best[s] for s in order]}, index=order)
